import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// A settled cycle's results as the dashboards read them, kept once rather than aggregated from
/// millions of ratings at every request: each assessed person's level and target per
/// competency with the groups they belonged to (`AssessedMember`), their customers' tallies
/// where their report shows customers, the customers' answers counted by answer (what the
/// programme's service rating counts), and the heatmap of everyone, every cell decided and counted.
///
/// Keeping is idempotent: rows already kept are left as they are, so two processes keeping the
/// same cycle at once (they compute the same rows) end with one copy.
public struct SettledResultsRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// What is kept of one cycle.
    public struct Kept: Sendable {
        public var members: [AssessedMember]
        /// Only for people whose report shows their customers on every question.
        public var customerTallies: [UUID: VendorScore.Tally]
        /// The heatmap of all `members`.
        public var heatmap: CompetencyHeatmap

        public init(members: [AssessedMember], customerTallies: [UUID: VendorScore.Tally], heatmap: CompetencyHeatmap) {
            self.members = members
            self.customerTallies = customerTallies
            self.heatmap = heatmap
        }
    }

    public func isKept(cycleID: UUID) async throws -> Bool {
        try await database.sql.select().column("cycle_id").from("settled_cycles").where("cycle_id", .equal, cycleID)
            .first() != nil
    }

    /// Writes what is kept of a cycle in one transaction, the marker last, so that a reader
    /// who finds the marker finds everything.
    public func keep(cycleID: UUID, _ kept: Kept, on day: CalendarDate) async throws {
        try await database.writeTransaction { database in
            let sql = database.sql
            try await sql.insertRows(
                into: "settled_standings", columns: ["cycle_id", "subject_id", "competency_code", "level", "target"],
                rows: kept.members.flatMap { member in
                    Set(member.levels.keys).union(member.targets.keys).sorted().map { code in
                        [
                            SQLBind(cycleID), SQLBind(member.personID), SQLBind(code), SQLBind(member.levels[code]),
                            SQLBind(member.targets[code]),
                        ]
                    }
                }, ignoringConflicts: true)
            try await sql.insertRows(
                into: "settled_memberships", columns: ["cycle_id", "subject_id", "dimension", "group_name"],
                rows: kept.members.flatMap { member in
                    member.groups.flatMap { dimension, groups in
                        Set(groups).map {
                            [SQLBind(cycleID), SQLBind(member.personID), SQLBind(dimension.rawValue), SQLBind($0)]
                        }
                    }
                }, ignoringConflicts: true)
            try await sql.insertRows(
                into: "settled_customer_tallies", columns: ["cycle_id", "subject_id", "favourable", "scored"],
                rows: kept.customerTallies.map { subject, tally in
                    [SQLBind(cycleID), SQLBind(subject), SQLBind(tally.favourable), SQLBind(tally.scored)]
                }, ignoringConflicts: true)
            try await sql.insertRows(
                into: "settled_heatmap_cells",
                columns: [
                    "cycle_id", "competency_code", "dimension", "group_name", "n", "share_on_target", "mean_gap",
                ],
                rows: kept.heatmap.cells.map { cell in
                    [
                        SQLBind(cycleID), SQLBind(cell.competencyCode), SQLBind(cell.dimension?.rawValue ?? ""),
                        SQLBind(cell.group), SQLBind(cell.count), SQLBind(cell.shareOnTarget), SQLBind(cell.meanGap),
                    ]
                }, ignoringConflicts: true)
            try await sql.insertRows(
                into: "settled_level_counts", columns: ["cycle_id", "competency_code", "level", "n"],
                rows: kept.heatmap.levelCounts.flatMap { code, counts in
                    counts.map { [SQLBind(cycleID), SQLBind(code), SQLBind($0.key), SQLBind($0.value)] }
                }, ignoringConflicts: true)
            // Counted by the database: millions of answers at the largest sizes.
            try await sql.raw(
                """
                INSERT INTO settled_answer_counts (cycle_id, answer, n)
                SELECT r.cycle_id, a.answer, COUNT(*) FROM response_answers a JOIN responses r ON r.id = a.response_id
                WHERE r.cycle_id = \(bind: cycleID) AND r.source = \(bind: RaterSource.customer.rawValue)
                    AND r.status = \(bind: ResponseStatus.submitted.rawValue)
                GROUP BY r.cycle_id, a.answer
                ON CONFLICT DO NOTHING
                """
            ).run()
            try await sql.insertRows(
                into: "settled_cycles", columns: ["cycle_id", "kept_on"],
                rows: [[SQLBind(cycleID), SQLBind(day.description)]], ignoringConflicts: true)
        }
    }

    /// The kept members of a cycle: everyone, or only those among `subjects`.
    public func members(cycleID: UUID, among subjects: Set<UUID>? = nil) async throws -> [AssessedMember] {
        let chunks: [[UUID]?] = subjects.map { Array($0).chunked(into: 500).map(Array.init) } ?? [nil]
        var members: [UUID: AssessedMember] = [:]
        for chunk in chunks {
            // Each row changes its member in place: copying a member out and back would copy its
            // dictionaries at every one of hundreds of thousands of rows.
            members = try await standings(cycleID: cycleID, subjects: chunk).fold(into: members) { members, row in
                let subject = try row.decode(column: "subject_id", as: UUID.self)
                let code = try row.decode(column: "competency_code", as: String.self)
                let level = try row.decode(column: "level", as: Double?.self)
                let target = try row.decode(column: "target", as: Int?.self)
                members[subject, default: Self.newMember(subject)].levels[code] = level
                members[subject, default: Self.newMember(subject)].targets[code] = target
            }
            members = try await memberships(cycleID: cycleID, subjects: chunk).fold(into: members) { members, row in
                let subject = try row.decode(column: "subject_id", as: UUID.self)
                guard let dimension = GroupDimension(rawValue: try row.decode(column: "dimension", as: String.self))
                else { return }
                members[subject, default: Self.newMember(subject)].groups[dimension, default: []].append(
                    try row.decode(column: "group_name", as: String.self))
            }
        }
        return members.values.sorted { $0.personID.uuidString < $1.personID.uuidString }
    }

    private static func newMember(_ id: UUID) -> AssessedMember {
        AssessedMember(personID: id, groups: [:], levels: [:], targets: [:])
    }

    private func standings(cycleID: UUID, subjects: [UUID]?) -> any SQLQueryFetcher {
        let select = database.sql.select().columns("subject_id", "competency_code", "level", "target")
            .from("settled_standings").where("cycle_id", .equal, cycleID)
        if let subjects { select.where("subject_id", .in, subjects) }
        return select
    }

    private func memberships(cycleID: UUID, subjects: [UUID]?) -> any SQLQueryFetcher {
        let select = database.sql.select().columns("subject_id", "dimension", "group_name")
            .from("settled_memberships").where("cycle_id", .equal, cycleID)
        if let subjects { select.where("subject_id", .in, subjects) }
        return select
    }

    /// How levels changed between two kept cycles, paired by the database (the levels of two
    /// 20,000-person cycles are more than half a million rows).
    public struct LevelChanges: Sendable {
        /// Everyone others rated in both cycles, with their mean change over the competencies
        /// rated in both (nil when none was).
        public var people: [(personID: UUID, change: Double?)]
        public var competencies: [ProgrammeImpact.CompetencyChange]
    }

    public func levelChanges(from earlier: UUID, to later: UUID) async throws -> LevelChanges {
        let people = try await database.sql.raw(
            """
            SELECT l.subject_id, AVG(l.level - e.level) AS change
            FROM settled_standings l
            LEFT JOIN settled_standings e ON e.cycle_id = \(bind: earlier) AND e.subject_id = l.subject_id
                AND e.competency_code = l.competency_code AND e.level IS NOT NULL
            WHERE l.cycle_id = \(bind: later) AND l.level IS NOT NULL AND l.subject_id IN (
                SELECT subject_id FROM settled_standings WHERE cycle_id = \(bind: earlier) AND level IS NOT NULL)
            GROUP BY l.subject_id
            """
        ).all().map { row in
            (try row.decode(column: "subject_id", as: UUID.self), try row.decode(column: "change", as: Double?.self))
        }
        let competencies = try await database.sql.raw(
            """
            SELECT l.competency_code, COUNT(*) AS people, AVG(e.level) AS earlier_mean, AVG(l.level) AS later_mean
            FROM settled_standings l
            JOIN settled_standings e ON e.cycle_id = \(bind: earlier) AND e.subject_id = l.subject_id
                AND e.competency_code = l.competency_code
            WHERE l.cycle_id = \(bind: later) AND l.level IS NOT NULL AND e.level IS NOT NULL
            GROUP BY l.competency_code
            """
        ).all().map { row in
            ProgrammeImpact.CompetencyChange(
                competencyCode: try row.decode(column: "competency_code", as: String.self),
                people: try row.decode(column: "people", as: Int.self),
                earlierMean: try row.decode(column: "earlier_mean", as: Double.self),
                laterMean: try row.decode(column: "later_mean", as: Double.self))
        }
        return LevelChanges(people: people, competencies: competencies)
    }

    public func customerTallies(cycleID: UUID) async throws -> [UUID: VendorScore.Tally] {
        try await database.sql.select().columns("subject_id", "favourable", "scored").from("settled_customer_tallies")
            .where("cycle_id", .equal, cycleID)
            .fold(into: [UUID: VendorScore.Tally]()) { tallies, row in
                tallies[try row.decode(column: "subject_id", as: UUID.self)] = VendorScore.Tally(
                    favourable: try row.decode(column: "favourable", as: Int.self),
                    scored: try row.decode(column: "scored", as: Int.self))
            }
    }

    /// The heatmap of everyone as kept, with the groups of one dimension (a page or an answer
    /// shows one grouping at a time; all five at once are tens of thousands of cells at the
    /// largest sizes); `competencyCodes` gives its order and `minimum` the smallest group it shows.
    public func heatmap(cycleID: UUID, groupedBy dimension: GroupDimension, competencyCodes: [String], minimum: Int)
        async throws -> CompetencyHeatmap
    {
        let cells = try await database.sql.select()
            .columns("competency_code", "dimension", "group_name", "n", "share_on_target", "mean_gap")
            .from("settled_heatmap_cells").where("cycle_id", .equal, cycleID)
            .where("dimension", .in, ["", dimension.rawValue])
            .fold(into: [CompetencyHeatmap.Cell]()) { cells, row in
                let name = try row.decode(column: "dimension", as: String.self)
                let dimension = GroupDimension(rawValue: name)
                guard name.isEmpty || dimension != nil else { return }
                cells.append(
                    CompetencyHeatmap.Cell(
                        dimension: dimension,
                        group: try row.decode(column: "group_name", as: String.self),
                        competencyCode: try row.decode(column: "competency_code", as: String.self),
                        count: try row.decode(column: "n", as: Int.self),
                        shareOnTarget: try row.decode(column: "share_on_target", as: Double?.self),
                        meanGap: try row.decode(column: "mean_gap", as: Double?.self)))
            }
        let levelCounts = try await database.sql.select().columns("competency_code", "level", "n")
            .from("settled_level_counts").where("cycle_id", .equal, cycleID)
            .fold(into: [String: [Int: Int]]()) { counts, row in
                counts[try row.decode(column: "competency_code", as: String.self), default: [:]][
                    try row.decode(column: "level", as: Int.self)] = try row.decode(column: "n", as: Int.self)
            }
        return CompetencyHeatmap(
            competencyCodes: competencyCodes, minimum: minimum,
            cells: cells, levelCounts: levelCounts)
    }

    /// The people counted in one cell (`dimension` nil is everyone): those of the group with a
    /// level and a target for the competency, only among `subjects` when given.
    public func cellMembers(
        cycleID: UUID, dimension: GroupDimension?, group: String, competencyCode: String, among subjects: Set<UUID>?
    ) async throws -> [UUID] {
        let membership: SQLQueryString =
            dimension.map {
                """
                JOIN settled_memberships m ON m.cycle_id = s.cycle_id AND m.subject_id = s.subject_id
                    AND m.dimension = \(bind: $0.rawValue) AND m.group_name = \(bind: group)
                """
            } ?? ""
        let select = database.sql.raw(
            """
            SELECT s.subject_id FROM settled_standings s \(membership)
            WHERE s.cycle_id = \(bind: cycleID) AND s.competency_code = \(bind: competencyCode)
                AND s.level IS NOT NULL AND s.target IS NOT NULL
            """)
        let members = try await select.all().map { try $0.decode(column: "subject_id", as: UUID.self) }
        return subjects.map { among in members.filter(among.contains) } ?? members
    }
}
