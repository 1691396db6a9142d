import AcumenCore
import AcumenStore
import Plot
import Vapor

/// Interview scorecards: candidates for an account rated side by side on the framework's
/// competencies, by a customer or a programme manager during the interview.
struct ScorecardsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let interviewers = routes.access(.permitted(AssessmentPolicy.self, .interview))
        interviewers.get("scorecards", use: list)
        interviewers.post("scorecards", use: create)
        interviewers.get("scorecards", ":scorecardID", use: show)
        interviewers.post("scorecards", ":scorecardID", use: save)
        interviewers.post("scorecards", ":scorecardID", "autosave", use: autosave)
    }

    @Sendable func list(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let cards = try await ScorecardRepository(database: request.db).scorecards(
            interviewerUserID: user.role.seesEveryone ? nil : user.id)
        let frameworks = try await FrameworkRepository(database: request.db).summaries().filter {
            $0.status == .published
        }
        return ScorecardListPage.render(scorecards: cards, frameworks: frameworks, context: PageContext(request))
            .response()
    }

    @Sendable func create(request: Request) async throws -> Response {
        let user = try request.requireUser()
        struct Form: Decodable {
            var title: String
            var frameworkID: String
            var candidates: String
        }
        let form = try request.decodeForm(Form.self)
        guard let frameworkID = UUID(uuidString: form.frameworkID) else {
            throw AppError.badRequest("Choose a published framework.", field: "frameworkID")
        }
        let framework: FrameworkSummary
        do {
            framework = try await FrameworkRepository(database: request.db).summary(id: frameworkID)
        } catch StoreError.notFound {
            throw AppError.badRequest("Choose a published framework.", field: "frameworkID")
        }
        let id = try await ScorecardRepository(database: request.db).create(
            title: form.title, framework: framework,
            candidates: form.candidates.components(separatedBy: .newlines), interviewerUserID: user.id, today: .today)
        return request.redirect(to: SitePath.scorecard.url(id))
    }

    struct Loaded {
        var scorecard: Scorecard
        var framework: FrameworkContent
        var canEdit: Bool
    }

    private func load(_ request: Request) async throws -> Loaded {
        let user = try request.requireUser()
        guard let id = request.parameters.get("scorecardID", as: UUID.self) else {
            throw AppError.notFound("That scorecard")
        }
        let card = try await ScorecardRepository(database: request.db).scorecard(id: id)
        // Another interviewer's scorecard does not exist for this user.
        guard AssessmentPolicy.allows(.interview, user.viewer, .scorecard(interviewerUserID: card.interviewerUserID))
        else {
            throw AppError.notFound("That scorecard")
        }
        let framework = try await FrameworkRepository(database: request.db).version(id: card.frameworkID).content
        return Loaded(scorecard: card, framework: framework, canEdit: card.interviewerUserID == user.id)
    }

    @Sendable func show(request: Request) async throws -> Response {
        ScorecardPage.render(try await load(request), context: PageContext(request)).response()
    }

    @Sendable func save(request: Request) async throws -> Response {
        let loaded = try await load(request)
        guard loaded.canEdit else { throw AppError.forbidden }
        let fields = try request.formFields().filter { $0.key != CSRFProtection.fieldName }
        let ratings = try fields.map { try Self.rating(name: $0.key, value: $0.value, loaded: loaded) }
        for rating in ratings { try await store(rating, loaded: loaded, request: request) }
        request.flash(request.readersLocalizer.text(ScorecardMessage.saved))
        return request.redirect(to: SitePath.scorecard.url(loaded.scorecard.id))
    }

    @Sendable func autosave(request: Request) async throws -> HTTPStatus {
        let loaded = try await load(request)
        guard loaded.canEdit else { throw AppError.forbidden }
        let field = try request.decodeForm(AutosaveField.self)
        try await store(
            try Self.rating(name: field.name, value: field.value ?? "", loaded: loaded), loaded: loaded,
            request: request)
        return .noContent
    }

    /// One cell of the grid: `level:<candidate>:<code>` or `note:<candidate>` (a candidate's overall notes).
    struct Rating {
        var candidate: Int
        var competencyCode: String
        var level: Int?
        var note: String?
    }

    static func rating(name: String, value: String, loaded: Loaded) throws -> Rating {
        let parts = name.split(separator: ":", maxSplits: 2).map(String.init)
        let candidates = loaded.scorecard.candidates.indices
        guard parts.count >= 2, let candidate = Int(parts[1]), candidates.contains(candidate) else {
            throw AppError(
                .unprocessableEntity, code: "invalid", message: "'\(name)' is not a field of this scorecard.")
        }
        switch (parts[0], parts.count) {
        case ("level", 3):
            guard loaded.framework.competencies.contains(where: { $0.code == parts[2] }) else {
                throw AppError(
                    .unprocessableEntity, code: "invalid", message: "'\(name)' is not a field of this scorecard.")
            }
            guard value.isEmpty || (Int(value).map { loaded.framework.levels.names.indices.contains($0) } ?? false)
            else {
                throw AppError(
                    .unprocessableEntity, code: "invalid", message: "'\(value)' is not a level of this framework.")
            }
            return Rating(candidate: candidate, competencyCode: parts[2], level: Int(value), note: nil)
        case ("note", 2):
            guard value.count <= TextLimits.description else {
                throw AppError(
                    .unprocessableEntity, code: "invalid",
                    message: "Notes are limited to \(TextLimits.description) characters.")
            }
            return Rating(candidate: candidate, competencyCode: "", level: nil, note: value)
        default:
            throw AppError(
                .unprocessableEntity, code: "invalid", message: "'\(name)' is not a field of this scorecard.")
        }
    }

    private func store(_ rating: Rating, loaded: Loaded, request: Request) async throws {
        let card = loaded.scorecard
        try await ScorecardRepository(database: request.db).rate(
            scorecardID: card.id, candidate: rating.candidate, competencyCode: rating.competencyCode,
            level: rating.note == nil ? rating.level : nil,
            note: rating.note ?? card.notes[rating.candidate]?[rating.competencyCode] ?? "")
    }
}
