import AcumenStore
import Fluent
import SQLKit
import Vapor
import XCTest

/// Runs a test body against every database available: in-memory SQLite always, and
/// PostgreSQL when `ACUMEN_TEST_POSTGRES_URL` is set. Each run starts from an empty schema.
enum StoreHarness {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["ACUMEN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func onEveryDatabase(_ body: (any Database, String) async throws -> Void) async throws {
        try await run(.sqliteMemory(identifier: UUID().uuidString), label: "SQLite", body)
        if let url = postgresURL {
            try await run(.postgres(url: url), label: "PostgreSQL", body)
        }
    }

    static func onPostgres(_ body: (any Database) async throws -> Void) async throws {
        guard let url = postgresURL else {
            throw XCTSkip("Set ACUMEN_TEST_POSTGRES_URL to run this test on PostgreSQL.")
        }
        try await run(.postgres(url: url), label: "PostgreSQL") { database, _ in try await body(database) }
    }

    private static func run(
        _ location: DatabaseLocation, label: String, _ body: (any Database, String) async throws -> Void
    ) async throws {
        let app = try await Application.make(.testing)
        do {
            app.databases.use(try location.configurationFactory(), as: .init(string: "test"), isDefault: true)
            if !location.isSQLite, let sql = app.db as? any SQLDatabase {
                try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
                try await sql.raw("CREATE SCHEMA public").run()
            }
            app.migrations.add(StoreMigrations.all)
            try await app.autoMigrate()
            try await body(app.db, label)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
