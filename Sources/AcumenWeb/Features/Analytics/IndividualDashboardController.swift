import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// One account manager's dashboard: where they stand against target in their latest released
/// results, how others have seen them across cycles, their roadmap's progress and what is due,
/// and their latest evidence. Released results only: what the person may read of their own.
struct IndividualDashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.permitted(AnalyticsPolicy.self, .readIndividual)).get(
            "people", ":personID", "dashboard", use: show)
    }

    /// What the dashboard shows besides the results, read for one person at each request.
    struct Model {
        var person: PersonSummary
        var roadmap: Roadmap?
        var observations: [CoachingObservation]
        var completions: [(title: String, recorded: CompletionRepository.Recorded)]
        /// The person's latest submitted attempt at each check, latest first.
        var checkResults: [(title: String, attempt: KnowledgeCheckRepository.Attempt)]
        var today: CalendarDate
    }

    @Sendable func show(request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let id = request.parameters.get("personID", as: UUID.self) else {
            throw AppError.notFound("That dashboard")
        }
        let people = PeopleRepository(database: request.db)
        let visible = try await people.visiblePersonIDs(for: user.viewer)
        let resource = AnalyticsPolicy.Resource(
            isOwn: user.personID == id, inViewersLine: visible?.contains(id) ?? true)
        guard AnalyticsPolicy.allows(.readIndividual, user.viewer, resource) else {
            throw AppError.notFound("That dashboard")
        }
        let person = try await people.person(id: id, visibleTo: user.viewer)
        // The person and their supervisor read it in the person's language, as their report.
        let context = PageContext(readers: request)
        let results = try await Self.results(person: person, text: context.localizer, request: request)
        let model = try await Self.model(
            person: person, database: request.db, catalogue: CatalogueController.load(request))
        return IndividualDashboardPage.render(model, results: results, context: context).response()
    }

    /// The results part, rendered: kept, as reports are, until a response arrives in one of the
    /// person's released cycles, a rule changes, the day or the language.
    static func results(person: PersonSummary, text: Localizer, request: Request) async throws -> String {
        let database = request.db
        // Oldest first, as the trend reads.
        let assessed = try await RoadmapUseCases.releasedAssessments(personID: person.id, database: database)
            .reversed()
        var keys: [String] = []
        for (cycle, subject) in assessed {
            keys.append(
                try await ReportsController.renderKey(
                    cycle: cycle, subject: subject, language: text.language, database: database))
        }
        let key = "\(person.id)#" + keys.joined(separator: "#")
        let cache = request.application.renderCache
        if let html = cache[.dashboardResults, key] { return html }
        var reports: [ReportsController.LoadedReport] = []
        var points: [CompetencyTrend.Point] = []
        for (cycle, subject) in assessed {
            let loaded = try await ReportsController.load(cycle: cycle, subject: subject, database: database)
            let (version, _) = try await CycleForms.context(for: cycle, database: database)
            reports.append(loaded)
            points.append(
                .init(
                    cycleName: cycle.settings.name, closesOn: cycle.settings.closesOn,
                    frameworkName: version.summary.name, frameworkVersion: version.summary.version,
                    levels: loaded.report.rows.reduce(into: [:]) { levels, row in
                        if let others = row.competency.others { levels[row.competency.competencyCode] = others.mean }
                    }))
        }
        let trend = CompetencyTrend(points: points, latestOrder: reports.last?.framework.competencies.map(\.code) ?? [])
        let html = IndividualDashboardPage.results(latest: reports.last, trend: trend, text: text)
        cache[.dashboardResults, key] = html
        return html
    }

    static func model(person: PersonSummary, database: any Database, catalogue: CatalogueController.Loaded)
        async throws -> Model
    {
        let titles = Dictionary(catalogue.offerings.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let completions = try await CompletionRepository(database: database).recent(personID: person.id, limit: 5)
        let checks = KnowledgeCheckRepository(database: database)
        let submitted = try await checks.attempts(personIDs: [person.id]).filter(\.isSubmitted)
        var latest: [UUID: KnowledgeCheckRepository.Attempt] = [:]
        for attempt in submitted where (latest[attempt.checkID]?.number ?? 0) < attempt.number {
            latest[attempt.checkID] = attempt
        }
        let checkTitles =
            latest.isEmpty
            ? [:]
            : Dictionary(
                try await checks.checks().map { ($0.check.id, $0.check.title) }, uniquingKeysWith: { first, _ in first }
            )
        return Model(
            person: person,
            roadmap: try await RoadmapRepository(database: database).roadmap(
                personID: person.id, includingHistory: false),
            observations: Array(
                try await ObservationRepository(database: database).observations(personID: person.id)
                    .sorted { $0.observedOn > $1.observedOn }.prefix(5)),
            completions: completions.map { (titles[$0.offeringID] ?? "", $0) },
            checkResults: latest.values.sorted { ($0.submittedAt ?? .distantPast) > ($1.submittedAt ?? .distantPast) }
                .map { (checkTitles[$0.checkID] ?? "", $0) }, today: .today)
    }
}
