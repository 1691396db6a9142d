import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Roadmaps' rows: the roadmap, its items in order and its changes.
public struct RoadmapRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    // Rows name their columns (rather than converting snake case at every row, which cost more
    // than the values on a person's dashboard).
    private struct RoadmapRow: Decodable {
        var frameworkId: UUID
        var cycleName: String
        var approvedOn: String?
        var priorities: String

        enum CodingKeys: String, CodingKey {
            case priorities
            case frameworkId = "framework_id"
            case cycleName = "cycle_name"
            case approvedOn = "approved_on"
        }
    }

    private struct FollowUpRow: Decodable {
        var id: UUID
        var itemId: UUID
        var title: String
        var kind: String
        var number: Int
        var competencyCode: String
        var due: String
        var doneOn: String?

        enum CodingKeys: String, CodingKey {
            case id, title, kind, number, due
            case itemId = "item_id"
            case competencyCode = "competency_code"
            case doneOn = "done_on"
        }
    }

    private struct ItemRow: Decodable {
        var id: UUID
        var offeringId: UUID
        var code: String
        var title: String
        var reasonKind: String
        var reasonCode: String
        var reasonCurrent: Double
        var reasonTarget: Int
        var alsoDevelops: String
        var passedOver: String
        var due: String?
        var status: String
        var note: String

        enum CodingKeys: String, CodingKey {
            case id, code, title, due, status, note
            case offeringId = "offering_id"
            case reasonKind = "reason_kind"
            case reasonCode = "reason_code"
            case reasonCurrent = "reason_current"
            case reasonTarget = "reason_target"
            case alsoDevelops = "also_develops"
            case passedOver = "passed_over"
        }
    }

    private struct ChangeRow: Decodable {
        var kind: String
        var email: String
        var at: String
        var detail: String
    }

    /// Follow-ups of one kind not done and due by `day`, for several people at once (a
    /// supervisor's home page), by person, soonest first.
    public func followUpsDue(personIDs: [UUID], kind: FollowUp.Kind, by day: CalendarDate) async throws
        -> [(personID: UUID, followUp: FollowUp)]
    {
        guard !personIDs.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT f.person_id, f.id, f.item_id, o.title, f.kind, f.number, f.competency_code, f.due, f.done_on
            FROM roadmap_follow_ups f JOIN roadmap_items i ON i.id = f.item_id JOIN offerings o ON o.id = i.offering_id
            WHERE f.person_id IN (\(binds: personIDs)) AND f.kind = \(bind: kind.rawValue) AND f.done_on IS NULL
            AND f.due <= \(bind: day.description) ORDER BY f.due
            """
        ).all().compactMap { row in
            guard let due = CalendarDate(try row.decode(column: "due", as: String.self)) else { return nil }
            return (
                try row.decode(column: "person_id", as: UUID.self),
                FollowUp(
                    id: try row.decode(column: "id", as: UUID.self),
                    itemID: try row.decode(column: "item_id", as: UUID.self),
                    offeringTitle: try row.decode(column: "title", as: String.self), kind: kind,
                    number: try row.decode(column: "number", as: Int.self),
                    competencyCode: try row.decode(column: "competency_code", as: String.self), due: due)
            )
        }
    }

    /// - Parameter includingHistory: false for readers that need what is on it and due, not who
    ///   changed what (the history grows with every change).
    public func roadmap(personID: UUID, includingHistory: Bool = true) async throws -> Roadmap? {
        guard
            let row = try await sql.raw(
                """
                SELECT framework_id, cycle_name, approved_on, priorities FROM roadmaps
                WHERE person_id = \(bind: personID)
                """
            ).first(decoding: RoadmapRow.self)
        else { return nil }
        let items = try await sql.raw(
            """
            \(Self.itemSelection) WHERE i.person_id = \(bind: personID) ORDER BY i.position
            """
        ).all(decoding: ItemRow.self)
        let changes =
            includingHistory
            ? try await sql.raw(
                """
                SELECT c.kind, COALESCE(u.email, c.source) AS email, c.at, c.detail
                FROM roadmap_changes c LEFT JOIN users u ON u.id = c.user_id
                WHERE c.person_id = \(bind: personID) ORDER BY c.at DESC
                """
            ).all(decoding: ChangeRow.self) : []
        let followUps = try await sql.raw(
            """
            SELECT f.id, f.item_id, o.title, f.kind, f.number, f.competency_code, f.due, f.done_on
            FROM roadmap_follow_ups f JOIN roadmap_items i ON i.id = f.item_id JOIN offerings o ON o.id = i.offering_id
            WHERE f.person_id = \(bind: personID) ORDER BY f.due, f.kind, f.number
            """
        ).all(decoding: FollowUpRow.self)
        return Roadmap(
            personID: personID, frameworkID: row.frameworkId, cycleName: row.cycleName,
            approvedOn: row.approvedOn.flatMap(CalendarDate.init),
            priorities: row.priorities.split(separator: ",").map(String.init),
            items: items.map(Self.item),
            followUps: followUps.compactMap { row in
                guard let kind = FollowUp.Kind(rawValue: row.kind), let due = CalendarDate(row.due) else { return nil }
                return FollowUp(
                    id: row.id, itemID: row.itemId, offeringTitle: row.title, kind: kind, number: row.number,
                    competencyCode: row.competencyCode, due: due, doneOn: row.doneOn.flatMap(CalendarDate.init))
            },
            history: changes.compactMap { change in
                Roadmap.Change.Kind(rawValue: change.kind).map {
                    Roadmap.Change(
                        kind: $0, madeBy: change.email,
                        at: (try? Date(change.at, strategy: .iso8601)) ?? .distantPast, detail: change.detail)
                }
            })
    }

    /// The columns of `ItemRow`, for a WHERE clause to follow.
    private static let itemSelection: SQLQueryString = """
        SELECT i.id, i.offering_id, o.code, o.title, i.reason_kind, i.reason_code, i.reason_current, i.reason_target,
            i.also_develops, i.passed_over, i.due, i.status, i.note
        FROM roadmap_items i JOIN offerings o ON o.id = i.offering_id
        """

    private static func item(_ row: ItemRow) -> RoadmapItem {
        let reason: RoadmapReason =
            switch row.reasonKind {
            case "prerequisite": .prerequisite(ofCode: row.reasonCode)
            case "supervisor": .addedBySupervisor
            case "group": .groupSession(competencyCode: row.reasonCode)
            default: .closesGap(competencyCode: row.reasonCode, current: row.reasonCurrent, target: row.reasonTarget)
            }
        return RoadmapItem(
            id: row.id, offeringID: row.offeringId, offeringCode: row.code, offeringTitle: row.title, reason: reason,
            alsoDevelops: row.alsoDevelops.split(separator: ",").map(String.init),
            passedOver: row.passedOver.split(separator: ";").compactMap { entry in
                let parts = entry.split(separator: "|", maxSplits: 1)
                guard parts.count == 2, let why = PassedOver.Why(rawValue: String(parts[1])) else { return nil }
                return PassedOver(offeringCode: String(parts[0]), why: why)
            },
            due: row.due.flatMap(CalendarDate.init), status: RoadmapItemStatus(rawValue: row.status) ?? .planned,
            note: row.note)
    }

    /// Replaces the roadmap's open drafted items with a new draft, keeping what is completed,
    /// waived or under way and what the supervisor added; the draft is no longer approved.
    public func saveDraft(
        personID: UUID, frameworkID: UUID, cycleName: String, items: [RoadmapItem], byUserID: UUID, at: Date
    ) async throws {
        try await database.writeTransaction { database in
            let sql = database.sql
            try await sql.raw(
                """
                INSERT INTO roadmaps (person_id, framework_id, cycle_name, approved_on)
                VALUES (\(bind: personID), \(bind: frameworkID), \(bind: cycleName), NULL)
                ON CONFLICT (person_id) DO UPDATE SET framework_id = excluded.framework_id,
                    cycle_name = excluded.cycle_name, approved_on = NULL
                """
            ).run()
            try await sql.raw(
                """
                DELETE FROM roadmap_items WHERE person_id = \(bind: personID)
                AND status IN ('planned', 'enrolled') AND reason_kind NOT IN ('supervisor', 'group')
                """
            ).run()
            let kept = try await RoadmapRepository.lastPosition(personID: personID, on: sql)
            for (offset, item) in items.enumerated() {
                try await Self.insert(item, personID: personID, position: kept + 1 + offset, on: sql)
            }
            try await Self.record(
                .drafted, personID: personID, byUserID: byUserID, at: at, detail: "\(items.count)", on: sql)
        }
    }

    static func insert(_ item: RoadmapItem, personID: UUID, position: Int, on sql: any SQLDatabase)
        async throws
    {
        let (kind, code, current, target): (String, String, Double, Int) =
            switch item.reason {
            case .closesGap(let code, let current, let target): ("gap", code, current, target)
            case .prerequisite(let code): ("prerequisite", code, 0, 0)
            case .addedBySupervisor: ("supervisor", "", 0, 0)
            case .groupSession(let code): ("group", code, 0, 0)
            }
        try await sql.raw(
            """
            INSERT INTO roadmap_items (id, person_id, position, offering_id, reason_kind, reason_code,
                reason_current, reason_target, also_develops, passed_over, due, status, note)
            VALUES (\(bind: item.id), \(bind: personID), \(bind: position), \(bind: item.offeringID), \(bind: kind),
                \(bind: code), \(bind: current), \(bind: target), \(bind: item.alsoDevelops.joined(separator: ",")),
                \(bind: item.passedOver.map { "\($0.offeringCode)|\($0.why.rawValue)" }.joined(separator: ";")),
                \(bind: item.due?.description), \(bind: item.status.rawValue), \(bind: item.note))
            """
        ).run()
    }

    /// The position of the person's last item, -1 when there is none: new items go after it.
    static func lastPosition(personID: UUID, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(
            "SELECT COALESCE(MAX(position), -1) AS top FROM roadmap_items WHERE person_id = \(bind: personID)"
        ).first()?.decode(column: "top", as: Int.self) ?? -1
    }

    /// Records a change made by a user, or (with no user) by the system named `source`.
    static func record(
        _ kind: Roadmap.Change.Kind, personID: UUID, byUserID: UUID?, source: String = "", at: Date, detail: String,
        on sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO roadmap_changes (id, person_id, kind, user_id, source, at, detail)
            VALUES (\(bind: UUID()), \(bind: personID), \(bind: kind.rawValue), \(bind: byUserID), \(bind: source),
                \(bind: at.formatted(.iso8601)), \(bind: detail))
            """
        ).run()
    }

    public func approve(personID: UUID, byUserID: UUID, on day: CalendarDate, at: Date) async throws {
        try await database.writeTransaction { database in
            guard try await RoadmapRepository(database: database).roadmap(personID: personID) != nil else {
                throw StoreError.notFound("That roadmap")
            }
            try await database.sql.raw(
                "UPDATE roadmaps SET approved_on = \(bind: day.description) WHERE person_id = \(bind: personID)"
            ).run()
            try await Self.record(
                .approved, personID: personID, byUserID: byUserID, at: at, detail: "", on: database.sql)
        }
    }

    /// Sets an item's status (a waived item keeps its reason as the note). Completing an item
    /// schedules its refreshers and re-observation (`Reinforcement`) once; taking the completion
    /// back removes those not done yet.
    public func setStatus(
        _ status: RoadmapItemStatus, itemID: UUID, personID: UUID, note: String, byUserID: UUID, on day: CalendarDate,
        at: Date
    ) async throws {
        try await database.writeTransaction { database in
            try await Self.setStatus(
                status, itemID: itemID, personID: personID, note: note, byUserID: byUserID, on: day, at: at,
                sql: database.sql)
        }
    }

    static func setStatus(
        _ status: RoadmapItemStatus, itemID: UUID, personID: UUID, note: String, byUserID: UUID?, source: String = "",
        on day: CalendarDate, at: Date, sql: any SQLDatabase
    ) async throws {
        let item = try await Self.item(itemID, personID: personID, on: sql)
        try await sql.raw(
            """
            UPDATE roadmap_items SET status = \(bind: status.rawValue), note = \(bind: note)
            WHERE id = \(bind: itemID)
            """
        ).run()
        if status == .completed && item.status != .completed {
            let scheduled =
                try await sql.raw(
                    "SELECT COUNT(*) AS n FROM roadmap_follow_ups WHERE item_id = \(bind: itemID)"
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            if scheduled == 0 {
                for followUp in Reinforcement.followUps(afterCompleting: item, on: day) {
                    try await sql.raw(
                        """
                        INSERT INTO roadmap_follow_ups (id, person_id, item_id, kind, number, competency_code, due, done_on)
                        VALUES (\(bind: followUp.id), \(bind: personID), \(bind: itemID), \(bind: followUp.kind.rawValue),
                            \(bind: followUp.number), \(bind: followUp.competencyCode), \(bind: followUp.due.description), NULL)
                        """
                    ).run()
                }
            }
            try await XAPIOutboxRepository.enqueue(.completed, personID: personID, referenceID: itemID, at: at, on: sql)
            // On the learning record too, so that the programme's uptake counts it; a source
            // system's report is kept there before its items are completed.
            _ = try await CompletionRepository.keep(
                .init(personID: personID, offeringID: item.offeringID, completedOn: day),
                source: source.isEmpty ? CompletionRepository.roadmapSource : source, at: at, sql: sql)
        } else if status != .completed && item.status == .completed {
            try await sql.raw(
                "DELETE FROM roadmap_follow_ups WHERE item_id = \(bind: itemID) AND done_on IS NULL"
            ).run()
            // Taken back: what was marked by hand goes with it; what a source system reported stays.
            try await sql.raw(
                """
                DELETE FROM learning_completions WHERE person_id = \(bind: personID)
                AND offering_id = \(bind: item.offeringID) AND source = \(bind: CompletionRepository.roadmapSource)
                """
            ).run()
        }
        try await Self.record(
            .statusChanged, personID: personID, byUserID: byUserID, source: source, at: at,
            detail: "\(item.offeringCode) \(status.rawValue)", on: sql)
    }

    /// One item of the person's roadmap, or not found.
    static func item(_ itemID: UUID, personID: UUID, on sql: any SQLDatabase) async throws -> RoadmapItem {
        guard
            let row = try await sql.raw(
                """
                \(Self.itemSelection) WHERE i.id = \(bind: itemID) AND i.person_id = \(bind: personID)
                """
            ).first(decoding: ItemRow.self)
        else { throw StoreError.notFound("That roadmap item") }
        return Self.item(row)
    }

    /// Marks a follow-up done (once; doing it again changes nothing).
    public func completeFollowUp(id: UUID, personID: UUID, byUserID: UUID, on day: CalendarDate, at: Date)
        async throws
    {
        try await database.writeTransaction { database in
            let sql = database.sql
            guard
                let row = try await sql.raw(
                    """
                    SELECT kind, number, competency_code, done_on FROM roadmap_follow_ups
                    WHERE id = \(bind: id) AND person_id = \(bind: personID)
                    """
                ).first()
            else { throw StoreError.notFound("That follow-up") }
            guard try row.decode(column: "done_on", as: String?.self) == nil else { return }
            try await sql.raw(
                "UPDATE roadmap_follow_ups SET done_on = \(bind: day.description) WHERE id = \(bind: id)"
            ).run()
            let kind = try row.decode(column: "kind", as: String.self)
            let code = try row.decode(column: "competency_code", as: String.self)
            try await Self.record(
                .followUpDone, personID: personID, byUserID: byUserID, at: at, detail: "\(kind) \(code)", on: sql)
        }
    }

    /// The competencies the supervisor puts first, in order (codes of the roadmap's framework).
    public func setPriorities(_ codes: [String], personID: UUID, byUserID: UUID, at: Date) async throws {
        try await database.writeTransaction { database in
            try await Self.requireRoadmap(personID: personID, on: database.sql)
            try await database.sql.raw(
                """
                UPDATE roadmaps SET priorities = \(bind: codes.joined(separator: ",")), approved_on = NULL
                WHERE person_id = \(bind: personID)
                """
            ).run()
            try await Self.record(
                .prioritiesSet, personID: personID, byUserID: byUserID, at: at,
                detail: codes.joined(separator: ", "), on: database.sql)
        }
    }

    /// Moves an item one place earlier (`by: -1`) or later (`by: 1`); at either end nothing moves.
    public func move(itemID: UUID, personID: UUID, by step: Int, byUserID: UUID, at: Date) async throws {
        try await database.writeTransaction { database in
            let sql = database.sql
            let order = try await sql.raw(
                "SELECT id, position FROM roadmap_items WHERE person_id = \(bind: personID) ORDER BY position"
            ).all().map {
                (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "position", as: Int.self))
            }
            guard let index = order.firstIndex(where: { $0.0 == itemID }) else {
                throw StoreError.notFound("That roadmap item")
            }
            let other = index + (step < 0 ? -1 : 1)
            guard order.indices.contains(other) else { return }
            for (id, position) in [(order[index].0, order[other].1), (order[other].0, order[index].1)] {
                try await sql.raw("UPDATE roadmap_items SET position = \(bind: position) WHERE id = \(bind: id)").run()
            }
            let item = try await Self.item(itemID, personID: personID, on: sql)
            try await Self.record(
                .moved, personID: personID, byUserID: byUserID, at: at,
                detail: "\(item.offeringCode) \(step < 0 ? "up" : "down")", on: sql)
            try await Self.unapprove(personID: personID, on: sql)
        }
    }

    /// Adds an offering the supervisor chose, at the end. An offering already open on the
    /// roadmap is refused: the person would do it twice.
    public func add(_ item: RoadmapItem, personID: UUID, byUserID: UUID, at: Date) async throws {
        try await database.writeTransaction { database in
            let sql = database.sql
            try await Self.requireRoadmap(personID: personID, on: sql)
            let open =
                try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM roadmap_items WHERE person_id = \(bind: personID)
                    AND offering_id = \(bind: item.offeringID) AND status NOT IN ('completed', 'waived')
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            guard open == 0 else { throw StoreError.conflict("That offering is already on the roadmap.") }
            let top = try await RoadmapRepository.lastPosition(personID: personID, on: sql)
            try await Self.insert(item, personID: personID, position: top + 1, on: sql)
            try await Self.record(
                .added, personID: personID, byUserID: byUserID, at: at, detail: item.offeringCode, on: sql)
            try await Self.unapprove(personID: personID, on: sql)
        }
    }

    /// Takes an item off the roadmap. A completed item stays: it is the person's record.
    public func remove(itemID: UUID, personID: UUID, byUserID: UUID, at: Date) async throws {
        try await database.writeTransaction { database in
            let sql = database.sql
            let item = try await Self.item(itemID, personID: personID, on: sql)
            guard item.status != .completed else {
                throw StoreError.conflict("A completed item stays on the roadmap as a record of what was done.")
            }
            try await sql.raw("DELETE FROM roadmap_items WHERE id = \(bind: itemID)").run()
            try await Self.record(
                .removed, personID: personID, byUserID: byUserID, at: at, detail: item.offeringCode, on: sql)
            try await Self.unapprove(personID: personID, on: sql)
        }
    }

    /// Sets or clears an item's due date.
    public func setDue(_ due: CalendarDate?, itemID: UUID, personID: UUID, byUserID: UUID, at: Date) async throws {
        try await database.writeTransaction { database in
            let sql = database.sql
            let item = try await Self.item(itemID, personID: personID, on: sql)
            try await sql.raw(
                "UPDATE roadmap_items SET due = \(bind: due?.description) WHERE id = \(bind: itemID)"
            ).run()
            try await Self.record(
                .dueSet, personID: personID, byUserID: byUserID, at: at,
                detail: "\(item.offeringCode) \(due?.description ?? "–")", on: sql)
        }
    }

    private static func requireRoadmap(personID: UUID, on sql: any SQLDatabase) async throws {
        guard
            try await sql.raw("SELECT person_id FROM roadmaps WHERE person_id = \(bind: personID)").first() != nil
        else { throw StoreError.notFound("That roadmap") }
    }

    /// A changed plan needs the supervisor's approval again.
    private static func unapprove(personID: UUID, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE roadmaps SET approved_on = NULL WHERE person_id = \(bind: personID)").run()
    }
}
