import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// What programme staff, supervisors and account managers do with a cycle: create and move it
/// on, nominate, approve, revoke and reissue raters. Each action is one transaction, and both
/// the pages and the API call it, so that validation and effects are written once.
///
/// Core decides (`CycleProposal`, `AssessmentPolicy`, `Questionnaire.starting`); the
/// repositories only read and write rows; the mail an action causes is queued in the outbox in
/// the same transaction as the change that causes it.
struct CycleUseCases {
    let database: any Database
    let viewer: Viewer
    let publicBaseURL: String
    /// The language of e-mails to raters for whom none was chosen.
    var defaultLanguage: Language = .english
    var catalogue: MessageCatalogue = .builtIn
    var today: CalendarDate = .today

    /// Creates a cycle in draft, with its subjects, questions and automatic invitations; returns its id.
    /// - Throws: `StoreError.invalid` with every problem found, having stored nothing.
    func create(_ proposal: CycleProposal) async throws -> UUID {
        let accepted: CycleProposal.Accepted
        switch proposal.accepted() {
        case .success(let value): accepted = value
        case .failure(let problems): throw StoreError.invalid(problems.validationProblems)
        }
        return try await database.writeTransaction { database in
            let framework: FrameworkVersion
            do {
                framework = try await FrameworkRepository(database: database).version(id: accepted.frameworkID)
            } catch StoreError.notFound {
                throw Self.notPublished
            }
            guard framework.summary.status == .published else { throw Self.notPublished }
            let created = try await CycleRepository(database: database).create(
                frameworkID: accepted.frameworkID, settings: accepted.settings, scope: accepted.scope,
                questionnaire: Questionnaire.starting(
                    for: framework.content, from: GlobalMobilityQuestionnaire.questionnaire),
                today: today)
            try await InvitationRepository(database: database).createAutomatic(
                cycleID: created.id, subjects: created.subjects, sources: accepted.settings.sources)
            return created.id
        }
    }

    private static let notPublished = StoreError.invalid([
        ValidationProblem(location: "frameworkID", message: "choose a published framework version")
    ])

    /// Moves the cycle one step on. Opening it sends every approved rater their first link in
    /// the same transaction, so a crash leaves either a draft or an open cycle with every link
    /// queued, never raters without links. Returns the cycle as it now stands and how many links went out.
    func advance(cycleID: UUID, from expected: CycleStatus) async throws -> (cycle: AssessmentCycle, linksSent: Int) {
        let advanced = try await moveOn(cycleID: cycleID, from: expected)
        if advanced.cycle.status == .closed {
            // Kept after the close commits rather than in its transaction: at tens of thousands
            // of people keeping takes seconds. The cycle has closed either way, and a dashboard
            // keeps the results itself if this fails.
            do {
                try await SettledResults.ensureKept(advanced.cycle, database: database)
            } catch {
                database.logger.warning("Results of cycle \(cycleID) not kept at closing: \(String(reflecting: error))")
            }
        }
        return advanced
    }

    private func moveOn(cycleID: UUID, from expected: CycleStatus) async throws -> (
        cycle: AssessmentCycle, linksSent: Int
    ) {
        try await database.writeTransaction { database in
            let cycles = CycleRepository(database: database)
            let next = try await cycles.advance(cycleID: cycleID, from: expected, today: today)
            let cycle = try await cycles.cycle(id: cycleID)
            if next == .released {
                let subjects = try await cycles.subjects(cycleID: cycleID)
                try await XAPIOutboxRepository(database: database).enqueueReleased(
                    cycleID: cycleID, subjects: subjects.map(\.id), at: Date())
                let ids = Set(subjects.map(\.id))
                let contacts = try await PeopleRepository(database: database).contacts(ids: ids)
                let languages = try await UserRepository(database: database).languages(personIDs: ids)
                try await OutboxRepository(database: database).enqueue(
                    subjects.compactMap { subject in
                        contacts[subject.id].map { contact in
                            Self.reportReleased(
                                to: contact, subjectID: subject.id, cycle: cycle, baseURL: publicBaseURL,
                                text: Localizer(languages[subject.id] ?? defaultLanguage, catalogue: catalogue))
                        }
                    })
            }
            guard next == .open else { return (cycle, 0) }
            let pending = try await InvitationRepository(database: database).invitations(cycleID: cycleID)
                .filter { $0.status == .approved && $0.issuedOn == nil }
            try await links(database).sendAll(pending, cycle: cycle, today: today)
            return (cycle, pending.count)
        }
    }

