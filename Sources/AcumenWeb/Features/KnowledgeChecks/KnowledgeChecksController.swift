import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// The pages of knowledge checks: the list, a check, taking an attempt (saved as it goes,
/// resumed after the browser was closed, final once submitted), an assessor scoring scenario
/// answers, and the item analysis for programme staff.
struct KnowledgeChecksController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let people = routes.access(.permitted(KnowledgeCheckPolicy.self, .takeCheck))
        people.get("checks", use: list)
        people.get("checks", ":checkID", use: show)
        people.post("checks", ":checkID", "attempts", use: start)
        people.get("attempts", ":attemptID", use: attempt)
        people.post("attempts", ":attemptID", use: saveOrSubmit)
        people.post("attempts", ":attemptID", "autosave", use: autosave)
        routes.access(.permitted(KnowledgeCheckPolicy.self, .assess)).post(
            "attempts", ":attemptID", "assess", use: assess)
        let staff = routes.access(.permitted(KnowledgeCheckPolicy.self, .manageBank))
        staff.get("checks", ":checkID", "analysis", use: analysis)
        staff.get("checks", "new", use: newCheck)
        staff.post("checks", use: create)
    }

    static func check(_ request: Request) async throws -> KnowledgeCheckRepository.StoredCheck {
        guard let id = request.parameters.get("checkID", as: UUID.self) else { throw AppError.notFound("That check") }
        do {
            return try await KnowledgeCheckRepository(database: request.db).check(id: id)
        } catch StoreError.notFound {
            throw AppError.notFound("That check")
        }
    }

    @Sendable func list(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let repository = KnowledgeCheckRepository(database: request.db)
        let own = try await repository.attempts(personIDs: user.personID.map { [$0] } ?? [])
        let listed = try await repository.checks().map { stored in
            KnowledgeCheckPages.Listed(
                stored: stored,
                own: own.filter { $0.checkID == stored.check.id })
        }
        // Written answers waiting for the viewer to score them: of the people they may assess.
        var awaiting: [KnowledgeCheckPages.Awaiting] = []
        if KnowledgeCheckPolicy.mayAttempt(.assess, user.viewer) {
            let visible = try await PeopleRepository(database: request.db).people(visibleTo: user.viewer)
            let names = Dictionary(visible.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let titles = Dictionary(listed.map { ($0.stored.check.id, $0.stored.check.title) }) { first, _ in first }
            awaiting = try await repository.awaitingAssessor().compactMap { attempt in
                guard attempt.personID != user.personID, let name = names[attempt.personID] else { return nil }
                return .init(name: name, title: titles[attempt.checkID] ?? "", attempt: attempt)
            }
        }
        return KnowledgeCheckPages.list(
            listed, awaiting: awaiting, manages: KnowledgeCheckPolicy.mayAttempt(.manageBank, user.viewer),
            context: PageContext(request)
        ).response()
    }

    @Sendable func show(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let stored = try await Self.check(request)
        let repository = KnowledgeCheckRepository(database: request.db)
        var own: [KnowledgeCheckRepository.Attempt] = []
        if let personID = user.personID {
            own = try await repository.attempts(checkID: stored.check.id, personID: personID)
        }
        var offering: Offering?
        if let id = stored.offeringID {
            offering = try await CatalogueController.load(request).offerings.first { $0.id == id }
        }
        let manages = KnowledgeCheckPolicy.mayAttempt(.manageBank, user.viewer)
        // One context: making it takes the flash message.
        let context = PageContext(request)
        let problems = stored.check.problems(bank: try await QuestionBankRepository(database: request.db).latest())
            .map { $0.text(in: context.localizer) }
        return KnowledgeCheckPages.check(
            stored, offering: offering, own: own,
            canTake: user.personID != nil, manages: manages,
            assesses: KnowledgeCheckPolicy.mayAttempt(.assess, user.viewer),
            refusals: manages ? try await repository.refusalCounts(checkID: stored.check.id) : [:],
            problems: manages || user.personID != nil ? problems : [], context: context
        ).response()
    }

    @Sendable func start(request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let personID = user.personID else {
            throw AppError(.forbidden, code: "forbidden", message: "Only people of the organisation take checks.")
        }
        let stored = try await Self.check(request)
        let attempt = try await KnowledgeCheckUseCases(database: request.db).start(
            checkID: stored.check.id, personID: personID, userID: user.id)
        return request.redirect(to: SitePath.attempt.url(attempt.id))
    }

    /// The attempt as the viewer stands to it: their own, or one they may assess. Anyone else
    /// is told it does not exist.
    static func attempt(_ request: Request) async throws -> (
        KnowledgeCheckUseCases.LoadedAttempt, isOwn: Bool, mayAssess: Bool
    ) {
        let user = try request.requireUser()
        guard let id = request.parameters.get("attemptID", as: UUID.self) else {
            throw AppError.notFound("That attempt")
        }
        let useCases = KnowledgeCheckUseCases(database: request.db)
        let attempt: KnowledgeCheckRepository.Attempt
        do {
            attempt = try await KnowledgeCheckRepository(database: request.db).attempt(id: id)
        } catch StoreError.notFound {
            throw AppError.notFound("That attempt")
        }
        let isOwn = attempt.personID == user.personID
        let visible = try await PeopleRepository(database: request.db).visiblePersonIDs(for: user.viewer)
        let resource = KnowledgeCheckPolicy.Resource(
            isOwn: isOwn, inViewersLine: visible?.contains(attempt.personID) ?? true)
        let mayAssess = KnowledgeCheckPolicy.allows(.assess, user.viewer, resource)
        guard KnowledgeCheckPolicy.allows(.takeCheck, user.viewer, resource) || mayAssess else {
            throw AppError.notFound("That attempt")
        }
        let loaded = try await useCases.load(attempt)
        return (try await useCases.closeIfExpired(loaded) ?? loaded, isOwn, mayAssess)
    }

    @Sendable func attempt(request: Request) async throws -> Response {
        let (loaded, isOwn, mayAssess) = try await Self.attempt(request)
        let fields = try await KnowledgeCheckRepository(database: request.db).fields(attemptID: loaded.attempt.id)
        let context = PageContext(request)
        if !loaded.attempt.isSubmitted {
            guard isOwn else { throw AppError.notFound("That attempt") }
            return KnowledgeCheckPages.answering(loaded, fields: fields, context: context).response()
        }
        let name =
            isOwn
            ? nil
            : try await PeopleRepository(database: request.db).person(
                id: loaded.attempt.personID, visibleTo: try request.requireUser().viewer
            ).name
        let hasScenario = loaded.asked.contains { $0.kind == .scenario }
        return KnowledgeCheckPages.submitted(
            loaded, fields: fields, personName: name, assessing: mayAssess && hasScenario && !loaded.check.isVerbal,
            context: context
        ).response()
    }

    /// The whole form, sent without JavaScript: every answer field of the paper is saved (a
    /// box left unticked clears its option), then the attempt is submitted if asked.
    @Sendable func saveOrSubmit(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let (loaded, isOwn, _) = try await Self.attempt(request)
        guard isOwn else { throw AppError.notFound("That attempt") }
        var posted = try request.decodeForm([String: String].self)
        let action = posted.removeValue(forKey: "action") ?? "save"
        posted.removeValue(forKey: "_csrf")
        var fields: [String: String] = [:]
        for item in loaded.attempt.paper.items {
            guard let question = loaded.questions[item.questionID] else { continue }
            for name in AttemptForm.fieldNames(for: item, kind: question.kind) {
                fields[name] = posted.removeValue(forKey: name) ?? ""
            }
        }
        // Whatever is left names no field of this paper: it is refused with the rest.
        fields.merge(posted) { kept, _ in kept }
        let useCases = KnowledgeCheckUseCases(database: request.db)
        let text = request.readersLocalizer
        do {
            try await useCases.save(fields: fields, to: loaded, userID: user.id)
        } catch let error as AppError where error.code == "after_time_limit" && action == "submit" {
            // Too late to change answers; what was saved in time is still submitted below.
        }
        if action == "submit" {
            try await useCases.submit(loaded, userID: user.id)
            request.flash(text.text(KnowledgeCheckMessage.submitted))
        } else {
            request.flash(text.text(KnowledgeCheckMessage.saved))
        }
        return request.redirect(to: SitePath.attempt.url(loaded.attempt.id))
    }

    /// One field, as the page's script sends it when an answer changes.
    @Sendable func autosave(request: Request) async throws -> HTTPStatus {
        let user = try request.requireUser()
        let (loaded, isOwn, _) = try await Self.attempt(request)
        guard isOwn else { throw AppError.notFound("That attempt") }
        let field = try request.decodeForm(AutosaveField.self)
        try await KnowledgeCheckUseCases(database: request.db).save(
            fields: [field.name: field.value ?? ""], to: loaded, userID: user.id)
        return .noContent
    }

    @Sendable func assess(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let (loaded, _, mayAssess) = try await Self.attempt(request)
        guard mayAssess else { throw AppError.notFound("That attempt") }
        guard loaded.attempt.isSubmitted else {
            throw AppError(.conflict, code: "not_submitted", message: "An attempt is scored once it is submitted.")
        }
        let steps = try Self.steps(try request.decodeForm([String: String].self), script: loaded.asked)
        try await KnowledgeCheckUseCases(database: request.db).assess(loaded, steps: steps, assessorUserID: user.id)
        request.flash(request.readersLocalizer.text(KnowledgeCheckMessage.scoresSaved))
        return request.redirect(to: SitePath.attempt.url(loaded.attempt.id))
    }

    /// The rubric steps chosen (`step.<question id>`), each checked against its question's rubric.
    static func steps(_ fields: [String: String], script: [BankQuestion]) throws -> [UUID: Int] {
        var steps: [UUID: Int] = [:]
        for question in script where question.kind == .scenario {
            guard let value = fields["step.\(question.id.uuidString.lowercased())"], !value.isEmpty else { continue }
            guard let step = Int(value), question.rubric.indices.contains(step) else {
                throw AppError(
                    .unprocessableEntity, code: "invalid",
                    message: "Choose one of the rubric's steps for each answer.", field: "steps")
            }
            steps[question.id] = step
        }
        return steps
    }

    @Sendable func analysis(request: Request) async throws -> Response {
        let stored = try await Self.check(request)
        let loaded = try await CheckAnalysis.load(checkID: stored.check.id, database: request.db)
        return ItemAnalysisPage.render(stored.check, loaded, context: PageContext(request)).response()
    }

    private func newCheckPage(
        _ request: Request, fields: [String: String], problems: [ValidationProblem], status: HTTPResponseStatus
    ) async throws -> Response {
        let taken = Set(try await KnowledgeCheckRepository(database: request.db).checks().compactMap(\.offeringID))
        let offerings = try await CatalogueController.load(request).offerings.filter {
            $0.format == .knowledgeCheck && !taken.contains($0.id)
        }.sorted { $0.title < $1.title }
        return NewCheckPage.render(
            bank: try await QuestionBankRepository(database: request.db).latest(), offerings: offerings, fields: fields,
            problems: problems, context: PageContext(request)
        ).response(status: status)
    }

    @Sendable func newCheck(request: Request) async throws -> Response {
        try await newCheckPage(request, fields: [:], problems: [], status: .ok)
    }

    @Sendable func create(request: Request) async throws -> Response {
        let fields = try request.decodeForm([String: String].self)
        var problems: [ValidationProblem] = []
        let draft = CheckDraft(fields: fields, problems: &problems)
        do {
            let stored = try await draft.save(database: request.db, problems: problems)
            request.flash(request.readersLocalizer.text(KnowledgeCheckMessage.created))
            return request.redirect(to: SitePath.check.url(stored.check.id))
        } catch StoreError.invalid(let problems) {
            return try await newCheckPage(request, fields: fields, problems: problems, status: .unprocessableEntity)
        }
    }
}
