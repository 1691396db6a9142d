import FluentKit
import SQLKit

/// A counter every change to the catalogue moves on, so that servers can keep the catalogue in
/// memory and read it again only when it changed, even when several share one database.
struct CatalogueRevision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw(
            "CREATE TABLE catalogue_revision (id INTEGER PRIMARY KEY, revision INTEGER NOT NULL)"
        ).run()
        try await database.sql.raw("INSERT INTO catalogue_revision (id, revision) VALUES (1, 0)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE catalogue_revision").run()
    }
}
