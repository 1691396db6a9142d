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
        try await convert(database, to: "BOOLEAN", using: "<> 0", default: "FALSE")
    }

    func revert(on database: any Database) async throws {
        try await convert(database, to: "INTEGER", using: "::INTEGER", default: "0")
    }

    /// Changes each column's type, converting its values with `using` (appended to the column)
    /// and giving the invitations' flags `default` again.
    private func convert(_ database: any Database, to type: String, using conversion: String, default value: String)
        async throws
    {
        let sql = database.sql
        guard sql.dialect.name == "postgresql" else { return }
        for (table, column) in Self.columns {
            try await sql.raw(
                """
                ALTER TABLE \(ident: table) ALTER COLUMN \(ident: column) DROP DEFAULT,
                    ALTER COLUMN \(ident: column) TYPE \(unsafeRaw: type) USING \(ident: column)\(unsafeRaw: conversion)
                """
            ).run()
            if table == "invitations" {
                try await sql.raw(
                    "ALTER TABLE \(ident: table) ALTER COLUMN \(ident: column) SET DEFAULT \(unsafeRaw: value)"
                ).run()
            }
        }
    }
}
