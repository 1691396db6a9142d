import FluentKit
import SQLKit

/// Community content waiting for review, and how colleagues use and rate offerings.
struct CreateCommunityTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let statements: [SQLQueryString] = [
            """
            CREATE TABLE community_submissions (
                id UUID PRIMARY KEY,
                title TEXT NOT NULL,
                summary TEXT NOT NULL,
                format TEXT NOT NULL,
                link TEXT NOT NULL,
                duration_minutes INTEGER NOT NULL,
                category TEXT NOT NULL,
                framework_id UUID NOT NULL REFERENCES frameworks(id) ON DELETE RESTRICT,
                competency_code TEXT NOT NULL,
                from_level INTEGER NOT NULL,
                to_level INTEGER NOT NULL,
                contributor_person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                status TEXT NOT NULL,
                review_note TEXT NOT NULL,
                offering_id UUID REFERENCES offerings(id) ON DELETE SET NULL,
                submitted_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE offering_views (
                offering_id UUID NOT NULL REFERENCES offerings(id) ON DELETE CASCADE,
                person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                viewed_on TEXT NOT NULL,
                PRIMARY KEY (offering_id, person_id, viewed_on)
            )
            """,
            """
            CREATE TABLE offering_ratings (
                offering_id UUID NOT NULL REFERENCES offerings(id) ON DELETE CASCADE,
                person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                stars INTEGER NOT NULL,
                PRIMARY KEY (offering_id, person_id)
            )
            """,
        ]
        for statement in statements { try await database.sql.raw(statement).run() }
    }

    func revert(on database: any Database) async throws {
        for table in ["offering_ratings", "offering_views", "community_submissions"] {
            try await database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
    }
}
