import FluentKit
import SQLKit

/// Group sessions drafted from a group's gaps, and who they enrolled (with the roadmap item each got).
struct CreateGroupSessionTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let statements: [SQLQueryString] = [
            """
            CREATE TABLE group_sessions (
                id UUID PRIMARY KEY,
                offering_id UUID NOT NULL REFERENCES offerings(id) ON DELETE RESTRICT,
                competency_code TEXT NOT NULL,
                group_kind TEXT NOT NULL,
                group_name TEXT NOT NULL,
                created_by UUID NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
                created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE group_session_members (
                session_id UUID NOT NULL REFERENCES group_sessions(id) ON DELETE CASCADE,
                person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                item_id UUID,
                PRIMARY KEY (session_id, person_id)
            )
            """,
        ]
        for statement in statements { try await database.sql.raw(statement).run() }
    }

    func revert(on database: any Database) async throws {
        for table in ["group_session_members", "group_sessions"] {
            try await database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
    }
}
