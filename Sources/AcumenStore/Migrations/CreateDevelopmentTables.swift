import AcumenCore
import FluentKit
import SQLKit

/// The learning catalogue: its categories (the seven the programme used to start with), its
/// offerings, what each develops and what must come first. Prerequisites are kept by code, as
/// files name them, so that an offering can name one imported in the same file.
struct CreateDevelopmentTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        let statements: [SQLQueryString] = [
            """
            CREATE TABLE catalogue_categories (
                name TEXT PRIMARY KEY,
                position INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE offerings (
                id UUID PRIMARY KEY,
                code TEXT NOT NULL,
                code_key TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                summary TEXT NOT NULL,
                category TEXT NOT NULL,
                format TEXT NOT NULL,
                duration_minutes INTEGER NOT NULL,
                language TEXT NOT NULL,
                provider TEXT NOT NULL,
                link TEXT NOT NULL,
                owner TEXT NOT NULL,
                phase TEXT NOT NULL,
                xapi_activity_id TEXT NOT NULL UNIQUE
            )
            """,
            """
            CREATE TABLE offering_targets (
                offering_id UUID NOT NULL REFERENCES offerings(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                framework_id UUID NOT NULL REFERENCES frameworks(id) ON DELETE RESTRICT,
                competency_code TEXT NOT NULL,
                from_level INTEGER NOT NULL,
                to_level INTEGER NOT NULL,
                PRIMARY KEY (offering_id, framework_id, competency_code)
            )
            """,
            "CREATE INDEX offering_targets_by_competency ON offering_targets (framework_id, competency_code)",
            """
            CREATE TABLE offering_prerequisites (
                offering_id UUID NOT NULL REFERENCES offerings(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                prerequisite_code TEXT NOT NULL,
                PRIMARY KEY (offering_id, position)
            )
            """,
        ]
        for statement in statements { try await sql.raw(statement).run() }
        for (position, name) in CatalogueCategory.defaults.enumerated() {
            try await sql.raw(
                "INSERT INTO catalogue_categories (name, position) VALUES (\(bind: name), \(bind: position))"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["offering_prerequisites", "offering_targets", "offerings", "catalogue_categories"] {
            try await database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
    }
}
