import AcumenCore
import AcumenStore
import Fluent
import Plot
import Vapor

/// Results of a cycle: individual reports, the anonymity preview, the raw export and the outbox.
struct ReportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let readers = routes.access(.signedIn)
        readers.get("cycles", ":cycleID", "people", ":personID", "report", use: report)
        readers.get("api", "v1", "cycles", ":cycleID", "people", ":personID", "report", use: apiReport)

        let staff = routes.access(.permitted(AssessmentPolicy.self, .runCycles))
        staff.get("cycles", ":cycleID", "preview", use: preview)
        staff.get("cycles", ":cycleID", "export.csv", use: export)

        let mail = routes.access(.permitted(SystemPolicy.self, .readOutbox))
        mail.get("outbox", use: outbox)
        mail.post("outbox", ":messageID", "retry", use: retry)
    }

    /// Everything an individual report shows, already filtered by the anonymity rules.
    struct LoadedReport {
        var cycle: AssessmentCycle
        var subject: CycleSubject
        var framework: FrameworkContent
        var profile: RoleProfile?
        var report: PersonReport
        var questionnaire: Questionnaire
    }

    /// The cycle and the person whose report the request asks for, when the viewer may read it.
    static func authorise(_ request: Request) async throws -> (AssessmentCycle, CycleSubject) {
        let user = try request.requireUser()
        guard let personID = request.parameters.get("personID", as: UUID.self) else {
            throw AppError.notFound("That report")
        }
        let cycles = CycleRepository(database: request.db)
        let cycle = try await request.assessmentCycle()
        let visible = try await PeopleRepository(database: request.db).visiblePersonIDs(for: user.viewer)
        guard
            AssessmentPolicy.allows(
                .readReport, user.viewer,
                .subject(personID: personID, cycleStatus: cycle.status, inViewersLine: visible.includes(personID))),
            let subject = try await cycles.subject(cycleID: cycle.id, personID: personID)
        else { throw AppError.notFound("That report") }
        return (cycle, subject)
    }

    static func load(_ request: Request) async throws -> LoadedReport {
        let (cycle, subject) = try await authorise(request)
        return try await load(cycle: cycle, subject: subject, database: request.db)
    }

    static func load(cycle: AssessmentCycle, subject: CycleSubject, database: any Database) async throws
        -> LoadedReport
    {
        let cycleID = cycle.id
        let personID = subject.id
        let (version, questionnaire) = try await CycleForms.context(for: cycle, database: database)
        let responses = ResponseRepository(database: database)
        let profile = Self.profile(for: subject, in: version.roleProfiles, today: .today)
        let disclosure = try await CycleDisclosure.load(cycle: cycle, database: database)
        // While the cycle collects answers the gate shows named sources only, so anonymous
        // responses are not even read.
        var internalResponses = try await responses.internalResponses(cycleID: cycleID, subjectID: personID)
        var customers: [CustomerResponseRecord] = []
        if disclosure.isSettled {
            customers = try await responses.customerResponses(cycleID: cycleID, subjectID: personID)
        } else {
            internalResponses.removeAll { $0.source.isAnonymous }
        }
        let report = disclosure.gate.report(
            subjectID: personID.uuidString, sources: cycle.settings.sources, framework: version.content,
            targets: profile?.targets ?? [:], internalResponses: internalResponses, customers: customers,
            questionnaire: questionnaire)
        return LoadedReport(
            cycle: cycle, subject: subject, framework: version.content, profile: profile, report: report,
            questionnaire: questionnaire)
    }

    /// The role profile whose job role matches the person's title and whose tenure band holds them.
    static func profile(for subject: CycleSubject, in profiles: [RoleProfile], today: CalendarDate) -> RoleProfile? {
        let tenure = subject.hireDate.map { $0.months(until: today) } ?? 0
        let matching = profiles.filter { $0.jobRole.lowercased() == subject.jobTitle.lowercased() }
        return matching.first { $0.applies(toTenureMonths: tenure) } ?? matching.first
    }

    @Sendable func report(request: Request) async throws -> Response {
        let (cycle, subject) = try await Self.authorise(request)
        // The account manager and their supervisor read it in their own language.
        let context = PageContext(readers: request)
        let text = context.localizer
        let key = try await Self.renderKey(
            cycle: cycle, subject: subject, language: text.language, database: request.db)
        let title = PersonReportPage.title(subject: subject, cycle: cycle, text: text)
        let cache = request.application.renderCache
        if let html = cache[.report, key] {
            return PersonReportPage.page(title: title, content: html, context: context).response()
        }
        let html = PersonReportPage.content(
            try await Self.load(cycle: cycle, subject: subject, database: request.db), text: text)
        cache[.report, key] = html
        return PersonReportPage.page(title: title, content: html, context: context).response()
    }

    /// What a rendered report is kept under: cycle, person, state of the cycle's responses,
    /// rules and day (role profiles depend on tenure), and language. The same for every reader,
    /// and new when a response arrives.
    static func renderKey(
        cycle: AssessmentCycle, subject: CycleSubject, language: Language, database: any Database
    ) async throws -> String {
        let version = try await ResponseRepository(database: database).responseRowCount(cycleID: cycle.id)
        return "\(cycle.id)|\(subject.id)|\(subject.jobTitle)|\(subject.hireDate?.description ?? "")|\(version)|"
            + "\(cycle.status.rawValue)|\(cycle.settings.rules)|\(cycle.showsAdjustedScores)|\(CalendarDate.today)"
            + "|\(language.tag)"
    }

    @Sendable func apiReport(request: Request) async throws -> PersonReportDTO {
        PersonReportDTO(try await Self.load(request))
    }

    @Sendable func preview(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        let disclosure = try await CycleDisclosure.load(cycle: cycle, database: request.db)
        return AnonymityPreviewPage.render(cycle: cycle, disclosure: disclosure, context: PageContext(request))
            .response()
    }

    @Sendable func export(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        let disclosure = try await CycleDisclosure.load(cycle: cycle, database: request.db)
        guard disclosure.isSettled else {
            throw AppError(
                .conflict, code: "cycle_open",
                message:
                    "The raw export is available once the cycle has closed: while raters are still answering, two exports could be compared to find one rater's answers."
            )
        }
        let rows = try await ResponseRepository(database: request.db).exportRows(cycleID: cycle.id)
        let csv = ResponseExport.csv(rows: rows, disclosure: disclosure)
        let name = cycle.name.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return .csvDownload(csv, filename: "\(String(name))-responses.csv")
    }

    @Sendable func outbox(request: Request) async throws -> Response {
        let repository = OutboxRepository(database: request.db)
        return OutboxPage.render(
            entries: try await repository.recent(), counts: try await repository.counts(),
            context: PageContext(request)
        ).response()
    }

    @Sendable func retry(request: Request) async throws -> Response {
        guard let id = request.parameters.get("messageID", as: UUID.self) else {
            throw AppError.notFound("That message")
        }
        try await OutboxRepository(database: request.db).retry(id: id)
        request.flash(request.readersLocalizer.text(OutboxMessage.queuedAgain))
        return request.redirect(to: SitePath.outbox.url())
    }
}
