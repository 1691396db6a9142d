import AcumenStore
import FluentKit
import Foundation
import Logging
import SQLKit
import XCTest

/// The serving process's checkpoint loop copies committed pages from the write-ahead log into
/// the database file, and stops cleanly when cancelled.
final class WALCheckpointsTests: XCTestCase {
    func test_committedPages_reachTheDatabaseFile_withoutACommitCheckpointing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-wal-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("acumen.sqlite").path
        let location = DatabaseLocation.sqliteFile(path: path)

        try await StoreHarness.run(location, label: "SQLite file") { database, label in
            try await location.prepare(database)
            let sql = database as! any SQLDatabase
            try await sql.raw("CREATE TABLE filler (text TEXT NOT NULL)").run()
            // About 2 MB, under the pages at which a commit would checkpoint by itself.
            let line = String(repeating: "x", count: 1_000)
            for _ in 0..<10 {
                let insert = sql.insert(into: "filler").columns("text")
                for _ in 0..<200 { insert.values(SQLBind(line)) }
                try await insert.run()
            }
            let before = try Self.size(of: path)

            let checkpoints = Task { await WALCheckpoints.run(path: path, logger: Logger(label: "test")) }
            try await Task.sleep(for: .milliseconds(1_500))
            checkpoints.cancel()
            await checkpoints.value

            let after = try Self.size(of: path)
            XCTAssertGreaterThan(after, before + 1_500_000, "the log was copied into the database file (\(label))")
            let count = try await sql.raw("SELECT COUNT(*) AS n FROM filler").first()?.decode(column: "n", as: Int.self)
            XCTAssertEqual(count, 2_000, label)
        }
    }

    private static func size(of path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }
}
