import AcumenCore
import AcumenStore
import Fluent
import Foundation
import Vapor

/// What a rater does through their personal link (read the form, save as they go, submit,
/// correct), resolved and checked once per request and called by both the HTML form and the
/// JSON API, so that both follow one set of rules. Core reads the fields and builds the rows
/// (`RaterSubmission`, `ResponseAttribution`); the store only writes them.
struct RaterUseCases {
    let address: RaterFormAddress
    var invitation: Invitation
    let cycle: AssessmentCycle
    let framework: FrameworkContent
    let questionnaire: Questionnaire
    let database: any Database
    /// Where submissions are written (grouped on SQLite).
    let submissions: SubmissionGroups
    /// Who this rater is, as stored on their responses (`RaterIdentity`).
    let raterKey: String

    /// Resolves a link. An unknown, replaced or revoked link is "not found", without saying
    /// which, so that links cannot be probed.
    static func open(
        token: String, database: any Database, submissions: SubmissionGroups, identity: RaterIdentity
    ) async throws -> RaterUseCases {
        guard (20...100).contains(token.count),
            token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
            let invitation = try await InvitationRepository(database: database).invitation(
                tokenDigest: SecretToken.digest(token)),
            invitation.status == .approved
        else {
            var error = AppError(
                .notFound, code: "link_not_valid",
                message:
                    "This link is not valid. Each reminder carries a new link and the earlier one stops working: please use the link in your most recent e-mail, or ask your programme manager for a new one. Anything you saved is kept."
            )
            error.localized = LocalizedMessage(key: RaterErrorMessage.linkNotValid)
            throw error
        }
        return try await open(
            .link(token: token), invitation, database: database, submissions: submissions, identity: identity)
    }

    /// Opens a signed-in rater's own form. An invitation that is not theirs, or no longer
    /// approved, is "not found": a rater cannot learn who else was asked.
    static func open(
        invitationID: UUID, viewer: Viewer, database: any Database, submissions: SubmissionGroups,
        identity: RaterIdentity
    ) async throws -> RaterUseCases {
        guard let personID = viewer.personID,
            let invitation = try await InvitationRepository(database: database).invitation(
                id: invitationID, raterPersonID: personID),
            invitation.status == .approved
        else {
            var error = AppError(
                .notFound, code: "form_not_found",
                message:
                    "This form is not one of yours, or it was withdrawn. Your open forms are listed on your home page."
            )
            error.localized = LocalizedMessage(key: RaterErrorMessage.formNotFound)
            throw error
        }
        return try await open(
            .signedIn(invitationID: invitationID), invitation, database: database, submissions: submissions,
            identity: identity)
    }

    private static func open(
        _ address: RaterFormAddress, _ invitation: Invitation, database: any Database,
        submissions: SubmissionGroups, identity: RaterIdentity
    ) async throws -> RaterUseCases {
        let cycle = try await CycleRepository(database: database).cycle(id: invitation.cycleID)
        let (version, questionnaire) = try await CycleForms.context(for: cycle, database: database)
        return RaterUseCases(
            address: address, invitation: invitation, cycle: cycle, framework: version.content,
            questionnaire: questionnaire, database: database, submissions: submissions,
            raterKey: identity.raterKey(for: invitation))
    }

    /// Refuses answers outside the open period, with the reason.
    func requireOpen(today: CalendarDate = .today) throws {
        if cycle.status == .draft || (cycle.status == .open && today < cycle.settings.opensOn) {
            var error = AppError(
                .conflict, code: "not_open",
                message: "This form opens on \(cycle.settings.opensOn). Please come back then.")
            error.localized = LocalizedMessage(
                key: RaterErrorMessage.notOpen, dates: ["opens": cycle.settings.opensOn],
                language: invitation.language)
            throw error
        }
        guard cycle.acceptsResponses(on: today) else {
            var error = AppError(
                .gone, code: "closed",
                message:
                    "The \(cycle.name) closed on \(cycle.answersClosedOn); answers are no longer accepted. Thank you for your time."
            )
            error.localized = LocalizedMessage(
                key: RaterErrorMessage.closed,
                arguments: ["cycle": cycle.name], dates: ["closed": cycle.answersClosedOn],
                language: invitation.language)
            throw error
        }
    }

    func draft() async throws -> [String: String] {
        try await ResponseRepository(database: database).draft(invitationID: invitation.id)
    }

    /// The posted fields, read once for every check and for what a submission stores.
    func read(_ fields: [String: String]) -> RaterSubmission {
        RaterSubmission(
            fields: fields, source: invitation.source, framework: framework, questionnaire: questionnaire)
    }

