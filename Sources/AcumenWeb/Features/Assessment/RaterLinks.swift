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
    /// as its e-mail, a few hundred per transaction unless the caller's transaction holds them
    /// all (opening a cycle).
    func sendAll(_ invitations: [Invitation], cycle: AssessmentCycle, today: CalendarDate) async throws {
        let links = invitations.map { invitation in
            let token = SecretToken.generate()
            return (
                invitationID: invitation.id, tokenDigest: SecretToken.digest(token),
                message: Self.message(
                    for: invitation, cycle: cycle, link: "\(baseURL)/r/\(token)", isReminder: false)
            )
        }
        for chunk in links.chunked(into: 500) {
            try await database.transaction { database in
                try await InvitationRepository(database: database).issue(
                    chunk.map { ($0.invitationID, $0.tokenDigest) }, today: today)
                try await OutboxRepository(database: database).enqueue(chunk.map(\.message))
            }
        }
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
