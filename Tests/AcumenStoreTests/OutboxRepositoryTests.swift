import AcumenCore
import AcumenStore
import FluentKit
import XCTest

final class OutboxRepositoryTests: XCTestCase {
    func test_releasingALargeCycle_queuesEveryMail() async throws {
        try await StoreHarness.onSQLite(queuesEveryMail)
    }

    func test_releasingALargeCycle_queuesEveryMail_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(queuesEveryMail)
    }

    /// 8,000 mails of nine columns each are more binds than PostgreSQL takes in one statement
    /// (65,535): a cycle of that many people once failed to release there.
    private func queuesEveryMail(database: any Database, label: String) async throws {
        let outbox = OutboxRepository(database: database)
        try await outbox.enqueue(
            (0..<8_000).map { OutgoingMessage(recipient: "person\($0)@x.example", subject: "Your report", body: "b") })
        let counts = try await outbox.counts()
        XCTAssertEqual(counts[.pending], 8_000, label)
    }
}