    /// Saves one field as the rater changes it.
    func autosave(name: String, value: String) async throws {
        try requireOpen()
        try requireNotSubmitted()
        if let problem = RaterFormFields.problem(
            name: name, value: value, source: invitation.source, framework: framework, questionnaire: questionnaire)
        {
            throw AppError(.unprocessableEntity, code: "invalid", message: problem, field: name)
        }
        try await ResponseRepository(database: database).saveDraftField(
            invitationID: invitation.id, name: name, value: value)
    }

    /// Keeps the whole form as the draft; a form with a field that is not its own is refused whole.
    func saveDraft(_ form: RaterSubmission) async throws {
        try requireOpen()
        try requireNotSubmitted()
        guard form.fieldProblems.isEmpty else { throw StoreError.invalid(form.fieldProblems) }
        try await ResponseRepository(database: database).replaceDraft(
            invitationID: invitation.id, fields: form.draftFields)
    }

    /// Shows the form, and writes the rater's e-mails, in `language` from now on.
    func chooseLanguage(_ language: Language) async throws {
        try await InvitationRepository(database: database).setRaterLanguage(language, invitationID: invitation.id)
    }

    /// The language the rater reads the form in: the one chosen for their invitation (by them,
    /// the programme or the customer's account), else their own or their browser's.
    func language(for request: Request) -> Language {
        request.readerLanguage(chosen: invitation.language, everyPage: false)
    }

    enum SubmissionOutcome {
        case submitted
        /// Nothing was stored: a field is not part of this form.
        case invalid([ValidationProblem])
        /// Not submitted: something is missing. The form was kept as the draft when asked to.
        case incomplete([ValidationProblem])
    }

    /// Submits the form in one transaction, or says why not. An incomplete form is kept as the
    /// draft when `keepingDraft`, so that nothing typed is lost while the rater completes it.
    func submit(_ form: RaterSubmission, keepingDraft: Bool) async throws -> SubmissionOutcome {
        try requireOpen()
        guard form.fieldProblems.isEmpty else { return .invalid(form.fieldProblems) }
        guard form.completenessProblems.isEmpty else {
            if keepingDraft { try await saveDraft(form) }
            return .incomplete(form.completenessProblems)
        }
        var calibration: CalibrationStatus?
        if ResponseAttribution.isJudged(invitation.source), let person = invitation.raterPersonID {
            calibration = try await CalibrationRepository(database: database).status(personID: person)
        }
        _ = try await submissions.submit(
            SubmissionRecord(
                invitation: invitation, content: form.content,
                attribution: ResponseAttribution(
                    invitation: invitation, raterKey: raterKey, today: .today, settings: cycle.settings,
                    calibration: calibration)),
            on: database)
        return .submitted
    }

    func reopenForCorrection() async throws {
        try requireOpen()
        guard invitation.hasSubmitted else {
            throw AppError(.conflict, code: "conflict", message: "There is no submitted response to correct yet.")
        }
        try await ResponseRepository(database: database).reopenForCorrection(
            invitation: invitation, raterKey: raterKey)
    }

    private func requireNotSubmitted() throws {
        guard !invitation.hasSubmitted else {
            throw AppError(
                .conflict, code: "already_submitted",
                message:
                    "These answers were already submitted. To change them, choose \"Correct my answers\" on the form's page."
            )
        }
    }
}

/// What a rater's form page shows: the link, the invitation, the cycle and what is asked.
struct RaterForm {
    let address: RaterFormAddress
    var invitation: Invitation
    let cycle: AssessmentCycle
    let framework: FrameworkContent
    let questionnaire: Questionnaire
}

extension RaterUseCases {
    var form: RaterForm {
        RaterForm(
            address: address, invitation: invitation, cycle: cycle, framework: framework,
            questionnaire: questionnaire)
    }
}

/// Why a rater's form cannot be answered, in the rater's language.
enum RaterErrorMessage: String, MessageKey, CaseIterable {
    case linkNotValid = "rater.error.linkNotValid"
    case formNotFound = "rater.error.formNotFound"
    case notOpen = "rater.error.notOpen"
    case closed = "rater.error.closed"
}

extension Application {
    private struct SubmissionGroupsKey: StorageKey {
        typealias Value = SubmissionGroups
    }

    /// Where this application writes raters' submissions, made when it is configured.
    var submissionGroups: SubmissionGroups {
        get {
            guard let groups = storage[SubmissionGroupsKey.self] else {
                preconditionFailure("configure(_:settings:) makes the submission groups before any request")
            }
            return groups
        }
        set { storage[SubmissionGroupsKey.self] = newValue }
    }
}
