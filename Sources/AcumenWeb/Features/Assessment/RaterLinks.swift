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
        try await InvitationRepository(database: database).issue(
            invitationID: invitation.id, tokenDigest: SecretToken.digest(token), today: today, message: message,
            isReminder: isReminder)
        return link
    }

    /// Sends a first link to each of these raters, in batches: opening a large cycle issues
    /// tens of thousands at once.
    func sendAll(_ invitations: [Invitation], cycle: AssessmentCycle, today: CalendarDate) async throws {
        let links = invitations.map { invitation in
            let token = SecretToken.generate()
            return (
                invitationID: invitation.id, tokenDigest: SecretToken.digest(token),
                message: Self.message(
                    for: invitation, cycle: cycle, link: "\(baseURL)/r/\(token)", isReminder: false)
            )
        }
        try await InvitationRepository(database: database).issue(links, today: today)
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
