import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import SQLKit
import SQLiteNIO
import Synchronization
import XCTest

/// A backup taken while mail is being queued, restored: every table as it was, and the queue
/// exactly as some moment of the load left it (every message acknowledged before the backup
/// began, and no message half there).
final class DatabaseBackupTests: XCTestCase {
    func test_aBackupTakenUnderWriteLoad_restoresEveryTable_onSQLite() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-backup-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let live = "\(folder)/acumen.sqlite"
        try await StoreHarness.run(.sqliteFile(path: live), label: "SQLite") { database, _ in
            try await (database as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").run()
            _ = try await DemoLoader(database: database).load(withPastCycle: false) { "hash" }
            let (before, total) = try await Self.underLoad(database) {
                try await DatabaseBackup.backUp(.sqliteFile(path: live), to: "\(folder)/copy.sqlite")
            }
            let expected = try await Self.sqliteTables(live)

            let restored = "\(folder)/restored.sqlite"
            try await DatabaseBackup.restore(
                .sqliteFile(path: restored), from: "\(folder)/copy.sqlite", replacing: false)
            try await Self.compare(
                try await Self.sqliteTables(restored), with: expected, acknowledgedBefore: before, total: total)

            do {
                try await DatabaseBackup.restore(
                    .sqliteFile(path: restored), from: "\(folder)/copy.sqlite", replacing: false)
                XCTFail("a restore over a database needs --replace")
            } catch let failure as DatabaseBackup.Failure {
                XCTAssertTrue(failure.description.contains("--replace"), failure.description)
            }
            do {
                try await DatabaseBackup.backUp(.sqliteFile(path: live), to: "\(folder)/copy.sqlite")
                XCTFail("a backup never writes over a file")
            } catch let failure as DatabaseBackup.Failure {
                XCTAssertTrue(failure.description.contains("already exists"), failure.description)
            }
            _ = FileManager.default.createFile(atPath: "\(folder)/not-a-backup", contents: Data("hello".utf8))
            do {
                try await DatabaseBackup.restore(
                    .sqliteFile(path: "\(folder)/other.sqlite"), from: "\(folder)/not-a-backup", replacing: true)
                XCTFail("only an Acumen database is restored")
            } catch let failure as DatabaseBackup.Failure {
                XCTAssertTrue(failure.description.contains("not an SQLite database"), failure.description)
                XCTAssertFalse(FileManager.default.fileExists(atPath: "\(folder)/other.sqlite"))
            }
        }
    }

    func test_aBackupTakenUnderWriteLoad_restoresEveryTable_onPostgreSQL() async throws {
        guard let url = StoreHarness.postgresURL else {
            throw XCTSkip("Set ACUMEN_TEST_POSTGRES_URL to run this test on PostgreSQL.")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-\(UUID()).dump").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await StoreHarness.onPostgreSQL { database, _ in
            _ = try await DemoLoader(database: database).load(withPastCycle: false) { "hash" }
            let (before, total) = try await Self.underLoad(database) {
                try await DatabaseBackup.backUp(.postgres(url: url), to: file)
            }
            let sql = database as! any SQLDatabase
            let expected = try await Self.postgresTables(sql)
            // Changed after the backup: the restore must undo it.
            try await sql.raw("DELETE FROM outbox_messages").run()
            try await sql.raw("UPDATE people SET name = 'Changed'").run()

            try await DatabaseBackup.restore(.postgres(url: url), from: file, replacing: true)
            try await Self.compare(
                try await Self.postgresTables(sql), with: expected, acknowledgedBefore: before, total: total)
        }
    }

    /// Queues numbered mails one statement at a time while `backUp` runs; returns how many were
    /// acknowledged before it began and how many in all.
    private static func underLoad(_ database: any Database, backUp: () async throws -> Void) async throws -> (
        Int, Int
    ) {
        let acknowledged = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
        let writer = Task {
            let outbox = OutboxRepository(database: database)
            var number = 0
            while !stop.load(ordering: .relaxed) {
                try await outbox.enqueue(
                    OutgoingMessage(recipient: "load@x.example", subject: "load \(number)", body: "b"))
                number += 1
                acknowledged.store(number, ordering: .relaxed)
            }
            return number
        }
        while acknowledged.load(ordering: .relaxed) < 50 { try await Task.sleep(for: .milliseconds(5)) }
        let before = acknowledged.load(ordering: .relaxed)
        try await backUp()
        stop.store(true, ordering: .relaxed)
        let total = try await writer.value
        return (before, total)
    }

    /// Every table but the outbox as it is now; the outbox as a contiguous run of the load's
    /// mails, at least those acknowledged before the backup began.
    private static func compare(
        _ restored: [String: [String]], with live: [String: [String]], acknowledgedBefore: Int, total: Int
    ) async throws {
        XCTAssertEqual(Set(restored.keys), Set(live.keys), "the same tables")
        for (table, rows) in live where table != "outbox_messages" {
            XCTAssertEqual(restored[table], rows, "table \(table)")
            XCTAssertFalse(rows.isEmpty && ["people", "frameworks", "competencies"].contains(table), table)
        }
        let numbers = (restored["outbox_messages"] ?? []).compactMap { row in
            row.range(of: #"load (\d+)"#, options: .regularExpression).map { Int(row[$0].dropFirst(5))! }
        }.sorted()
        XCTAssertGreaterThanOrEqual(numbers.count, acknowledgedBefore, "every mail acknowledged before the backup")
        XCTAssertLessThanOrEqual(numbers.count, total)
        XCTAssertEqual(numbers, Array(0..<numbers.count), "the queue as one moment of the load left it")
    }

    /// Each table's rows as text, sorted.
    private static func sqliteTables(_ path: String) async throws -> [String: [String]] {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        var tables: [String: [String]] = [:]
        for row in try await connection.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", [])
        {
            let name = row.column("name")!.string!
            tables[name] = try await connection.query("SELECT * FROM \"\(name)\"", []).map { row in
                row.columns.map { "\($0.name)=\($0.data.description)" }.joined(separator: "|")
            }.sorted()
        }
        try await connection.close()
        return tables
    }

    private static func postgresTables(_ sql: any SQLDatabase) async throws -> [String: [String]] {
        var tables: [String: [String]] = [:]
        for row in try await sql.raw(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ).all() {
            let name = try row.decode(column: "tablename", as: String.self)
            tables[name] = try await sql.raw("SELECT row_to_json(t)::text AS j FROM \(ident: name) t").all().map {
                try $0.decode(column: "j", as: String.self)
            }.sorted()
        }
        return tables
    }
}