    /// Adds a peer or (programme staff only) a customer for one account manager. The account
    /// manager's own proposals wait for approval; anyone else's are approved, and their link is
    /// sent at once when the cycle is open. Returns the invitation as it now stands.
    /// - Parameter visible: the people the viewer sees (`PeopleRepository.visiblePersonIDs`).
    func nominate(cycle: AssessmentCycle, subjectID: UUID, email: String, source: RaterSource) async throws
        -> Invitation
    {
        try await database.writeTransaction { database in
            let people = PeopleRepository(database: database)
            let visible = try await people.visiblePersonIDs(for: viewer)
            let subject = AssessmentPolicy.Resource.subject(
                personID: subjectID, cycleStatus: cycle.status, inViewersLine: visible.includes(subjectID))
            guard AssessmentPolicy.allows(.nominatePeers, viewer, subject) else {
                throw AppError.notFound("That person in this cycle")
            }
            if source != .peer && !AssessmentPolicy.mayAttempt(.runCycles, viewer) { throw AppError.forbidden }
            let address = email.trimmingCharacters(in: .whitespaces).lowercased()
            guard let raterID = try await people.personID(email: address) else {
                throw StoreError.invalid([ValidationProblem(location: "email", .unknownRater, ["email": email])])
            }
            let approved = AssessmentPolicy.allows(.approvePeers, viewer, subject)
            let invitations = InvitationRepository(database: database)
            let id = try await invitations.nominate(
                cycle: cycle, subjectID: subjectID, raterPersonID: raterID, source: source, accountID: nil,
                nominatedBy: viewer.email, approved: approved)
            let invitation = try await invitations.invitation(id: id)
            if approved && cycle.status == .open {
                try await links(database).send(invitation, cycle: cycle, today: today)
                return try await invitations.invitation(id: id)
            }
            return invitation
        }
    }

    /// Approves a proposed peer; in an open cycle their link goes out in the same transaction.
    func approve(_ invitation: Invitation, cycle: AssessmentCycle) async throws {
        guard invitation.status == .nominated else {
            throw AppError(.conflict, code: "conflict", message: "Only a proposed peer can be approved.")
        }
        try await database.writeTransaction { database in
            try await InvitationRepository(database: database).approve(invitationID: invitation.id)
            if cycle.status == .open {
                var approved = invitation
                approved.status = .approved
                try await links(database).send(approved, cycle: cycle, today: today)
            }
        }
    }

    /// Sends an approved rater of an open cycle a new link; the old one stops working. The link
    /// goes to the rater only: whoever holds it reads their saved answers.
    func reissue(_ invitation: Invitation, cycle: AssessmentCycle) async throws {
        guard invitation.status == .approved, cycle.status == .open else {
            throw AppError(
                .conflict, code: "conflict", message: "Links can be reissued only for approved raters of an open cycle."
            )
        }
        try await links(database).send(invitation, cycle: cycle, today: today)
    }

    /// Tells an account manager that their report can be read, in the same transaction as the
    /// release, so that nobody is told before it is true or left untold after.
    static func reportReleased(
        to contact: (name: String, email: String), subjectID: UUID, cycle: AssessmentCycle, baseURL: String,
        text: Localizer
    ) -> OutgoingMessage {
        OutgoingMessage(
            recipient: contact.email, subject: text.text(ReleaseMailMessage.subject, ["cycle": cycle.name]),
            body: """
                \(text.text(RaterMailMessage.greeting, ["name": contact.name]))

                \(text.text(ReleaseMailMessage.released, ["cycle": cycle.name]))
                \(baseURL)\(SitePath.cycleSubjectReport.url(cycle.id, subjectID))

                \(text.text(ReleaseMailMessage.signIn))

                \(text.text(ReleaseMailMessage.supervisor))
                """)
    }

    private func links(_ database: any Database) -> RaterLinks {
        RaterLinks(
            database: database, baseURL: publicBaseURL, defaultLanguage: defaultLanguage, catalogue: catalogue)
    }
}

extension Request {
    /// The cycle actions as the signed-in user performs them.
    func cycleUseCases(_ settings: AcumenSettings) throws -> CycleUseCases {
        CycleUseCases(
            database: db, viewer: try requireUser().viewer, publicBaseURL: settings.publicBaseURL,
            defaultLanguage: settings.defaultLanguage, catalogue: application.messageCatalogue)
    }
}

/// The words of the e-mail that tells an account manager their report is released.
enum ReleaseMailMessage: String, MessageKey, CaseIterable {
    case subject = "mail.release.subject"
    case released = "mail.release.released"
    case signIn = "mail.release.signIn"
    case supervisor = "mail.release.supervisor"
}
