import FluentKit
import SQLKit

/// What keeps learning going after a roadmap is drafted: the supervisor's priority
/// competencies, the refreshers and re-observations scheduled when items are completed, and
/// supervisors' coaching observations.
struct CreateReinforcementTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let statements: [SQLQueryString] = [
            "ALTER TABLE roadmaps ADD COLUMN priorities TEXT NOT NULL DEFAULT ''",
            """
            CREATE TABLE roadmap_follow_ups (
                id UUID PRIMARY KEY,
                person_id UUID NOT NULL REFERENCES roadmaps(person_id) ON DELETE CASCADE,
                item_id UUID NOT NULL REFERENCES roadmap_items(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                number INTEGER NOT NULL,
                competency_code TEXT NOT NULL,
                due TEXT NOT NULL,
                done_on TEXT
            )
            """,
            "CREATE INDEX roadmap_follow_ups_by_person ON roadmap_follow_ups (person_id, due)",
            """
            CREATE TABLE coaching_observations (
                id UUID PRIMARY KEY,
                person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                framework_id UUID NOT NULL REFERENCES frameworks(id) ON DELETE RESTRICT,
                competency_code TEXT NOT NULL,
                setting TEXT NOT NULL,
                observed_on TEXT NOT NULL,
                observed TEXT NOT NULL,
                level INTEGER,
                notes TEXT NOT NULL,
                next_steps TEXT NOT NULL,
                observer_user_id UUID NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
                completed_item_id UUID,
                recorded_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX coaching_observations_by_person ON coaching_observations (person_id, observed_on)",
        ]
        for statement in statements { try await database.sql.raw(statement).run() }
    }

    func revert(on database: any Database) async throws {
        for table in ["coaching_observations", "roadmap_follow_ups"] {
            try await database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
        try await database.sql.raw("ALTER TABLE roadmaps DROP COLUMN priorities").run()
    }
}
