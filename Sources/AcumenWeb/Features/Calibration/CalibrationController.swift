import AcumenCore
import AcumenStore
import FluentKit
import Vapor

/// Calibration exercises: programme staff prepare reference cases and master ratings and
/// follow the results; participants rate the cases blind, then see how they compare.
struct CalibrationController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        // Participants find their exercises here; whether one is theirs to see or rate is
        // decided once it is loaded (CalibrationPolicy.allows).
        let participants = routes.access(.signedIn).grouped("calibration")
        participants.get(use: list)
        participants.get(":exerciseID", use: show)
        participants.post(":exerciseID", "submit", use: submit)
        participants.get(":exerciseID", "cases", ":caseID", use: rateForm)
        participants.post(":exerciseID", "cases", ":caseID", use: saveRatings)
        participants.post(":exerciseID", "cases", ":caseID", "autosave", use: autosave)

        let staff = routes.access(.permitted(CalibrationPolicy.self, .prepare)).grouped("calibration")
        staff.post(use: create)
        staff.get("due", use: due)
        staff.post(":exerciseID", "cases", use: addCase)
        staff.post(":exerciseID", "participants", use: addParticipants)
        staff.post(":exerciseID", "open", use: open)
        staff.post(":exerciseID", "close", use: close)
        staff.get(":exerciseID", "cases", ":caseID", "master", use: masterForm)
        staff.post(":exerciseID", "cases", ":caseID", "master", use: saveMaster)
    }

    // MARK: Lists

    @Sendable func list(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let repository = CalibrationRepository(database: request.db)
        if CalibrationPolicy.mayAttempt(.prepare, user.viewer) {
            let frameworks = try await FrameworkRepository(database: request.db).summaries().filter {
                $0.status == .published
            }
            return CalibrationListPage.manager(
                exercises: try await repository.summaries(), frameworks: frameworks, context: PageContext(request)
            ).response()
        }
        return CalibrationListPage.participant(
            exercises: try await repository.summaries(participantUserID: user.id),
            status: try await repository.status(userID: user.id),
            secondRatings: try await DoubleRatingRepository(database: request.db).assignments(raterUserID: user.id),
            context: PageContext(readers: request)
        ).response()
    }

    @Sendable func create(request: Request) async throws -> Response {
        struct Form: Decodable {
            var title: String
            var frameworkID: String
            var panel: String?
            var minimumExact: String?
            var minimumAdjacent: String
            var minimumKappa: String?
            var maximumBias: String
            var validMonths: String
        }
        let form = try request.decodeForm(Form.self)
        guard let frameworkID = UUID(uuidString: form.frameworkID) else {
            throw AppError.badRequest("Choose a published framework.", field: "frameworkID")
        }
        func number(_ text: String?) -> Double? { text.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
        let kappaText = form.minimumKappa?.trimmingCharacters(in: .whitespaces) ?? ""
        guard
            let exact = form.minimumExact.map({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) == false
                ? number(form.minimumExact) : 0,
            let adjacent = number(form.minimumAdjacent), let bias = number(form.maximumBias),
            let months = Int(form.validMonths.trimmingCharacters(in: .whitespaces)),
            kappaText.isEmpty || Double(kappaText) != nil
        else {
            throw AppError.badRequest(
                "The thresholds must be numbers: percentages, a kappa (or blank), a number of levels and a number of months."
            )
        }
        let id = try await useCases(request).create(
            title: form.title, frameworkID: frameworkID, panel: form.panel ?? "",
            thresholds: CalibrationThresholds(
                minimumExactAgreement: exact / 100, minimumAdjacentAgreement: adjacent / 100,
                minimumWeightedKappa: Double(kappaText), maximumAbsoluteBias: bias, validForMonths: months))
        return request.redirect(to: SitePath.calibrationExercise.url(id))
    }

    @Sendable func due(request: Request) async throws -> Response {
        return CalibrationDuePage.render(
            try await RecalibrationList.make(database: request.db, today: CalendarDate.today),
            withoutLogin: try await RecalibrationList.withoutLogin(database: request.db), context: PageContext(request)
        ).response()
    }

    // MARK: One exercise

    @Sendable func show(request: Request) async throws -> Response {
        let loaded = try await CalibrationExerciseContext.load(request)
        if loaded.isManager {
            return CalibrationExercisePage.manager(
                loaded, results: try await loaded.results(database: request.db),
                users: try await loaded.candidateParticipants(database: request.db),
                context: PageContext(request)
            ).response()
        }
        return try await participantPage(loaded, request: request)
    }

    private func participantPage(
        _ loaded: CalibrationExerciseContext, request: Request, problems: [ValidationProblem] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let own = try await CalibrationRepository(database: request.db).ratings(
            exerciseID: loaded.exercise.id, userID: loaded.user.id)
        if let participant = loaded.participant, participant.submittedOn != nil {
            return CalibrationFeedbackPage.render(
                loaded, own: own, results: try await loaded.results(database: request.db),
                status: try await CalibrationRepository(database: request.db).status(userID: loaded.user.id),
                context: PageContext(readers: request)
            ).response()
        }
        return CalibrationExercisePage.participant(
            loaded, own: own, problems: problems, context: PageContext(readers: request)
        ).response(status: status)
    }

    @Sendable func addCase(request: Request) async throws -> Response {
        let loaded = try await CalibrationExerciseContext.load(request)
        let fields = try request.formFields()
        let codes = loaded.framework.competencies.map(\.code).filter { fields["competency:\($0)"] == "on" }
        guard let kind = ReferenceCaseKind(rawValue: fields["kind"] ?? "") else {
            throw AppError.badRequest("Choose what kind of case this is.", field: "kind")
        }
        _ = try await CalibrationRepository(database: request.db).addCase(
            exerciseID: loaded.exercise.id, title: fields["title"] ?? "", kind: kind,
            material: fields["material"] ?? "",
            link: fields["link"] ?? "", competencyCodes: codes, framework: loaded.framework)
        request.flash(request.readersLocalizer.text(CalibrationSetupMessage.flashCaseAdded))
        return request.redirect(to: SitePath.calibrationExercise.url(loaded.exercise.id))
    }

    @Sendable func addParticipants(request: Request) async throws -> Response {
        let loaded = try await CalibrationExerciseContext.load(request)
        let fields = try request.formFields()
        let userIDs = fields.compactMap { name, value in
            name.hasPrefix("user:") && value == "on" ? UUID(uuidString: String(name.dropFirst(5))) : nil
        }
        guard !userIDs.isEmpty else {
            throw AppError.badRequest("Tick at least one person to add.", field: "participants")
        }
        try await useCases(request).addParticipants(userIDs, to: loaded.exercise, cases: loaded.cases.count)
        request.flash(
            request.readersLocalizer.text(CalibrationSetupMessage.flashParticipantsAdded, count: userIDs.count))
        return request.redirect(to: SitePath.calibrationExercise.url(loaded.exercise.id))
    }

    @Sendable func open(request: Request) async throws -> Response {
        let loaded = try await CalibrationExerciseContext.load(request)
        try await useCases(request).setStatus(.open, of: loaded.exercise, cases: loaded.cases.count)
        request.flash(request.readersLocalizer.text(CalibrationSetupMessage.flashOpened))
        return request.redirect(to: SitePath.calibrationExercise.url(loaded.exercise.id))
    }

    private func useCases(_ request: Request) -> CalibrationUseCases {
        request.calibrationUseCases(settings)
    }

    @Sendable func close(request: Request) async throws -> Response {
        let loaded = try await CalibrationExerciseContext.load(request)
        try await useCases(request).setStatus(.closed, of: loaded.exercise, cases: loaded.cases.count)
        request.flash(request.readersLocalizer.text(CalibrationSetupMessage.flashClosed))
        return request.redirect(to: SitePath.calibrationExercise.url(loaded.exercise.id))
    }

    // MARK: Master ratings

    @Sendable func masterForm(request: Request) async throws -> Response {
        let loaded = try await CalibrationExerciseContext.load(request)
        let referenceCase = try loaded.referenceCase(request)
        let masters =
            try await CalibrationRepository(database: request.db).masterRatings(exerciseID: loaded.exercise.id)[
                referenceCase.id] ?? [:]
        var fields = RaterFormFields.fields(from: masters.values.map(\.rating))
        for (code, master) in masters { fields[Self.rationaleField(code)] = master.rationale }
        return CalibrationCasePage.master(
            loaded, referenceCase: referenceCase, fields: fields, problems: [], context: PageContext(request)
        ).response()
    }

    static func rationaleField(_ code: String) -> String { "rationale:\(code)" }

    @Sendable func saveMaster(request: Request) async throws -> Response {
        let loaded = try await CalibrationExerciseContext.load(request)
        let referenceCase = try loaded.referenceCase(request)
        let fields = try request.formFields().filter { $0.key != CSRFProtection.fieldName }
        let caseFramework = loaded.framework.showing(referenceCase.competencyCodes)
        let ratings = RaterFormFields.ratings(from: fields, framework: caseFramework)
        // Every competency the case shows gets a master rating, so a missing one is listed too.
        let masters = referenceCase.competencyCodes.map { code in
            (
                rating: ratings.first { $0.competencyCode == code } ?? CompetencyRatingInput(competencyCode: code),
                rationale: fields[Self.rationaleField(code)] ?? ""
            )
        }
        do {
            try await CalibrationRepository(database: request.db).setMasterRatings(
                exerciseID: loaded.exercise.id, caseID: referenceCase.id, masters, framework: loaded.framework)
        } catch StoreError.invalid(let problems) {
            return CalibrationCasePage.master(
                loaded, referenceCase: referenceCase, fields: fields, problems: problems, context: PageContext(request)
            ).response(status: .unprocessableEntity)
        }
        request.flash(
            request.readersLocalizer.text(CalibrationSetupMessage.flashMasterSaved, ["case": referenceCase.title]))
        return request.redirect(to: SitePath.calibrationExercise.url(loaded.exercise.id))
    }

    // MARK: Rating

    @Sendable func rateForm(request: Request) async throws -> Response {
        let loaded = try await CalibrationExerciseContext.load(request, rating: true)
        let referenceCase = try loaded.referenceCase(request)
        let own = try await CalibrationRepository(database: request.db).ratings(
            exerciseID: loaded.exercise.id, userID: loaded.user.id)
        let fields = RaterFormFields.fields(from: own.filter { $0.caseID == referenceCase.id }.map(\.rating))
        return CalibrationCasePage.rate(
            loaded, referenceCase: referenceCase, fields: fields, context: PageContext(readers: request)
        ).response()
    }

    @Sendable func saveRatings(request: Request) async throws -> Response {
        let loaded = try await CalibrationExerciseContext.load(request, rating: true)
        let referenceCase = try loaded.referenceCase(request)
        let fields = try request.formFields().filter {
            $0.key != CSRFProtection.fieldName && $0.key != "intent"
        }
        try await store(fields, referenceCase: referenceCase, loaded: loaded, database: request.db)
        let next = loaded.cases.first { $0.position == referenceCase.position + 1 }
        request.flash(request.readersLocalizer.text(ParticipantMessage.ratingsSaved, ["case": referenceCase.title]))
        if let next { return request.redirect(to: SitePath.calibrationCase.url(loaded.exercise.id, next.id)) }
        return request.redirect(to: SitePath.calibrationExercise.url(loaded.exercise.id))
    }

    @Sendable func autosave(request: Request) async throws -> AutosaveResult {
        let loaded = try await CalibrationExerciseContext.load(request, rating: true)
        let referenceCase = try loaded.referenceCase(request)
        let field = try request.decodeForm(AutosaveField.self)
        let own = try await CalibrationRepository(database: request.db).ratings(
            exerciseID: loaded.exercise.id, userID: loaded.user.id)
        var fields = RaterFormFields.fields(from: own.filter { $0.caseID == referenceCase.id }.map(\.rating))
        fields[field.name] = field.value ?? ""
        try await store(fields, referenceCase: referenceCase, loaded: loaded, database: request.db)
        return .after(
            saving: field.name, fields: fields, framework: loaded.framework.showing(referenceCase.competencyCodes),
            text: request.readersLocalizer)
    }

    /// Replaces the case's ratings with those the fields describe, once they are checked against its grid.
    private func store(
        _ fields: [String: String], referenceCase: ReferenceCase, loaded: CalibrationExerciseContext,
        database: any Database
    ) async throws {
        let caseFramework = loaded.framework.showing(referenceCase.competencyCodes)
        try await CalibrationRepository(database: database).saveRatings(
            exerciseID: loaded.exercise.id, userID: loaded.user.id, caseID: referenceCase.id,
            ratings: try GridAnswers.ratings(from: fields, framework: caseFramework), framework: loaded.framework)
    }

    @Sendable func submit(request: Request) async throws -> Response {
        let loaded = try await CalibrationExerciseContext.load(request, rating: true)
        let own = try await CalibrationRepository(database: request.db).ratings(
            exerciseID: loaded.exercise.id, userID: loaded.user.id)
        let problems = CalibrationAttempt.problems(cases: loaded.cases, ratings: own, framework: loaded.framework)
        guard problems.isEmpty else {
            return try await participantPage(loaded, request: request, problems: problems, status: .unprocessableEntity)
        }
        try await CalibrationRepository(database: request.db).submitAttempt(
            exerciseID: loaded.exercise.id, userID: loaded.user.id, levelCount: loaded.framework.levels.count,
            today: .today)
        return request.redirect(to: SitePath.calibrationExercise.url(loaded.exercise.id))
    }
}

/// A participant's attempt is complete when every competency of every case is rated (a level
/// or "not observed"), by the same checks as a real form.
enum CalibrationAttempt {
    static func problems(
        cases: [ReferenceCase], ratings: [StoredCalibrationRating], framework: FrameworkContent
    ) -> [ValidationProblem] {
        cases.flatMap { referenceCase in
            InternalFormValidation.problems(
                ratings.filter { $0.caseID == referenceCase.id }.map(\.rating),
                framework: framework.showing(referenceCase.competencyCodes)
            ).map { ValidationProblem(location: "Case \(referenceCase.position), \($0.location)", message: $0.message) }
        }
    }
}
