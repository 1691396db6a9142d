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

    /// What the dashboard shows, read for one person.
    struct Model {
        var person: PersonSummary
        /// Oldest first.
        var reports: [ReportsController.LoadedReport]
        var trend: CompetencyTrend
        var roadmap: Roadmap?
        var observations: [CoachingObservation]
        var completions: [(title: String, recorded: CompletionRepository.Recorded)]
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
        let model = try await Self.model(
            person: person, database: request.db, catalogue: CatalogueController.load(request))
        // The person and their supervisor read it in the person's language, as their report.
        return IndividualDashboardPage.render(model, context: PageContext(readers: request)).response()
    }

    static func model(person: PersonSummary, database: any Database, catalogue: CatalogueController.Loaded)
        async throws -> Model
    {
        let cycles = CycleRepository(database: database)
        let released = try await cycles.cycles().filter { $0.status == .released }.sorted {
            ($0.settings.closesOn, $0.settings.opensOn) < ($1.settings.closesOn, $1.settings.opensOn)
        }
        var reports: [ReportsController.LoadedReport] = []
        var points: [CompetencyTrend.Point] = []
        for cycle in released {
            guard let subject = try await cycles.subject(cycleID: cycle.id, personID: person.id) else { continue }
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
        let titles = Dictionary(catalogue.offerings.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let completions = try await CompletionRepository(database: database).recent(personID: person.id, limit: 5)
        return Model(
            person: person, reports: reports,
            trend: CompetencyTrend(
                points: points, latestOrder: reports.last?.framework.competencies.map(\.code) ?? []),
            roadmap: try await RoadmapRepository(database: database).roadmap(personID: person.id),
            observations: Array(
                try await ObservationRepository(database: database).observations(personID: person.id)
                    .sorted { $0.observedOn > $1.observedOn }.prefix(5)),
            completions: completions.map { (titles[$0.offeringID] ?? "", $0) }, today: .today)
    }
}
