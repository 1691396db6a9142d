import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// A settled cycle's results as the dashboards read them, kept once rather than aggregated from
/// millions of ratings at every request: each assessed person's level and target per
/// competency with the groups they belonged to (`AssessedMember`), their customers' tallies
/// where their report shows customers, the customers' answers counted by answer (what the
/// programme's service rating counts), and the heatmap catalogue's decisions over everyone.
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
        /// The heatmap catalogue's decisions over all `members` (`CompetencyHeatmap.permittedSlices`).
        public var shownSlices: [String: Set<Slice>]

        public init(
            members: [AssessedMember], customerTallies: [UUID: VendorScore.Tally], shownSlices: [String: Set<Slice>]
        ) {
            self.members = members
            self.customerTallies = customerTallies
            self.shownSlices = shownSlices
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
                into: "settled_shown_groups", columns: ["cycle_id", "competency_code", "dimension", "group_name"],
                rows: kept.shownSlices.flatMap { code, slices in
                    slices.map { slice in
                        let (dimension, group) = Self.columns(of: slice)
                        return [SQLBind(cycleID), SQLBind(code), SQLBind(dimension), SQLBind(group)]
                    }
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

    /// Each person's level per competency, where others rated it.
    public func levels(cycleID: UUID) async throws -> [UUID: [String: Double]] {
        try await database.sql.select().columns("subject_id", "competency_code", "level").from("settled_standings")
            .where("cycle_id", .equal, cycleID).where("level", .isNot, SQLLiteral.null)
            .fold(into: [UUID: [String: Double]]()) { levels, row in
                levels[try row.decode(column: "subject_id", as: UUID.self), default: [:]][
                    try row.decode(column: "competency_code", as: String.self)] =
                    try row.decode(column: "level", as: Double.self)
            }
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

    public func shownSlices(cycleID: UUID) async throws -> [String: Set<Slice>] {
        try await database.sql.select().columns("competency_code", "dimension", "group_name")
            .from("settled_shown_groups").where("cycle_id", .equal, cycleID)
            .fold(into: [String: Set<Slice>]()) { shown, row in
                let dimension = try row.decode(column: "dimension", as: String.self)
                let group = try row.decode(column: "group_name", as: String.self)
                shown[try row.decode(column: "competency_code", as: String.self), default: []].insert(
                    dimension.isEmpty ? .everyone : Slice([dimension: group]))
            }
    }

    /// A heatmap slice as kept: everyone as two empty strings, a group as its dimension and name.
    private static func columns(of slice: Slice) -> (dimension: String, group: String) {
        slice.filters.first.map { ($0.key, $0.value) } ?? ("", "")
    }
}
