import AcumenCore
import AcumenStore
import FluentKit
import Foundation

/// Drafting a roadmap from a person's latest released results, shared by the supervisor's
/// button and the demo, which drafts every account manager's roadmap once.
struct RoadmapUseCases {
    let database: any Database
    var today: CalendarDate = .today
    /// The catalogue and the framework versions, when the caller read them once for many drafts.
    var known: (offerings: [Offering], frameworks: [FrameworkSummary])?

    struct Drafted {
        var cycleName: String
        var itemCount: Int
    }

    /// Drafts (again) the person's roadmap from the released cycle that closes last, with the
    /// supervisor's priorities; items completed, waived, under way or added by the supervisor are
    /// kept and not drafted twice. Nil when no released cycle assessed the person.
    func draft(person: PersonSummary, byUserID: UUID, at: Date = Date()) async throws -> Drafted? {
        guard let latest = try await Self.latestResults(personID: person.id, database: database) else { return nil }
        let repository = RoadmapRepository(database: database)
        let existing = try await repository.roadmap(personID: person.id)
        let kept = existing?.items.filter {
            $0.status.isClosed || $0.status == .inProgress || $0.isChosenByHand
        }
        let available = try await offerings(applyingTo: latest.cycle.frameworkID, framework: latest.framework)
        // What the learning record says they took already is not offered again, and counts as
        // taken for what must come first.
        let learned = try await CompletionRepository(database: database).offeringIDs(personID: person.id)
        let drafted = RoadmapDrafter(offerings: available, frameworkID: latest.cycle.frameworkID).draft(
            gaps: latest.report.gaps, profile: LearnerProfile(isRemote: person.isRemote),
            terms: RoadmapTerms(
                start: today.firstOfMonth,
                // Priorities name competencies of the framework the roadmap was drafted against.
                priorities: existing?.frameworkID == latest.cycle.frameworkID ? existing?.priorities ?? [] : [],
                completed: Set(kept?.map(\.offeringCode) ?? []).union(
                    available.filter { learned.contains($0.id) }.map(\.code))))
        try await repository.saveDraft(
            personID: person.id, frameworkID: latest.cycle.frameworkID, cycleName: latest.cycle.name,
            items: drafted.map(RoadmapItem.init(drafted:)), byUserID: byUserID, at: at)
        return Drafted(cycleName: latest.cycle.name, itemCount: drafted.count)
    }

    /// The catalogue as it applies to one framework version: targets set against other versions
    /// of the same framework count for this one (`[Offering].applying`).
    func offerings(applyingTo version: UUID, framework: FrameworkContent) async throws -> [Offering] {
        var frameworks = known?.frameworks ?? []
        var offerings = known?.offerings ?? []
        if known == nil {
            frameworks = try await FrameworkRepository(database: database).summaries()
            offerings = try await CatalogueRepository(database: database).offerings()
        }
        let lineage = frameworks.first { $0.id == version }?.lineageID
        return offerings.applying(
            to: version, versions: Set(frameworks.filter { $0.lineageID == lineage }.map(\.id)).union([version]),
            competencies: Set(framework.competencies.map(\.code)))
    }

    /// The person's results in the latest released cycle that assessed them: the one that
    /// closes last (then opened last), whatever order the cycles were created in.
    static func latestResults(personID: UUID, database: any Database) async throws -> ReportsController.LoadedReport? {
        guard let (cycle, subject) = try await releasedAssessments(personID: personID, database: database).first
        else { return nil }
        return try await ReportsController.load(cycle: cycle, subject: subject, database: database)
    }

    /// The released cycles that assessed the person, latest first (the one that closes last,
    /// then opened last), each with the person as that cycle assessed them.
    static func releasedAssessments(personID: UUID, database: any Database) async throws -> [(
        AssessmentCycle, CycleSubject
    )] {
        let cycles = CycleRepository(database: database)
        let released = try await cycles.cycles().filter { $0.status == .released }.sorted {
            ($0.settings.closesOn, $0.settings.opensOn) > ($1.settings.closesOn, $1.settings.opensOn)
        }
        var assessed: [(AssessmentCycle, CycleSubject)] = []
        for cycle in released {
            if let subject = try await cycles.subject(cycleID: cycle.id, personID: personID) {
                assessed.append((cycle, subject))
            }
        }
        return assessed
    }

    /// Drafts a roadmap for every active account manager who has none yet, as `byUserID`; returns how many.
    func draftMissing(byUserID: UUID) async throws -> Int {
        let viewer = Viewer(userID: byUserID, email: "", role: .administrator, personID: nil)
        let people = try await PeopleRepository(database: database).people(visibleTo: viewer)
            .filter {
                $0.organisationKind == .vendor && $0.status == .active && AccountManagerTitle.matches($0.jobTitle)
            }
        let roadmaps = RoadmapRepository(database: database)
        var drafting = self
        drafting.known = (
            try await CatalogueRepository(database: database).offerings(),
            try await FrameworkRepository(database: database).summaries()
        )
        var count = 0
        for person in people where try await roadmaps.roadmap(personID: person.id, includingHistory: false) == nil {
            if try await drafting.draft(person: person, byUserID: byUserID) != nil { count += 1 }
        }
        return count
    }
}
