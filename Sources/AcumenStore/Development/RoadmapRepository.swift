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

    private struct RoadmapRow: Decodable {
        var frameworkId: UUID
        var cycleName: String
        var approvedOn: String?
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
    }

    private struct ChangeRow: Decodable {
        var kind: String
        var email: String
        var at: String
        var detail: String
    }

    public func roadmap(personID: UUID) async throws -> Roadmap? {
        guard
            let row = try await sql.raw(
                "SELECT framework_id, cycle_name, approved_on FROM roadmaps WHERE person_id = \(bind: personID)"
            ).first(decoding: RoadmapRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return nil }
        let items = try await sql.raw(
            """
            SELECT i.id, i.offering_id, o.code, o.title, i.reason_kind, i.reason_code, i.reason_current,
                i.reason_target, i.also_develops, i.passed_over, i.due, i.status, i.note
            FROM roadmap_items i JOIN offerings o ON o.id = i.offering_id
            WHERE i.person_id = \(bind: personID) ORDER BY i.position
            """
        ).all(decoding: ItemRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let changes = try await sql.raw(
            """
            SELECT c.kind, u.email, c.at, c.detail FROM roadmap_changes c JOIN users u ON u.id = c.user_id
            WHERE c.person_id = \(bind: personID) ORDER BY c.at DESC
            """
        ).all(decoding: ChangeRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Roadmap(
            personID: personID, frameworkID: row.frameworkId, cycleName: row.cycleName,
            approvedOn: row.approvedOn.flatMap(CalendarDate.init),
            items: items.map(Self.item),
            history: changes.compactMap { change in
                Roadmap.Change.Kind(rawValue: change.kind).map {
                    Roadmap.Change(
                        kind: $0, byEmail: change.email,
                        at: (try? Date(change.at, strategy: .iso8601)) ?? .distantPast, detail: change.detail)
                }
            })
    }

    private static func item(_ row: ItemRow) -> RoadmapItem {
        let reason: RoadmapReason =
            row.reasonKind == "prerequisite"
            ? .prerequisite(ofCode: row.reasonCode)
            : .closesGap(competencyCode: row.reasonCode, current: row.reasonCurrent, target: row.reasonTarget)
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

    /// Replaces the roadmap's open items with a new draft, keeping what is completed, waived or
    /// under way; the draft is no longer approved.
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
                AND status IN ('planned', 'enrolled')
                """
            ).run()
            let kept =
                try await sql.raw(
                    "SELECT COALESCE(MAX(position), -1) AS top FROM roadmap_items WHERE person_id = \(bind: personID)"
                ).first()?.decode(column: "top", as: Int.self) ?? -1
            for (offset, item) in items.enumerated() {
                try await Self.insert(item, personID: personID, position: kept + 1 + offset, on: sql)
            }
            try await Self.record(
                .drafted, personID: personID, byUserID: byUserID, at: at, detail: "\(items.count)", on: sql)
        }
    }

    private static func insert(_ item: RoadmapItem, personID: UUID, position: Int, on sql: any SQLDatabase)
        async throws
    {
        let (kind, code, current, target): (String, String, Double, Int) =
            switch item.reason {
            case .closesGap(let code, let current, let target): ("gap", code, current, target)
            case .prerequisite(let code): ("prerequisite", code, 0, 0)
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

    private static func record(
        _ kind: Roadmap.Change.Kind, personID: UUID, byUserID: UUID, at: Date, detail: String, on sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO roadmap_changes (id, person_id, kind, user_id, at, detail)
            VALUES (\(bind: UUID()), \(bind: personID), \(bind: kind.rawValue), \(bind: byUserID),
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

    /// Sets an item's status (a waived item keeps its reason as the note).
    public func setStatus(
        _ status: RoadmapItemStatus, itemID: UUID, personID: UUID, note: String, byUserID: UUID, at: Date
    ) async throws {
        try await database.writeTransaction { database in
            guard
                let row = try await database.sql.raw(
                    """
                    SELECT o.code FROM roadmap_items i JOIN offerings o ON o.id = i.offering_id
                    WHERE i.id = \(bind: itemID) AND i.person_id = \(bind: personID)
                    """
                ).first()
            else { throw StoreError.notFound("That roadmap item") }
            let code = try row.decode(column: "code", as: String.self)
            try await database.sql.raw(
                """
                UPDATE roadmap_items SET status = \(bind: status.rawValue), note = \(bind: note)
                WHERE id = \(bind: itemID)
                """
            ).run()
            try await Self.record(
                .statusChanged, personID: personID, byUserID: byUserID, at: at, detail: "\(code) \(status.rawValue)",
                on: database.sql)
        }
    }
}
