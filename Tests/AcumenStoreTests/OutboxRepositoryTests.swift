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

    func test_claimingWork_givesEachMessageToOneClaimer() async throws {
        try await StoreHarness.onSQLite(claimsEachMessageOnce)
    }

    func test_claimingWork_givesEachMessageToOneClaimer_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(claimsEachMessageOnce)
    }

    /// Eight claimers at once, as eight delivery loops on several app servers: every message is
    /// claimed by exactly one of them, and one whose claimer died is claimed again after the lease.
    private func claimsEachMessageOnce(database: any Database, label: String) async throws {
        let outbox = OutboxRepository(database: database)
        let start = Date()
        try await outbox.enqueue(
            (0..<400).map { OutgoingMessage(recipient: "person\($0)@x.example", subject: "Your link", body: "b") },
            at: start)
        let claimed = try await withThrowingTaskGroup(of: [UUID].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var mine: [UUID] = []
                    while true {
                        let batch = try await outbox.claimDue(at: start, limit: 15)
                        if batch.isEmpty { return mine }
                        mine += batch.map(\.id)
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        XCTAssertEqual(claimed.count, 400, "no message claimed twice (\(label))")
        XCTAssertEqual(Set(claimed).count, 400, label)

        let again = try await outbox.claimDue(at: start.addingTimeInterval(OutboxRepository.lease - 1), limit: 500)
        XCTAssertEqual(again.count, 0, "claimed messages are held for the lease (\(label))")
        let sent = try XCTUnwrap(claimed.first)
        try await outbox.markSent(id: sent, at: start)
        let takenOver = try await outbox.claimDue(at: start.addingTimeInterval(OutboxRepository.lease + 1), limit: 500)
        XCTAssertEqual(takenOver.count, 399, "a lapsed claim is taken over, a sent message is not (\(label))")
        XCTAssertFalse(takenOver.contains { $0.id == sent }, label)
    }
}
