import AcumenCore
import AcumenStore
import Fluent
import Foundation
import Vapor

/// A cycle's disclosure gate with what the web layer needs around it: each account manager's
/// disclosure plan and, while the cycle collects answers, only how far each group has got.
/// Every page, export and API reading peer or customer data starts here.
struct CycleDisclosure: Sendable {
    struct SubjectPlan: Sendable {
        var subject: CycleSubject
        var plan: DisclosurePlan
        /// How far each source has got, as far as may be said (`ResponseProgress`).
        var progress: [RaterSource: ResponseProgress]
    }

    var cycle: AssessmentCycle
    var gate: DisclosureGate
    var subjects: [SubjectPlan]
    /// Attributes of each current customer response, by response id (settled cycles only).
    var attributes: [UUID: [String: String]]
    /// Responses per source over the whole cycle; anonymous sources rounded down to tens while
    /// the cycle collects answers (`ResponseProgress.roundedTotal`).
    var totals: [RaterSource: Int] = [:]

    var isSettled: Bool { gate.phase == .settled }

    func plan(subjectID: UUID) -> DisclosurePlan? {
        subjects.first { $0.subject.id == subjectID }?.plan
    }

    /// A slice's customer results as the gate allows them, or nil when the slice is not shown.
    /// The slice's responses are matched by the same attributes the catalogue was built from,
    /// so the figures are exactly those the gate permitted.
    func customerResults(in slice: Slice, database: any Database) async throws -> CustomerResults? {
        guard gate.permits(slice) else { return nil }
        let matching = try await ResponseRepository(database: database).customerResponsesByID(cycleID: cycle.id)
            .filter { slice.contains(attributes[$0.key] ?? [:]) }.map(\.value)
        let questionnaire = try await CycleRepository(database: database).questionnaire(for: cycle)
        return gate.customerResults(matching, in: slice, questionnaire: questionnaire)
    }

    /// Parses a slice from query values, with the account manager's id normalised.
    static func slice(_ filters: [String: String]) -> Slice? {
        var filters = filters
        if let subject = filters["subject"] {
            guard let id = UUID(uuidString: subject) else { return nil }
            filters["subject"] = id.uuidString
        }
        return Slice(filters)
    }

    /// The gate of a settled cycle never changes (its responses and rules are fixed), so it is
    /// built once; the number of response rows is in the key all the same, as a guard.
    static func load(cycle: AssessmentCycle, database: any Database) async throws -> CycleDisclosure {
        let responses = ResponseRepository(database: database)
        let rules = cycle.settings.rules
        guard DisclosureGate.phase(of: cycle.status) == .settled else {
            return try await collecting(cycle: cycle, database: database)
        }
        let version = try await responses.responseRowCount(cycleID: cycle.id)
        let key = "\(cycle.id)|\(cycle.status.rawValue)|\(version)|\(rules)"
        // One build per settled cycle, however many readers arrive while it is being built.
        return try await cache.value(for: key) { try await settled(cycle: cycle, database: database) }
    }

    /// Builds a cycle's gate in the background as it closes, so that the first reader does not
    /// wait for it.
    static func prepare(_ cycle: AssessmentCycle, application: Application) {
        let database = application.db
        Task { _ = try? await load(cycle: cycle, database: database) }
    }

    /// What both phases start from: the cycle's account managers and how many of each source
    /// answered about each of them, with the cycle's totals.
    private struct Counted {
        var subjects: [CycleSubject]
        var counts: [UUID: [RaterSource: Int]]
        var totals: [RaterSource: Int]

        init(cycle: AssessmentCycle, database: any Database) async throws {
            subjects = try await CycleRepository(database: database).subjects(cycleID: cycle.id)
            counts = try await ResponseRepository(database: database).responseCounts(cycleID: cycle.id)
            totals = [:]
            for (source, count) in counts.values.flatMap({ $0 }) { totals[source, default: 0] += count }
        }
    }

    private static func collecting(cycle: AssessmentCycle, database: any Database) async throws -> CycleDisclosure {
        let rules = cycle.settings.rules
        var counted = try await Counted(cycle: cycle, database: database)
        for source in RaterSource.allCases where source.isAnonymous {
            counted.totals[source] = counted.totals[source].map(ResponseProgress.roundedTotal)
        }
        let gate = DisclosureGate.collecting(rules: rules)
        return CycleDisclosure(
            cycle: cycle, gate: gate,
            subjects: counted.subjects.map { subject in
                let mine = counted.counts[subject.id] ?? [:]
                var progress: [RaterSource: ResponseProgress] = [:]
                for source in cycle.settings.sources {
                    progress[source] = .of(source: source, count: mine[source] ?? 0, rules: rules)
                }
                return SubjectPlan(
                    subject: subject,
                    plan: gate.plan(
                        responses: mine, subjectID: subject.id.uuidString, sources: cycle.settings.sources),
                    progress: progress)
            }, attributes: [:], totals: counted.totals)
    }

    private static func settled(cycle: AssessmentCycle, database: any Database) async throws -> CycleDisclosure {
        let responses = ResponseRepository(database: database)
        let counted = try await Counted(cycle: cycle, database: database)
        let attributes = try await responses.customerResponseAttributes(cycleID: cycle.id)
        let answers = try await responses.customerResponsesByID(cycleID: cycle.id)
        let questionnaire = try await CycleRepository(database: database).questionnaire(for: cycle)
        let facts = attributes.map { id, values in
            CustomerResponseFacts(
                attributes: values,
                scored: Set((answers[id]?.answers ?? [:]).filter { $0.value.score != nil }.keys))
        }
        let gate = DisclosureGate.settled(
            rules: cycle.settings.rules, customers: facts, questionCodes: questionnaire.questions.map(\.code))
        return CycleDisclosure(
            cycle: cycle, gate: gate,
            subjects: counted.subjects.map { subject in
                let mine = counted.counts[subject.id] ?? [:]
                return SubjectPlan(
                    subject: subject,
                    plan: gate.plan(responses: mine, subjectID: subject.id.uuidString, sources: cycle.settings.sources),
                    progress: mine.mapValues { .answered($0) })
            }, attributes: attributes, totals: counted.totals)
    }

    /// A gate of a cycle with many customers takes a while to build.
    private static let cache = BuildCache<CycleDisclosure>(capacity: 8)
}
