import AcumenCore
import AcumenStore
import FluentKit
import Foundation

/// Reads what `ProgrammeImpact` compares: the latest closed or released cycle that closed in the
/// period and the one before it, each person's levels in both as their reports show them, their
/// customers' share of Often or Always where their reports show customers (all as kept when
/// each cycle settled, `SettledResults`), and who completed an offering in between.
enum ProgrammeImpactLoader {
    typealias Loaded = ProgrammeImpact.Summary

    /// Kept per pair of cycles, the learning record and the day.
    private static let cache = BuildCache<Loaded>(capacity: 8)

    static func load(in period: ReportingPeriod, database: any Database) async throws -> Loaded? {
        let cycles = CycleRepository(database: database)
        let settled = try await cycles.cycles().filter { $0.status.isSettled }.sorted {
            ($0.answersClosedOn, $0.settings.name) < ($1.answersClosedOn, $1.settings.name)
        }
        guard let laterIndex = settled.lastIndex(where: { period.contains($0.answersClosedOn) }), laterIndex > 0
        else { return nil }
        let later = settled[laterIndex]
        let earlier = settled[laterIndex - 1]
        // A settled cycle's kept results never change; the learning record and the day may.
        let key =
            "\(CalendarDate.today)|\(earlier.id)|\(later.id)|"
            + (try await CompletionRepository(database: database).version())
        return try await cache.value(for: key) {
            try await build(earlier: earlier, later: later, database: database)
        }
    }

    private static func build(earlier: AssessmentCycle, later: AssessmentCycle, database: any Database)
        async throws -> Loaded
    {
        let kept = SettledResultsRepository(database: database)
        for cycle in [earlier, later] { try await SettledResults.ensureKept(cycle, database: database) }
        let changes = try await kept.levelChanges(from: earlier.id, to: later.id)
        let earlierShares = try await kept.customerTallies(cycleID: earlier.id).compactMapValues(\.share)
        let laterShares = try await kept.customerTallies(cycleID: later.id).compactMapValues(\.share)
        var trained: Set<UUID> = []
        if let between = ReportingPeriod(from: earlier.answersClosedOn.adding(days: 1), to: later.answersClosedOn) {
            trained = Set(try await AnalyticsRepository(database: database).completions(in: between).map(\.personID))
        }
        // Assessed in both: rated by others in each, not only listed.
        let people = changes.people.sorted { $0.personID.uuidString < $1.personID.uuidString }.map { person in
            ProgrammeImpact.Person(
                personID: person.personID, competencyChange: person.change,
                tookTraining: trained.contains(person.personID),
                earlierCustomerShare: earlierShares[person.personID], laterCustomerShare: laterShares[person.personID])
        }
        let (version, _) = try await CycleForms.context(for: later, database: database)
        return ProgrammeImpact(
            earlier: .init(name: earlier.settings.name, closesOn: earlier.answersClosedOn),
            later: .init(name: later.settings.name, closesOn: later.answersClosedOn), people: people,
            competencyChanges: changes.competencies, minimumGroup: SettledResults.minimumGroup(later)
        ).summary(order: version.content.competencies.map(\.code))
    }
}
