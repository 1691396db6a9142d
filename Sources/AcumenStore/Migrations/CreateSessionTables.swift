import FluentKit
import SQLKit

/// Dated runs of classroom and virtual offerings, and who holds or waits for a seat.
struct CreateSessionTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let statements: [SQLQueryString] = [
            """
            CREATE TABLE scheduled_sessions (
                id UUID PRIMARY KEY,
                offering_id UUID NOT NULL REFERENCES offerings(id) ON DELETE CASCADE,
                starts_on TEXT NOT NULL,
                start_time TEXT NOT NULL,
                duration_minutes INTEGER NOT NULL,
                place TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                seats INTEGER NOT NULL,
                trainer_email TEXT NOT NULL,
                recording_offering_id UUID REFERENCES offerings(id) ON DELETE SET NULL
            )
            """,
            "CREATE INDEX scheduled_sessions_by_offering ON scheduled_sessions (offering_id, starts_on)",
            """
            CREATE TABLE session_seats (
                session_id UUID NOT NULL REFERENCES scheduled_sessions(id) ON DELETE CASCADE,
                person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                status TEXT NOT NULL,
                requested_at TEXT NOT NULL,
                PRIMARY KEY (session_id, person_id)
            )
            """,
        ]
        for statement in statements { try await database.sql.raw(statement).run() }
    }

    func revert(on database: any Database) async throws {
        for table in ["session_seats", "scheduled_sessions"] {
            try await database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
    }
}
