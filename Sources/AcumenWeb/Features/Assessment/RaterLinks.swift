import AcumenCore
import AcumenStore
import Fluent
import Foundation

/// Personal links for raters, and the e-mails that carry them.
///
/// A link is shown to its rater once, in the e-mail (or to the programme manager who reissues
/// it). Only its digest is stored, so each reminder carries a fresh link and the previous one
/// stops working; answers are kept with the invitation, not the link, so nothing is lost.
struct RaterLinks {
    let database: any Database
    let baseURL: String

    /// Sends a new link; returns it so that a programme manager can hand it over in person.
    @discardableResult
    func send(_ invitation: Invitation, cycle: AssessmentCycle, today: CalendarDate, isReminder: Bool = false)
        async throws -> String
    {
        let token = SecretToken.generate()
        let link = "\(baseURL)/r/\(token)"
        let message = Self.message(for: invitation, cycle: cycle, link: link, isReminder: isReminder)
        try await database.transaction { database in
            try await InvitationRepository(database: database).issue(
                invitationID: invitation.id, tokenDigest: SecretToken.digest(token), today: today,
                isReminder: isReminder)
            try await OutboxRepository(database: database).enqueue(message)
        }
        return link
    }

    /// Sends a first link to each of these raters, each digest stored in the same transaction
    /// as its e-mail, a few hundred raters per transaction unless the caller's transaction holds
    /// them all (opening a cycle). A rater with several forms (a supervisor with a team) gets
    /// one e-mail listing every link, not one e-mail per form.
    func sendAll(_ invitations: [Invitation], cycle: AssessmentCycle, today: CalendarDate) async throws {
        let byRater = Dictionary(grouping: invitations, by: { $0.raterEmail.lowercased() })
        let mails = byRater.keys.sorted().map { key in
            // Their own self-assessment first, then the people they rate by name.
            let own = byRater[key]!.sorted {
                ($0.source == .self ? 0 : 1, $0.subjectName) < ($1.source == .self ? 0 : 1, $1.subjectName)
            }
            let links = own.map { invitation in
                let token = SecretToken.generate()
                return (
                    invitation: invitation, tokenDigest: SecretToken.digest(token), link: "\(baseURL)/r/\(token)"
                )
            }
            let message =
                links.count == 1
                ? Self.message(for: links[0].invitation, cycle: cycle, link: links[0].link, isReminder: false)
                : Self.digest(links.map { ($0.invitation, $0.link) }, cycle: cycle)
            let digests: [(invitationID: UUID, tokenDigest: String)] = links.map { ($0.invitation.id, $0.tokenDigest) }
            return (digests: digests, message: message)
        }
        for chunk in mails.chunked(into: 500) {
            try await database.transaction { database in
                try await InvitationRepository(database: database).issue(chunk.flatMap(\.digests), today: today)
                try await OutboxRepository(database: database).enqueue(chunk.map(\.message))
            }
        }
    }

    /// One e-mail with every first link of a rater who has several forms in the cycle.
    static func digest(_ links: [(invitation: Invitation, link: String)], cycle: AssessmentCycle) -> OutgoingMessage {
        let first = links[0].invitation
        let lines = links.map { invitation, link in
            let about =
                switch invitation.source {
                case .self: "Yourself"
                case .supervisor: "\(invitation.subjectName), as their supervisor"
                case .peer: "\(invitation.subjectName), as a peer (anonymous)"
                case .customer: "\(invitation.subjectName), as their customer (anonymous)"
                }
            return "- \(about): \(link)"
        }
        let body = """
            Hello \(first.raterName),

            You are invited to take part in the \(cycle.name) and give your view of \(links.count) people. Each form has a personal link of its own:

            \(lines.joined(separator: "\n"))

            Each form saves as you go, so you can stop and come back with the same link. If you have an account in Acumen, the same forms are listed on your home page after you sign in. Answers as a supervisor are shown with your name; answers as a peer or a customer are combined with others' and never shown with your name.

            The links work until \(cycle.settings.closesOn). Please do not forward them: they are yours alone.
            """
        return OutgoingMessage(
            recipient: first.raterEmail, subject: "\(cycle.name): \(links.count) forms for you", body: body)
    }

    static func message(for invitation: Invitation, cycle: AssessmentCycle, link: String, isReminder: Bool)
        -> OutgoingMessage
    {
        let about =
            switch invitation.source {
            case .self: "your own work"
            case .supervisor, .peer: invitation.subjectName
            case .customer: "your account manager, \(invitation.subjectName)"
            }
        let privacy =
            invitation.source.isAnonymous
            ? "Your answers are combined with others' before anyone sees them, and are never shown with your name."
            : "Your answers are shown with your name to \(invitation.subjectName), their supervisor and the programme managers."
        let opening =
            isReminder
            ? "A reminder: the \(cycle.name) closes on \(cycle.settings.closesOn), and your answers about \(about) are not submitted yet."
            : "You are invited to take part in the \(cycle.name) and give your view of \(about)."
        let body = """
            Hello \(invitation.raterName),

            \(opening)

            Open your personal link to answer:
            \(link)

            It saves as you go, so you can stop and come back with the same link. \(privacy)\(isReminder ? " This link replaces any earlier one." : "")

            The link works until \(cycle.settings.closesOn). Please do not forward it: it is yours alone.
            """
        let subject =
            isReminder
            ? "Reminder: \(cycle.name) closes on \(cycle.settings.closesOn)"
            : "\(cycle.name): your view of \(invitation.source == .self ? "your work" : invitation.subjectName)"
        return OutgoingMessage(recipient: invitation.raterEmail, subject: subject, body: body)
    }
}
