import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// What Acumen has to tell the programme's learning record store, written in the same
/// transaction as the change it reports so that none is lost, and marked sent only once the
/// store accepted it. Statements are made at the first attempt and kept, so every retry sends
/// the same ids and content, which a record store stores once.
public struct XAPIOutboxRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public enum Kind: String, Sendable, Hashable {
        /// A roadmap item completed: the reference is the item.
        case completed
        /// A coaching observation: the reference is the observation.
        case observed
        /// A cycle released: the reference is the cycle, the person one of its subjects.
        case released
    }

    public struct Event: Sendable, Hashable, Identifiable {
        public var id: UUID
        public var kind: Kind
        public var personID: UUID
        public var referenceID: UUID
        public var occurredAt: String
        /// The statements as a JSON array, once made.
        public var statements: String?
        public var attempts: Int
    }

    /// Inside the transaction of the change.
    static func enqueue(_ kind: Kind, personID: UUID, referenceID: UUID, at: Date, on sql: any SQLDatabase)
        async throws
    {
        try await sql.raw(
            """
            INSERT INTO xapi_outbox (id, kind, person_id, reference_id, occurred_at, statements, status, attempts,
                last_error, next_attempt_at)
            VALUES (\(bind: UUID()), \(bind: kind.rawValue), \(bind: personID), \(bind: referenceID),
                \(bind: XAPIStatement.storedText(at)), NULL, 'pending', 0, '', \(bind: XAPIStatement.storedText(at)))
            """
        ).run()
    }

    public func enqueueReleased(cycleID: UUID, subjects: [UUID], at: Date) async throws {
        for subject in subjects {
            try await Self.enqueue(.released, personID: subject, referenceID: cycleID, at: at, on: database.sql)
        }
    }

    private struct Row: Decodable {
        var id: UUID
        var kind: String
        var personId: UUID
        var referenceId: UUID
        var occurredAt: String
        var statements: String?
        var attempts: Int
    }

    /// Claims events due for an attempt, oldest first, for this process alone, as
    /// `OutboxRepository.claimDue` claims mail: each is held back from other claims for the
    /// lease, after which another process takes over an event whose claimer died.
    public func claimDue(at now: Date = Date(), lease: TimeInterval = OutboxRepository.lease, limit: Int = 50)
        async throws -> [Event]
    {
        let sql = database.sql
        let rows = try await sql.raw(
            """
            UPDATE xapi_outbox SET next_attempt_at = \(bind: XAPIStatement.storedText(now.addingTimeInterval(lease)))
            WHERE id IN (
                SELECT id FROM xapi_outbox
                WHERE status = 'pending' AND next_attempt_at <= \(bind: XAPIStatement.storedText(now))
                ORDER BY occurred_at, id LIMIT \(bind: limit)\(sql.skipLockedRows)
            )
            RETURNING id, kind, person_id, reference_id, occurred_at, statements, attempts
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        // RETURNING keeps no order: oldest first, as the events happened.
        return rows.sorted { ($0.occurredAt, $0.id.uuidString) < ($1.occurredAt, $1.id.uuidString) }.compactMap {
            row in
            Kind(rawValue: row.kind).map {
                Event(
                    id: row.id, kind: $0, personID: row.personId, referenceID: row.referenceId,
                    occurredAt: row.occurredAt, statements: row.statements, attempts: row.attempts)
            }
        }
    }

    public func keep(statements: String, id: UUID) async throws {
        try await database.sql.raw(
            "UPDATE xapi_outbox SET statements = \(bind: statements) WHERE id = \(bind: id) AND statements IS NULL"
        ).run()
    }

    public func markSent(id: UUID, at now: Date = Date()) async throws {
        try await database.sql.raw(
            """
            UPDATE xapi_outbox SET status = 'sent', sent_at = \(bind: XAPIStatement.storedText(now)), last_error = ''
            WHERE id = \(bind: id)
            """
        ).run()
    }

    /// Retried after 1, 2, 4 ... minutes; after the last attempt it stays failed until retried.
    public func markFailed(_ event: Event, error: String, at now: Date = Date()) async throws {
        let attempts = event.attempts + 1
        let next = now.addingTimeInterval(60 * pow(2, Double(min(attempts - 1, 10))))
        try await database.sql.raw(
            """
            UPDATE xapi_outbox SET attempts = \(bind: attempts), last_error = \(bind: String(error.prefix(500))),
                next_attempt_at = \(bind: XAPIStatement.storedText(next)),
                status = \(bind: attempts >= OutboxEntry.maximumAttempts ? "failed" : "pending")
            WHERE id = \(bind: event.id)
            """
        ).run()
    }

    /// The learning-record queue as monitoring reads it.
    public func queueState(at now: Date = Date()) async throws -> OutboxQueueState {
        var statements = OutboxQueueState(name: "xapi")
        let stored = ISO8601DateFormatter()
        stored.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for row in try await database.sql.raw(
            "SELECT status, COUNT(*) AS n, MIN(occurred_at) AS oldest FROM xapi_outbox GROUP BY status"
        ).all() {
            let status = try row.decode(column: "status", as: String.self)
            statements.counts[status] = try row.decode(column: "n", as: Int.self)
            if status == "pending", let oldest = stored.date(from: try row.decode(column: "oldest", as: String.self)) {
                statements.oldestPendingAge = max(0, now.timeIntervalSince(oldest))
            }
        }
        return statements
    }

    /// How many events are pending, sent and failed.
    public func counts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await database.sql.raw("SELECT status, COUNT(*) AS n FROM xapi_outbox GROUP BY status").all() {
            counts[try row.decode(column: "status", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
