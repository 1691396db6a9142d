import FluentKit
import SQLKit

/// Three flags of the first assessment tables were integers (0 or 1); they become booleans, as
/// every later table has, so that rows decode into `Bool` on both databases.
///
/// SQLite stores a boolean as 0 or 1 whatever the declared type, so existing rows already read
/// as booleans there; PostgreSQL converts each column in place.
struct RealBooleans: AsyncMigration {
    private static let columns = [
        ("invitations", "submitted"), ("invitations", "reopened"), ("response_ratings", "not_observed"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "postgresql" else { return }
        for (table, column) in Self.columns {
            try await sql.raw(
                """
                ALTER TABLE \(ident: table) ALTER COLUMN \(ident: column) DROP DEFAULT,
                    ALTER COLUMN \(ident: column) TYPE BOOLEAN USING \(ident: column) <> 0
                """
            ).run()
            if table == "invitations" {
                try await sql.raw("ALTER TABLE \(ident: table) ALTER COLUMN \(ident: column) SET DEFAULT FALSE").run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "postgresql" else { return }
        for (table, column) in Self.columns {
            try await sql.raw(
                """
                ALTER TABLE \(ident: table) ALTER COLUMN \(ident: column) DROP DEFAULT,
                    ALTER COLUMN \(ident: column) TYPE INTEGER USING CASE WHEN \(ident: column) THEN 1 ELSE 0 END
                """
            ).run()
            if table == "invitations" {
                try await sql.raw("ALTER TABLE \(ident: table) ALTER COLUMN \(ident: column) SET DEFAULT 0").run()
            }
        }
    }
}
