import AcumenCore
import AcumenStore
import FluentKit
import Foundation

/// Reads what `ProgrammeImpact` compares: the latest closed or released cycle that closed in the
/// period and the one before it, each person's levels in both as their reports show them, their
/// customers' share of Often or Always where their reports show customers, and who completed
/// an offering in between.
enum ProgrammeImpactLoader {
    typealias Loaded = ProgrammeImpact.Summary

    /// Kept per pair of cycles, their answers and rules, the learning record and the day: at
    /// tens of thousands of account managers the comparison takes seconds to read.
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
        let responses = ResponseRepository(database: database)
        var key = "\(CalendarDate.today)|" + (try await CompletionRepository(database: database).version())
        for cycle in [earlier, later] {
            key +=
                "|\(cycle.id)|\(cycle.status.rawValue)|\(cycle.settings.rules)|"
                + "\(try await responses.responseRowCount(cycleID: cycle.id))"
        }
        return try await cache.value(for: key) {
            try await build(earlier: earlier, later: later, database: database)
        }
    }

    private static func build(earlier: AssessmentCycle, later: AssessmentCycle, database: any Database)
        async throws -> Loaded
    {
        let cycles = CycleRepository(database: database)
        let results = GroupResultsRepository(database: database)
        let earlierSubjects = Set(try await cycles.subjects(cycleID: earlier.id).map(\.id))
        let laterSubjects = try await cycles.subjects(cycleID: later.id).map(\.id).filter(earlierSubjects.contains)
        let earlierLevels = try await results.levels(
            cycleID: earlier.id, minimumPeers: earlier.settings.rules.minimumPeers)
        let laterLevels = try await results.levels(cycleID: later.id, minimumPeers: later.settings.rules.minimumPeers)
        let earlierShares = try await customerShares(earlier, database: database)
        let laterShares = try await customerShares(later, database: database)
        var trained: Set<UUID> = []
        if let between = ReportingPeriod(from: earlier.answersClosedOn.adding(days: 1), to: later.answersClosedOn) {
            trained = Set(try await AnalyticsRepository(database: database).completions(in: between).map(\.personID))
        }
        // Assessed in both: rated by others in each, not only listed.
        let people = laterSubjects.filter { earlierLevels[$0] != nil && laterLevels[$0] != nil }.map { id in
            ProgrammeImpact.Person(
                personID: id, earlierLevels: earlierLevels[id] ?? [:], laterLevels: laterLevels[id] ?? [:],
                tookTraining: trained.contains(id), earlierCustomerShare: earlierShares[id],
                laterCustomerShare: laterShares[id])
        }
        let rules = later.settings.rules
        let (version, _) = try await CycleForms.context(for: later, database: database)
        return ProgrammeImpact(
            earlier: .init(name: earlier.settings.name, closesOn: earlier.answersClosedOn),
            later: .init(name: later.settings.name, closesOn: later.answersClosedOn), people: people,
            minimumGroup: max(rules.minimumPeers, rules.minimumCustomers)
        ).summary(order: version.content.competencies.map(\.code))
    }

    /// Each person's share of Often or Always among their customers' answers, counted only
    /// where their report shows customers and every question of the questionnaire for them (a
    /// person whose report leaves one question out is left out here, rather than counting
    /// answers per question): no figure rests on a group or question the report withholds.
    static func customerShares(_ cycle: AssessmentCycle, database: any Database) async throws -> [UUID: Double] {
        let disclosure = try await CycleDisclosure.load(cycle: cycle, database: database)
        let questions = try await CycleRepository(database: database).questionnaire(for: cycle).questions.map(\.code)
        var shares: [UUID: Double] = [:]
        for (subject, tally) in try await GroupResultsRepository(database: database).customerTallies(cycleID: cycle.id)
        {
            guard disclosure.plan(subjectID: subject)?.decision(for: .customer) == .shown else { continue }
            let slice = DisclosureGate.subjectSlice(subject.uuidString)
            guard questions.allSatisfy({ disclosure.gate.permits(question: $0, in: slice) }) else { continue }
            shares[subject] = tally.share
        }
        return shares
    }
}
