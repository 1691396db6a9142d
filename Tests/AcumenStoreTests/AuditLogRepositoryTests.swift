import AcumenCore
import AcumenStore
import FluentKit
import SQLKit
import XCTest

final class AuditLogRepositoryTests: XCTestCase {
    func test_concurrentAppends_makeOneChain_andRowsCannotBeChanged() async throws {
        try await StoreHarness.onSQLite(appendsMakeOneChain)
    }

    func test_concurrentAppends_makeOneChain_andRowsCannotBeChanged_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(appendsMakeOneChain)
    }

    /// Eight writers at once, as on several app servers: one gapless chain. The table refuses
    /// updates and deletes; with its triggers dropped, an edit shows in the chain.
    private func appendsMakeOneChain(database: any Database, label: String) async throws {
        let log = AuditLogRepository(database: database)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for number in 0..<15 {
                        try await log.append(
                            actor: "writer\(writer)@example.com", action: "POST /api/v1/cycles", subject: "n=\(number)")
                    }
                }
            }
            try await group.waitForAll()
        }
        let entries = try await log.entries()
        XCTAssertEqual(entries.map(\.sequence), Array(1...120), label)
        XCTAssertNil(AuditChain.verify(entries), label)

        let sql = database as! any SQLDatabase
        for statement in ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log WHERE sequence = 5"] {
            do {
                try await sql.raw(SQLQueryString(statement)).run()
                XCTFail("\(statement) was allowed (\(label))")
            } catch {
                XCTAssertTrue(
                    String(reflecting: error).contains("append-only"), "\(label): \(String(reflecting: error))")
            }
        }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER audit_log_no_update").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_log_append_only ON audit_log").run()
        }
        try await sql.raw("UPDATE audit_log SET actor = 'forger@example.com' WHERE sequence = 40").run()
        let tampered = try await log.entries()
        XCTAssertEqual(AuditChain.verify(tampered), .altered(sequence: 40), label)
    }
}
