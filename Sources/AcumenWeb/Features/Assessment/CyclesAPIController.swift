import AcumenCore
import AcumenStore
import Vapor

/// The JSON API for cycles, raters' forms and results: the same rules as the pages.
struct CyclesAPIController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let staff = api.access(.permitted(AssessmentPolicy.self, .runCycles))
        staff.get("cycles", use: list)
        staff.post("cycles", use: create)
        staff.get("cycles", ":cycleID", use: show)
        staff.post("cycles", ":cycleID", "advance", use: advance)
        staff.put("cycles", ":cycleID", "rules", use: changeRules)
        staff.get("cycles", ":cycleID", "invitations", use: invitations)
        staff.get("cycles", ":cycleID", "results", use: results)
        staff.get("cycles", ":cycleID", "preview", use: preview)
        api.access(.signedIn).post("cycles", ":cycleID", "people", ":personID", "nominations", use: nominate)

        let link = api.access(.raterLink)
        link.get("rater", ":token", use: raterForm)
        link.post("rater", ":token", "autosave", use: raterAutosave)
        link.post("rater", ":token", "submit", use: raterSubmit)
    }

    // MARK: Cycles

    struct CycleDTO: Content {
        var id: UUID
        var name: String
        var frameworkId: UUID
        var framework: String
        var status: CycleStatus
        var opensOn: String
        var closesOn: String
        var sources: [RaterSource]
        var rules: AnonymityRules
        var reminderDaysBeforeClose: [Int]

        init(_ cycle: AssessmentCycle) {
            id = cycle.id
            name = cycle.name
            frameworkId = cycle.frameworkID
            framework = "\(cycle.frameworkName), version \(cycle.frameworkVersion)"
            status = cycle.status
            opensOn = cycle.settings.opensOn.description
            closesOn = cycle.settings.closesOn.description
            sources = cycle.settings.sources.sorted()
            rules = cycle.settings.rules
            reminderDaysBeforeClose = cycle.settings.reminderDaysBeforeClose
        }
    }

    struct CycleListDTO: Content {
        var cycles: [CycleDTO]
    }

    @Sendable func list(request: Request) async throws -> CycleListDTO {
        return CycleListDTO(cycles: try await CycleRepository(database: request.db).cycles().map(CycleDTO.init))
    }

    struct NewCycle: Content {
        struct Scope: Content {
            /// `all`, `team` or `location`.
            var kind: String
            var id: UUID?
        }

        var name: String
        var frameworkId: UUID
        var scope: Scope?
        var sources: [RaterSource]?
        var opensOn: String
        var closesOn: String
        var rules: AnonymityRules?
        var reminderDaysBeforeClose: [Int]?
    }

    @Sendable func create(request: Request) async throws -> Response {
        let body = try request.content.decode(NewCycle.self)
        let scope =
            switch (body.scope?.kind ?? "all", body.scope?.id) {
            case ("all", _): "all"
            case ("team", .some(let id)): "team:\(id)"
            case ("location", .some(let id)): "location:\(id)"
            case (let kind, _): kind
            }
        let proposal = CycleProposal(
            name: body.name, frameworkID: body.frameworkId.uuidString, scope: scope,
            sources: Set(body.sources ?? RaterSource.allCases), opensOn: body.opensOn, closesOn: body.closesOn,
            rules: body.rules ?? .standard, reminderDays: body.reminderDaysBeforeClose ?? [7, 3, 1])
        let id = try await request.cycleUseCases(settings).create(proposal)
        let cycle = try await CycleRepository(database: request.db).cycle(id: id)
        return try await CycleDTO(cycle).encodeResponse(status: .created, for: request)
    }

    @Sendable func show(request: Request) async throws -> CycleDTO {
        return CycleDTO(try await request.assessmentCycle())
    }

    struct Advance: Content {
        var from: CycleStatus
    }

    @Sendable func advance(request: Request) async throws -> CycleDTO {
        let cycle = try await request.assessmentCycle()
        let body = try request.content.decode(Advance.self)
        let (advanced, _) = try await request.cycleUseCases(settings).advance(cycleID: cycle.id, from: body.from)
        if advanced.status == .closed { CycleDisclosure.prepare(advanced, application: request.application) }
        return CycleDTO(advanced)
    }

    @Sendable func changeRules(request: Request) async throws -> CycleDTO {
        let cycle = try await request.assessmentCycle()
        let rules = try request.content.decode(AnonymityRules.self)
        try await CycleRepository(database: request.db).changeRules(cycleID: cycle.id, to: rules)
        return CycleDTO(try await CycleRepository(database: request.db).cycle(id: cycle.id))
    }

    struct InvitationDTO: Content {
        var id: UUID
        var subjectId: UUID
        var subject: String
        var source: RaterSource
        var rater: String
        var status: Invitation.Status
        var linkSentOn: String?
        /// Whether the rater has submitted: said for self and supervisor only. Nobody may learn
        /// which anonymous rater has answered; the rater sees their own status on their form.
        var submitted: Bool?

        init(_ invitation: Invitation) {
            id = invitation.id
            subjectId = invitation.subjectID
            subject = invitation.subjectName
            source = invitation.source
            rater = invitation.raterName
            status = invitation.status
            linkSentOn = invitation.issuedOn?.description
            submitted = invitation.source.isAnonymous ? nil : invitation.hasSubmitted
        }
    }

    struct InvitationListDTO: Content {
        var invitations: [InvitationDTO]
    }

    @Sendable func invitations(request: Request) async throws -> InvitationListDTO {
        let cycle = try await request.assessmentCycle()
        return InvitationListDTO(
            invitations: try await InvitationRepository(database: request.db).invitations(cycleID: cycle.id).map(
                InvitationDTO.init))
    }

    struct Nomination: Content {
        var email: String
        var source: RaterSource
    }

    @Sendable func nominate(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        guard let subjectID = request.parameters.get("personID", as: UUID.self) else {
            throw AppError.notFound("That person")
        }
        let body = try request.content.decode(Nomination.self)
        let invitation = try await request.cycleUseCases(settings).nominate(
            cycle: cycle, subjectID: subjectID, email: body.email, source: body.source)
        return try await InvitationDTO(invitation).encodeResponse(status: .created, for: request)
    }

    // MARK: Results

    struct SliceResultDTO: Content {
        struct Question: Content {
            var code: String
            var competency: String
            var withheld: Bool
            var responses: Int?
            var mean: Double?
            var dontKnow: Int?
            var counts: [String: Int]?
        }

        var slice: [String: String]
        var disclosed: Bool
        /// Why the slice is withheld, when it is.
        var reason: String?
        var responses: Int?
        var questions: [Question]
    }

    /// Customer results for one slice: any combination of `subject`, `team`, `location` and
    /// `account`. A slice is answered only when the cycle's catalogue permits it, so that no
    /// combination of answers can single out fewer customers than the minimum.
    @Sendable func results(request: Request) async throws -> SliceResultDTO {
        let cycle = try await request.assessmentCycle()
        var filters: [String: String] = [:]
        for key in DisclosureGate.dimensions {
            if let value = try? request.query.get(String.self, at: key), !value.isEmpty { filters[key] = value }
        }
        guard let slice = CycleDisclosure.slice(filters) else {
            throw AppError.badRequest("subject must be a person id.", field: "subject")
        }
        let disclosure = try await CycleDisclosure.load(cycle: cycle, database: request.db)
        let gate = disclosure.gate
        if let reason = gate.withholdingReason(for: slice) {
            return SliceResultDTO(
                slice: slice.filters, disclosed: false, reason: reason.description, responses: nil, questions: [])
        }
        guard let summary = try await disclosure.customerResults(in: slice, database: request.db) else {
            throw AppError.notFound("Those results")
        }
        return SliceResultDTO(
            slice: slice.filters, disclosed: true, reason: nil, responses: summary.responses,
            questions: summary.questions.map { question in
                guard let result = question.result else {
                    return .init(code: question.code, competency: question.competencyCode, withheld: true)
                }
                var counts: [String: Int] = [:]
                for (answer, count) in result.counts { counts[answer.rawValue] = count }
                return .init(
                    code: question.code, competency: question.competencyCode, withheld: false,
                    responses: result.responses, mean: result.mean, dontKnow: result.dontKnow, counts: counts)
            })
    }

    struct PreviewDTO: Content {
        struct Report: Content {
            var personId: UUID
            var name: String
            var groups: [String: String]
        }

        struct SliceDecision: Content {
            var slice: [String: String]
            var decision: String
        }

        var reports: [Report]
        var slices: [SliceDecision]
    }

    @Sendable func preview(request: Request) async throws -> PreviewDTO {
        let cycle = try await request.assessmentCycle()
        let disclosure = try await CycleDisclosure.load(cycle: cycle, database: request.db)
        let gate = disclosure.gate
        return PreviewDTO(
            reports: disclosure.subjects.map { entry in
                var groups: [String: String] = [:]
                for group in entry.plan.groups {
                    groups[group.source.rawValue] = group.decision.code
                }
                return .init(personId: entry.subject.id, name: entry.subject.name, groups: groups)
            },
            // Only the slices that can be shown: naming the others, or why each is withheld, would
            // say whether somebody in them answered.
            slices: gate.catalog.permitted.map { .init(slice: $0.filters, decision: "shown") })
    }

    // MARK: Raters' forms

    struct RaterFormDTO: Content {
        struct Competency: Content {
            var code: String
            var title: String
            /// Behaviours per level, lowest level first; field names are `b:<level>:<position>:<code>`.
            var behaviours: [[String]]
        }

        struct Question: Content {
            var code: String
            var competency: String
            var text: String
        }

        var cycle: String
        var subject: String
        var source: RaterSource
        var closesOn: String
        var submitted: Bool
        var levels: [String]
        var competencies: [Competency]
        var questions: [Question]
        var answers: [String]
        /// The saved draft, as field name to value.
        var fields: [String: String]
    }

    @Sendable func raterForm(request: Request) async throws -> RaterFormDTO {
        let session = try await raterSession(request)
        let isCustomer = session.invitation.source == .customer
        return RaterFormDTO(
            cycle: session.cycle.name, subject: session.invitation.subjectName, source: session.invitation.source,
            closesOn: session.cycle.settings.closesOn.description, submitted: session.invitation.hasSubmitted,
            levels: session.framework.levels.names,
            competencies: isCustomer
                ? []
                : session.framework.competencies.map {
                    .init(code: $0.code, title: $0.title, behaviours: $0.standards.map(\.behaviours))
                },
            questions: isCustomer
                ? session.questionnaire.questions.map {
                    .init(code: $0.code, competency: $0.competencyCode, text: $0.text)
                }
                : [],
            answers: FrequencyAnswer.allCases.map(\.rawValue), fields: try await session.draft())
    }

    struct FieldValue: Content {
        var name: String
        var value: String
    }

    @Sendable func raterAutosave(request: Request) async throws -> HTTPStatus {
        let session = try await raterSession(request)
        let field = try request.content.decode(FieldValue.self)
        try await session.autosave(name: field.name, value: field.value)
        return .noContent
    }

    struct Submission: Content {
        /// The whole form; when absent, the saved draft is submitted.
        var fields: [String: String]?
    }

    @Sendable func raterSubmit(request: Request) async throws -> HTTPStatus {
        let session = try await raterSession(request)
        let body = try request.content.decode(Submission.self)
        try session.requireOpen()
        var fields = body.fields ?? [:]
        if body.fields == nil { fields = try await session.draft() }
        // A draft already saved is kept as it is; sent fields are kept as the draft.
        switch try await session.submit(session.read(fields), keepingDraft: body.fields != nil) {
        case .submitted:
            request.application.serviceMetrics.recordSubmission()
            return .created
        case .invalid(let problems), .incomplete(let problems): throw StoreError.invalid(problems)
        }
    }

    // MARK: Helpers

    private func raterSession(_ request: Request) async throws -> RaterUseCases {
        try await RaterUseCases.open(
            token: request.parameters.get("token") ?? "", database: request.db,
            submissions: request.application.submissionGroups, identity: RaterIdentity(secret: settings.anonymityKey))
    }
}
