import AcumenCore
import AcumenStore
import Fluent
import Foundation

/// What a cycle's results may show: the disclosure plan of every account manager's report and
/// the catalogue of customer slices (by account manager, team, location, account and pairs of
/// them) that can be queried without singling out a group below the minimum.
struct AnonymityPreview: Sendable {
    struct SubjectPlan: Sendable {
        var subject: CycleSubject
        var plan: DisclosurePlan
    }

    var subjects: [SubjectPlan]
    var catalog: SliceCatalog
    var candidates: [Slice]
    /// Attributes of each current customer response, by response id.
    var attributes: [UUID: [String: String]]

    static let dimensions = ["subject", "team", "location", "account"]

    func customersMayBeShown(subjectID: UUID) -> Bool {
        catalog.isPermitted(Slice(["subject": subjectID.uuidString]))
    }

    func plan(subjectID: UUID) -> DisclosurePlan? {
        subjects.first { $0.subject.id == subjectID }?.plan
    }

    /// Built once per cycle and state of its responses: every submission adds a row, so the
    /// number of response rows tells whether anything changed.
    static func build(cycle: AssessmentCycle, database: any Database) async throws -> AnonymityPreview {
        let responses = ResponseRepository(database: database)
        let version = try await responses.responseRowCount(cycleID: cycle.id)
        let key = "\(cycle.id)|\(version)|\(cycle.settings.rules)"
        if let cached = await cache.value(for: key) { return cached }

        let subjects = try await CycleRepository(database: database).subjects(cycleID: cycle.id)
        var attributes = try await responses.customerResponseAttributes(cycleID: cycle.id)
        let subjectOf = try await responses.customerResponseSubjects(cycleID: cycle.id)
        for (id, subject) in subjectOf { attributes[id, default: [:]]["subject"] = subject.uuidString }
        let rows = Array(attributes.values)
        let candidates = Slice.candidates(attributes: rows, dimensions: dimensions)
        let catalog = SliceCatalog(
            responses: rows, candidates: candidates, minimum: cycle.settings.rules.minimumCustomers)
        let counts = try await responses.responseCounts(cycleID: cycle.id)
        let plans = subjects.map { subject in
            SubjectPlan(
                subject: subject,
                plan: PersonReport.plan(
                    responses: counts[subject.id] ?? [:], rules: cycle.settings.rules,
                    customersMayBeShown: catalog.isPermitted(Slice(["subject": subject.id.uuidString]))))
        }
        let preview = AnonymityPreview(
            subjects: plans, catalog: catalog, candidates: candidates, attributes: attributes)
        await cache.store(preview, for: key)
        return preview
    }

    private static let cache = PreviewCache()
}

/// The last few previews; a preview of a cycle with many customers takes a while to build.
actor PreviewCache {
    private var entries: [(key: String, value: AnonymityPreview)] = []

    func value(for key: String) -> AnonymityPreview? {
        entries.first { $0.key == key }?.value
    }

    func store(_ value: AnonymityPreview, for key: String) {
        entries.removeAll { $0.key == key }
        entries.insert((key, value), at: 0)
        if entries.count > 8 { entries.removeLast() }
    }
}
