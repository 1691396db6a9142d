import AcumenCore
import AcumenStore
import FluentKit
import Foundation

/// Keeps a settled cycle's results (`SettledResultsRepository`) when it closes, or when a
/// dashboard first needs them (cycles settled before results were kept, or whose keeping at
/// closing failed). Kept, a 20,000-person cycle's group figures are read in a fraction of a
/// second instead of being aggregated from millions of ratings at every request.
///
/// What is kept is what the cycle's reports show: a level counts the supervisor's ratings, and
/// the peers' where at least the minimum of peers answered; targets and tenure bands are taken
/// on the cycle's last day of answers; groups are those each person belonged to when the
/// results were kept, so later moves between teams cannot open a difference between two
/// readings of the same cycle.
enum SettledResults {
    /// One build per cycle at a time in this process; another process may build the same rows
    /// at the same moment, which the repository's idempotent writes allow.
    private static let kept = BuildCache<Bool>(capacity: 64)

    static func ensureKept(_ cycle: AssessmentCycle, database: any Database) async throws {
        guard cycle.status.isSettled else { return }
        _ = try await kept.value(for: cycle.id.uuidString) {
            let repository = SettledResultsRepository(database: database)
            if try await !repository.isKept(cycleID: cycle.id) {
                try await repository.keep(
                    cycleID: cycle.id, try await build(cycle, database: database), on: CalendarDate.today)
            }
            return true
        }
    }

    /// The smallest group the heatmap shows: the larger of the cycle's two minimums.
    static func minimumGroup(_ cycle: AssessmentCycle) -> Int {
        max(cycle.settings.rules.minimumPeers, cycle.settings.rules.minimumCustomers)
    }

    private static func build(_ cycle: AssessmentCycle, database: any Database) async throws
        -> SettledResultsRepository.Kept
    {
        let subjects = try await CycleRepository(database: database).subjects(cycleID: cycle.id)
        let (version, _) = try await CycleForms.context(for: cycle, database: database)
        let results = GroupResultsRepository(database: database)
        let levels = try await results.levels(cycleID: cycle.id, minimumPeers: cycle.settings.rules.minimumPeers)
        let served = try await results.customersServed()
        let supervisors = try await results.names(Set(subjects.compactMap(\.supervisorID)))
        let lastDay = cycle.answersClosedOn
        let members = subjects.map { subject in
            var groups: [GroupDimension: [String]] = [
                .team: [subject.team], .location: [subject.location],
                .tenure: [TenureBand(hireDate: subject.hireDate, on: lastDay).rawValue],
                .customer: served[subject.id] ?? [],
            ]
            if let supervisor = subject.supervisorID.flatMap({ supervisors[$0] }) { groups[.supervisor] = [supervisor] }
            return AssessedMember(
                personID: subject.id, groups: groups.filter { !$0.value.contains("") },
                levels: levels[subject.id] ?? [:],
                targets: ReportsController.profile(for: subject, in: version.roleProfiles, today: lastDay)?.targets
                    ?? [:])
        }
        return .init(
            members: members, customerTallies: try await disclosedCustomerTallies(cycle, database: database),
            heatmap: CompetencyHeatmap(
                people: members, competencyCodes: version.content.competencies.map(\.code),
                minimum: minimumGroup(cycle)))
    }

    /// Each person's customers' tallies where they may feed cycle-wide figures: no figure rests
    /// on a group or question the person's report withholds.
    private static func disclosedCustomerTallies(_ cycle: AssessmentCycle, database: any Database) async throws
        -> [UUID: VendorScore.Tally]
    {
        let disclosure = try await CycleDisclosure.load(cycle: cycle, database: database)
        let questions = try await CycleRepository(database: database).questionnaire(for: cycle).questions.map(\.code)
        let plans = Dictionary(disclosure.subjects.map { ($0.subject.id, $0.plan) }) { first, _ in first }
        var tallies: [UUID: VendorScore.Tally] = [:]
        for (subject, tally) in try await GroupResultsRepository(database: database).customerTallies(cycleID: cycle.id)
        {
            guard let plan = plans[subject],
                disclosure.gate.feedsCycleFigures(
                    customersOf: plan, subjectID: subject.uuidString, questions: questions)
            else { continue }
            tallies[subject] = tally
        }
        return tallies
    }
}
