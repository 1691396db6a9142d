import AcumenCore
import AcumenStore
import Fluent
import Foundation

/// Everything a rater's link opens, resolved and checked once per request, for both the HTML
/// form and the JSON API.
struct RaterSession {
    let token: String
    let invitation: Invitation
    let cycle: AssessmentCycle
    let framework: FrameworkContent
    let questionnaire: Questionnaire
    let database: any Database
    /// Who this rater is, as stored on their responses (`RaterIdentity`).
    let raterKey: String

    /// Resolves a link. An unknown, replaced or revoked link is "not found", without saying
    /// which, so that links cannot be probed.
    static func open(token: String, database: any Database, identity: RaterIdentity) async throws -> RaterSession {
        guard (20...100).contains(token.count),
            token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
            let invitation = try await InvitationRepository(database: database).invitation(
                tokenDigest: SecretToken.digest(token)),
            invitation.status == .approved
        else {
            throw AppError(
                .notFound, code: "link_not_valid",
                message:
                    "This link is not valid. Each reminder carries a new link and the earlier one stops working: please use the link in your most recent e-mail, or ask your programme manager for a new one. Anything you saved is kept."
            )
        }
        let cycles = CycleRepository(database: database)
        let cycle = try await cycles.cycle(id: invitation.cycleID)
        let (version, questionnaire) = try await cycles.formContext(for: cycle)
        return RaterSession(
            token: token, invitation: invitation, cycle: cycle, framework: version.content,
            questionnaire: questionnaire, database: database, raterKey: identity.raterKey(for: invitation))
    }

    /// Refuses answers outside the open period, with the reason.
    func requireOpen(today: CalendarDate = .today) throws {
        if cycle.status == .draft || (cycle.status == .open && today < cycle.settings.opensOn) {
            throw AppError(
                .conflict, code: "not_open",
                message: "This form opens on \(cycle.settings.opensOn). Please come back then.")
        }
        guard cycle.acceptsResponses(on: today) else {
            throw AppError(
                .gone, code: "closed",
                message: "The \(cycle.name) closed on \(cycle.settings.closesOn); answers are no longer accepted.")
        }
    }

    func draft() async throws -> [String: String] {
        try await ResponseRepository(database: database).draft(invitationID: invitation.id)
    }

    /// Checks every posted field of this form; the form's own control fields are ignored.
    func problems(in fields: [String: String]) -> [ValidationProblem] {
        fields.sorted { $0.key < $1.key }.compactMap { name, value in
            guard !Self.controlFields.contains(name) else { return nil }
            return RaterFormFields.problem(
                name: name, value: value, source: invitation.source, framework: framework, questionnaire: questionnaire
            ).map { ValidationProblem(location: name, message: $0) }
        }
    }

    static let controlFields: Set<String> = ["intent", "_csrf"]

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

    /// Keeps the whole posted form as the draft (used before validating a submission, so that a
    /// rejected submission loses nothing).
    func saveDraft(_ fields: [String: String]) async throws {
        try requireOpen()
        try requireNotSubmitted()
        let problems = problems(in: fields)
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        try await ResponseRepository(database: database).replaceDraft(
            invitationID: invitation.id, fields: fields.filter { !Self.controlFields.contains($0.key) })
    }

    /// What is still missing or wrong before the form can be submitted.
    func submissionProblems(_ fields: [String: String]) -> [ValidationProblem] {
        if invitation.source == .customer {
            return RaterFormFields.invalidAnswers(in: fields, questionnaire: questionnaire)
                + QuestionnaireValidation.problems(
                    RaterFormFields.answers(from: fields, questionnaire: questionnaire), questionnaire: questionnaire)
        }
        return InternalFormValidation.problems(
            RaterFormFields.ratings(from: fields, framework: framework), framework: framework)
    }

    func submit(_ fields: [String: String]) async throws {
        try requireOpen()
        let content: SubmissionContent =
            invitation.source == .customer
            ? .answers(
                RaterFormFields.answers(from: fields, questionnaire: questionnaire),
                comments: RaterFormFields.answerComments(from: fields, questionnaire: questionnaire))
            : .ratings(RaterFormFields.ratings(from: fields, framework: framework), framework: framework)
        try await ResponseRepository(database: database).submit(
            invitation: invitation, cycle: cycle, content: content, raterKey: raterKey, today: .today)
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
