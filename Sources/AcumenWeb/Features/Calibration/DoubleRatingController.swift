import AcumenCore
import AcumenStore
import FluentKit
import Vapor

/// Double rating in live cycles: programme staff set the share and assign calibrated second
/// raters; the second rater rates on the same grid; the drift page compares them over time.
struct DoubleRatingController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.access(.permitted(CalibrationPolicy.self, .prepare))
        staff.get("cycles", ":cycleID", "double-ratings", use: cyclePage)
        staff.post("cycles", ":cycleID", "double-ratings", "percent", use: setPercent)
        staff.post("cycles", ":cycleID", "double-ratings", "assign", use: assign)
        staff.get("calibration", "drift", use: drift)

        let raters = routes.access(.permitted(CalibrationPolicy.self, .secondRate))
        raters.get("double-ratings", ":assignmentID", use: form)
        raters.post("double-ratings", ":assignmentID", use: save)
        raters.post("double-ratings", ":assignmentID", "autosave", use: autosave)
        raters.post("double-ratings", ":assignmentID", "submit", use: submit)
    }

    // MARK: Programme staff

    @Sendable func cyclePage(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        let repository = DoubleRatingRepository(database: request.db)
        return DoubleRatingPages.cycle(
            cycle: cycle, percent: try await repository.percent(cycleID: cycle.id),
            assignments: try await repository.assignments(cycleID: cycle.id), context: PageContext(request)
        ).response()
    }

    @Sendable func setPercent(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        struct Form: Decodable { var percent: String }
        guard let percent = Int(try request.decodeForm(Form.self).percent.trimmingCharacters(in: .whitespaces)) else {
            throw AppError.badRequest("The share must be a whole number of per cent.", field: "percent")
        }
        try await DoubleRatingRepository(database: request.db).setPercent(percent, cycle: cycle)
        let text = request.readersLocalizer
        request.flash(text.text(DoubleRatingMessage.flashPercent, ["percent": text.percent(Double(percent) / 100)]))
        return request.redirect(to: SitePath.cycleDoubleRatings.url(cycle.id))
    }

    @Sendable func assign(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        let count = try await request.calibrationUseCases(settings)
            .assignSecondRaters(
                cycle: cycle)
        let text = request.readersLocalizer
        request.flash(
            count == 0
                ? text.text(DoubleRatingMessage.flashNobodyNew)
                : text.text(DoubleRatingMessage.flashAssigned, count: count))
        return request.redirect(to: SitePath.cycleDoubleRatings.url(cycle.id))
    }

    @Sendable func drift(request: Request) async throws -> Response {
        let (pairs, order) = try await DoubleRatingRepository(database: request.db).pairs()
        let cycles = try await CycleRepository(database: request.db).cycles()
        let names = Dictionary(uniqueKeysWithValues: cycles.map { ($0.id, $0.name) })
        // Levels are positions on each cycle's scale; the widest scale seen bounds them.
        let levelCount = (pairs.map { max($0.level, $0.secondLevel) }.max() ?? 1) + 1
        let drift = RaterDrift.compute(pairs, cycleOrder: order, levelCount: levelCount, thresholds: .standard)
        let people = try await PeopleRepository(database: request.db).names(ids: Set(drift.map(\.raterPersonID)))
        return DoubleRatingPages.drift(drift, cycleNames: names, people: people, context: PageContext(request))
            .response()
    }

    // MARK: The second rater

    struct Loaded {
        var assignment: DoubleRatingAssignment
        var framework: FrameworkContent
        var repository: DoubleRatingRepository
    }

    private func load(_ request: Request) async throws -> Loaded {
        let user = try request.requireUser()
        guard let id = request.parameters.get("assignmentID", as: UUID.self) else {
            throw AppError.notFound("That second rating")
        }
        let repository = DoubleRatingRepository(database: request.db)
        let assignment = try await repository.assignment(id: id)
        // Someone else's second rating does not exist for this user.
        guard CalibrationPolicy.allows(.secondRate, user.viewer, .secondRating(raterUserID: assignment.raterUserID))
        else { throw AppError.notFound("That second rating") }
        let cycle = try await CycleRepository(database: request.db).cycle(id: assignment.cycleID)
        let framework = try await FrameworkRepository(database: request.db).version(id: cycle.frameworkID).content
        return Loaded(assignment: assignment, framework: framework, repository: repository)
    }

    @Sendable func form(request: Request) async throws -> Response {
        let loaded = try await load(request)
        let fields = RaterFormFields.fields(
            from: try await loaded.repository.ratings(assignmentID: loaded.assignment.id))
        return DoubleRatingPages.form(
            loaded.assignment, framework: loaded.framework, fields: fields, problems: [],
            context: PageContext(readers: request)
        ).response()
    }

    @Sendable func save(request: Request) async throws -> Response {
        let loaded = try await load(request)
        let fields = try request.formFields().filter {
            $0.key != CSRFProtection.fieldName && $0.key != "intent"
        }
        try await store(fields, loaded: loaded)
        request.flash(request.readersLocalizer.text(ParticipantMessage.secondSaved))
        return request.redirect(to: SitePath.secondRating.url(loaded.assignment.id))
    }

    @Sendable func autosave(request: Request) async throws -> AutosaveResult {
        let loaded = try await load(request)
        let field = try request.decodeForm(AutosaveField.self)
        var fields = RaterFormFields.fields(
            from: try await loaded.repository.ratings(assignmentID: loaded.assignment.id))
        fields[field.name] = field.value ?? ""
        try await store(fields, loaded: loaded)
        return .after(saving: field.name, fields: fields, framework: loaded.framework, text: request.readersLocalizer)
    }

    private func store(_ fields: [String: String], loaded: Loaded) async throws {
        try await loaded.repository.saveRatings(
            assignmentID: loaded.assignment.id,
            ratings: try GridAnswers.ratings(from: fields, framework: loaded.framework), framework: loaded.framework)
    }

    @Sendable func submit(request: Request) async throws -> Response {
        let loaded = try await load(request)
        let ratings = try await loaded.repository.ratings(assignmentID: loaded.assignment.id)
        let problems = InternalFormValidation.problems(ratings, framework: loaded.framework)
        guard problems.isEmpty else {
            return DoubleRatingPages.form(
                loaded.assignment, framework: loaded.framework, fields: RaterFormFields.fields(from: ratings),
                problems: problems,
                context: PageContext(readers: request)
            ).response(status: .unprocessableEntity)
        }
        try await loaded.repository.submit(assignmentID: loaded.assignment.id, today: .today)
        request.flash(
            request.readersLocalizer.text(
                ParticipantMessage.secondSubmitted, ["subject": loaded.assignment.subjectName]))
        return request.redirect(to: SitePath.calibration.url())
    }
}
