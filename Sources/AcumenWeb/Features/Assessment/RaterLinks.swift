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
    /// The language of raters for whom none was chosen (`ACUMEN_DEFAULT_LANGUAGE`): an e-mail
    /// has no browser to ask.
    var defaultLanguage: Language = .english
    var catalogue: MessageCatalogue = .builtIn

    /// Sends a new link; returns it so that a programme manager can hand it over in person.
    @discardableResult
    func send(_ invitation: Invitation, cycle: AssessmentCycle, today: CalendarDate) async throws -> String {
        let (token, link) = Self.newLink(baseURL: baseURL)
        let message = mail(for: invitation, cycle: cycle, link: link, isReminder: false)
        try await database.transaction { database in
            try await InvitationRepository(database: database).issue(
                invitationID: invitation.id, tokenDigest: SecretToken.digest(token), today: today)
            try await OutboxRepository(database: database).enqueue(message)
        }
        return link
    }

    /// Reminds the rater with a new link, unless they were reminded today already (by this or
    /// another app server); returns whether this call sent the reminder.
    @discardableResult
    func remind(_ invitation: Invitation, cycle: AssessmentCycle, today: CalendarDate) async throws -> Bool {
        let (token, link) = Self.newLink(baseURL: baseURL)
        let message = mail(for: invitation, cycle: cycle, link: link, isReminder: true)
        return try await database.transaction { database in
            guard
                try await InvitationRepository(database: database).issueReminder(
                    invitationID: invitation.id, tokenDigest: SecretToken.digest(token), today: today)
            else { return false }
            try await OutboxRepository(database: database).enqueue(message)
            return true
        }
    }

    private static func newLink(baseURL: String) -> (token: String, link: String) {
        let token = SecretToken.generate()
        return (token, "\(baseURL)/r/\(token)")
    }

    private func mail(for invitation: Invitation, cycle: AssessmentCycle, link: String, isReminder: Bool)
        -> OutgoingMessage
    {
        Self.message(
            for: invitation, cycle: cycle, link: link, isReminder: isReminder,
            text: Localizer(invitation.language ?? defaultLanguage, catalogue: catalogue))
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
                let (token, link) = Self.newLink(baseURL: baseURL)
                return (invitation: invitation, tokenDigest: SecretToken.digest(token), link: link)
            }
            // One e-mail, one language: the first chosen for any of the rater's forms.
            let text = Localizer(own.lazy.compactMap(\.language).first ?? defaultLanguage, catalogue: catalogue)
            let message =
                links.count == 1
                ? Self.message(
                    for: links[0].invitation, cycle: cycle, link: links[0].link, isReminder: false, text: text)
                : Self.digest(links.map { ($0.invitation, $0.link) }, cycle: cycle, text: text)
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
    static func digest(
        _ links: [(invitation: Invitation, link: String)], cycle: AssessmentCycle, text: Localizer
    ) -> OutgoingMessage {
        let first = links[0].invitation
        let lines = links.map { invitation, link in
            let subject = ["subject": invitation.subjectName]
            let about =
                switch invitation.source {
                case .self: text.text(RaterMailMessage.digestSelf)
                case .supervisor: text.text(RaterMailMessage.digestSupervisor, subject)
                case .peer: text.text(RaterMailMessage.digestPeer, subject)
                case .customer: text.text(RaterMailMessage.digestCustomer, subject)
                }
            return "- \(about): \(link)"
        }
        let cycleAndCount = ["cycle": cycle.name]
        let body = """
            \(text.text(RaterMailMessage.greeting, ["name": first.raterName]))

            \(text.text(RaterMailMessage.digestIntro, count: links.count, cycleAndCount))

            \(lines.joined(separator: "\n"))

            \(text.text(RaterMailMessage.digestSaving))

            \(text.text(RaterMailMessage.digestUntil, ["closes": text.date(cycle.settings.closesOn)]))
            """
        return OutgoingMessage(
            recipient: first.raterEmail,
            subject: text.text(RaterMailMessage.digestSubject, count: links.count, cycleAndCount), body: body)
    }

    static func message(
        for invitation: Invitation, cycle: AssessmentCycle, link: String, isReminder: Bool, text: Localizer
    ) -> OutgoingMessage {
        let subject = ["subject": invitation.subjectName]
        let closes = text.date(cycle.settings.closesOn)
        let about =
            switch invitation.source {
            case .self: text.text(RaterMailMessage.aboutSelf)
            case .supervisor, .peer: invitation.subjectName
            case .customer: text.text(RaterMailMessage.aboutCustomer, subject)
            }
        let privacy =
            invitation.source.isAnonymous
            ? text.text(RaterMailMessage.privacyAnonymous) : text.text(RaterMailMessage.privacyNamed, subject)
        let opening =
            isReminder
            ? text.text(RaterMailMessage.reminder, ["cycle": cycle.name, "closes": closes, "about": about])
            : text.text(RaterMailMessage.invite, ["cycle": cycle.name, "about": about])
        let saving =
            [text.text(RaterMailMessage.savesAsYouGo), privacy]
            + (isReminder ? [text.text(RaterMailMessage.replaces)] : [])
        let body = """
            \(text.text(RaterMailMessage.greeting, ["name": invitation.raterName]))

            \(opening)

            \(text.text(RaterMailMessage.openLink))
            \(link)

            \(saving.joined(separator: " "))

            \(text.text(RaterMailMessage.linkUntil, ["closes": closes]))
            """
        let title =
            isReminder
            ? text.text(RaterMailMessage.subjectReminder, ["cycle": cycle.name, "closes": closes])
            : invitation.source == .self
                ? text.text(RaterMailMessage.subjectSelf, ["cycle": cycle.name])
                : text.text(RaterMailMessage.subjectOther, ["cycle": cycle.name, "subject": invitation.subjectName])
        return OutgoingMessage(recipient: invitation.raterEmail, subject: title, body: body)
    }
}

/// The words of the e-mails that carry raters' links.
enum RaterMailMessage: String, MessageKey, CaseIterable {
    case greeting = "mail.greeting"
    case invite = "mail.invite"
    case reminder = "mail.reminder"
    case aboutSelf = "mail.about.self"
    case aboutCustomer = "mail.about.customer"
    case openLink = "mail.openLink"
    case savesAsYouGo = "mail.savesAsYouGo"
    case privacyAnonymous = "mail.privacy.anonymous"
    case privacyNamed = "mail.privacy.named"
    case replaces = "mail.replaces"
    case linkUntil = "mail.linkUntil"
    case subjectSelf = "mail.subject.self"
    case subjectOther = "mail.subject.other"
    case subjectReminder = "mail.subject.reminder"
    case digestSubject = "mail.digest.subject"
    case digestIntro = "mail.digest.intro"
    case digestSelf = "mail.digest.self"
    case digestSupervisor = "mail.digest.supervisor"
    case digestPeer = "mail.digest.peer"
    case digestCustomer = "mail.digest.customer"
    case digestSaving = "mail.digest.saving"
    case digestUntil = "mail.digest.until"
}
