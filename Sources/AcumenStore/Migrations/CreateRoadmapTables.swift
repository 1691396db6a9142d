import FluentKit
import SQLKit

/// Roadmaps: one per account manager, its items in order, and every change with who made it.
struct CreateRoadmapTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let statements: [SQLQueryString] = [
            """
            CREATE TABLE roadmaps (
                person_id UUID PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
                framework_id UUID NOT NULL REFERENCES frameworks(id) ON DELETE RESTRICT,
                cycle_name TEXT NOT NULL,
                approved_on TEXT
            )
            """,
            """
            CREATE TABLE roadmap_items (
                id UUID PRIMARY KEY,
                person_id UUID NOT NULL REFERENCES roadmaps(person_id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                offering_id UUID NOT NULL REFERENCES offerings(id) ON DELETE RESTRICT,
                reason_kind TEXT NOT NULL,
                reason_code TEXT NOT NULL,
                reason_current DOUBLE PRECISION NOT NULL,
                reason_target INTEGER NOT NULL,
                also_develops TEXT NOT NULL,
                passed_over TEXT NOT NULL,
                due TEXT,
                status TEXT NOT NULL,
                note TEXT NOT NULL
            )
            """,
            "CREATE INDEX roadmap_items_by_person ON roadmap_items (person_id, position)",
            """
            CREATE TABLE roadmap_changes (
                id UUID PRIMARY KEY,
                person_id UUID NOT NULL REFERENCES roadmaps(person_id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                user_id UUID NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
                at TEXT NOT NULL,
                detail TEXT NOT NULL
            )
            """,
            "CREATE INDEX roadmap_changes_by_person ON roadmap_changes (person_id, at)",
        ]
        for statement in statements { try await database.sql.raw(statement).run() }
    }

    func revert(on database: any Database) async throws {
        for table in ["roadmap_changes", "roadmap_items", "roadmaps"] {
            try await database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
    }
}
