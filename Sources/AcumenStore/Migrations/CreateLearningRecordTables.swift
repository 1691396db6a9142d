import FluentKit
import SQLKit

/// The learning record store: credentials issued per source system, statements as sent with
/// the facts queries filter on, completed offerings whoever reports them, and the outbox of
/// statements for the programme's own record store. Roadmap changes may now come from such a system rather than a
/// user, so a change names either.
struct CreateLearningRecordTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        let statements: [SQLQueryString] = [
            """
            CREATE TABLE xapi_credentials (
                id UUID PRIMARY KEY,
                name TEXT NOT NULL,
                key TEXT NOT NULL UNIQUE,
                secret_digest TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            )
            """,
            """
            CREATE TABLE xapi_statements (
                id UUID PRIMARY KEY,
                content TEXT NOT NULL,
                statement TEXT NOT NULL,
                stored TEXT NOT NULL,
                agent_key TEXT NOT NULL,
                verb_id TEXT NOT NULL,
                activity_id TEXT,
                registration TEXT,
                voids UUID,
                voided BOOLEAN NOT NULL,
                credential_id UUID NOT NULL REFERENCES xapi_credentials(id) ON DELETE RESTRICT,
                person_id UUID REFERENCES people(id) ON DELETE SET NULL
            )
            """,
            "CREATE INDEX xapi_statements_by_stored ON xapi_statements (stored, id)",
            "CREATE INDEX xapi_statements_by_agent ON xapi_statements (agent_key)",
            "CREATE INDEX xapi_statements_by_activity ON xapi_statements (activity_id)",
            """
            CREATE TABLE learning_completions (
                id UUID PRIMARY KEY,
                person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                offering_id UUID NOT NULL REFERENCES offerings(id) ON DELETE RESTRICT,
                completed_on TEXT NOT NULL,
                source TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                UNIQUE (person_id, offering_id, completed_on)
            )
            """,
            """
            CREATE TABLE xapi_outbox (
                id UUID PRIMARY KEY,
                kind TEXT NOT NULL,
                person_id UUID NOT NULL,
                reference_id UUID NOT NULL,
                occurred_at TEXT NOT NULL,
                statements TEXT,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                last_error TEXT NOT NULL,
                next_attempt_at TEXT NOT NULL,
                sent_at TEXT
            )
            """,
            "CREATE INDEX xapi_outbox_due ON xapi_outbox (status, next_attempt_at)",
        ]
        for statement in statements { try await sql.raw(statement).run() }
        if sql.dialect.name == "sqlite" {
            // SQLite cannot drop NOT NULL from a column: the table is made again.
            for statement: SQLQueryString in [
                """
                CREATE TABLE roadmap_changes_new (
                    id UUID PRIMARY KEY,
                    person_id UUID NOT NULL REFERENCES roadmaps(person_id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    user_id UUID REFERENCES users(id) ON DELETE RESTRICT,
                    source TEXT NOT NULL DEFAULT '',
                    at TEXT NOT NULL,
                    detail TEXT NOT NULL
                )
                """,
                """
                INSERT INTO roadmap_changes_new (id, person_id, kind, user_id, source, at, detail)
                SELECT id, person_id, kind, user_id, '', at, detail FROM roadmap_changes
                """,
                "DROP TABLE roadmap_changes",
                "ALTER TABLE roadmap_changes_new RENAME TO roadmap_changes",
                "CREATE INDEX roadmap_changes_by_person ON roadmap_changes (person_id, at)",
            ] {
                try await sql.raw(statement).run()
            }
        } else {
            try await sql.raw("ALTER TABLE roadmap_changes ALTER COLUMN user_id DROP NOT NULL").run()
            try await sql.raw("ALTER TABLE roadmap_changes ADD COLUMN source TEXT NOT NULL DEFAULT ''").run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["xapi_outbox", "learning_completions", "xapi_statements", "xapi_credentials"] {
            try await database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
    }
}
