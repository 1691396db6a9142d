import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Mail is written to the outbox in the same transaction as the change that causes it, and
/// delivered afterwards, so a crash can delay a message but never lose it or send it for a
/// change that was rolled back.
public struct OutboxRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    public func enqueue(_ message: OutgoingMessage, at now: Date = Date()) async throws {
        try await enqueue([message], at: now)
    }

    /// Queues several messages, many to a statement: releasing a cycle of 20,000 people queues
    /// 20,000 mails, more binds than PostgreSQL takes in one statement.
    public func enqueue(_ messages: [OutgoingMessage], at now: Date = Date()) async throws {
        try await sql.insertRows(
            into: "outbox_messages",
            columns: [
                "id", "recipient", "subject", "body", "status", "attempts", "next_attempt_at", "last_error",
                "created_at",
            ],
            rows: messages.map { message in
                [
                    SQLBind(UUID()), SQLBind(message.recipient), SQLBind(message.subject), SQLBind(message.body),
                    SQLBind(OutboxEntry.Status.pending.rawValue), SQLBind(0), SQLBind(now.timeIntervalSince1970),
                    SQLBind(""), SQLBind(now.timeIntervalSince1970),
                ]
            })
    }

    /// How long a claimed message is left to the process that claimed it: if that process dies
    /// before marking it sent or failed, another takes it over after this.
    public static let lease: TimeInterval = 300

    /// Claims messages due for an attempt, oldest first, for this process alone: each is held
    /// back from other claims (its next attempt moved past the lease) in the statement that
    /// reads it. Two app servers delivering at once never take the same message.
    public func claimDue(at now: Date = Date(), lease: TimeInterval = Self.lease, limit: Int = 50) async throws
        -> [OutboxEntry]
    {
        let pending = OutboxEntry.Status.pending.rawValue
        let claimed = try await sql.raw(
            """
            UPDATE outbox_messages SET next_attempt_at = \(bind: now.timeIntervalSince1970 + lease)
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE status = \(bind: pending) AND next_attempt_at <= \(bind: now.timeIntervalSince1970)
                ORDER BY next_attempt_at, id LIMIT \(bind: limit)\(sql.skipLockedRows)
            )
            RETURNING id, recipient, subject, body, status, attempts, last_error, next_attempt_at, created_at
            """
        ).all(decoding: OutboxRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        // RETURNING keeps no order: oldest first, as queued.
        return claimed.sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }.map(\.entry)
    }

    public func recent(limit: Int = 200) async throws -> [OutboxEntry] {
        try await entries { $0.orderBy("created_at", .descending).limit(limit) }
    }

    /// The mail queue as monitoring reads it.
    public func queueState(at now: Date = Date()) async throws -> OutboxQueueState {
        var mail = OutboxQueueState(name: "mail")
        for row in try await sql.raw(
            "SELECT status, COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox_messages GROUP BY status"
        ).all() {
            let status = try row.decode(column: "status", as: String.self)
            mail.counts[status] = try row.decode(column: "n", as: Int.self)
            if status == OutboxEntry.Status.pending.rawValue {
                mail.oldestPendingAge = max(
                    0, now.timeIntervalSince1970 - (try row.decode(column: "oldest", as: Double.self)))
            }
        }
        return mail
    }

    public func counts() async throws -> [OutboxEntry.Status: Int] {
        var counts: [OutboxEntry.Status: Int] = [:]
        for row in try await sql.raw("SELECT status, COUNT(*) AS n FROM outbox_messages GROUP BY status").all() {
            if let status = OutboxEntry.Status(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    /// Marks a message delivered and forgets its body: bodies carry raters' personal links,
    /// which must not stay readable in the database once they have left.
    public func markSent(id: UUID, at now: Date = Date()) async throws {
        try await sql.update("outbox_messages").set("status", to: OutboxEntry.Status.sent.rawValue)
            .set("sent_at", to: now.timeIntervalSince1970).set("last_error", to: "").set("body", to: "")
            .where("id", .equal, id).run()
    }

    /// Records a failed attempt and schedules the next one with exponential backoff.
    public func markFailed(_ entry: OutboxEntry, error: String, at now: Date = Date()) async throws {
        let attempts = entry.attempts + 1
        let status: OutboxEntry.Status = attempts >= OutboxEntry.maximumAttempts ? .failed : .pending
        let delay = 60.0 * pow(2, Double(attempts - 1))
        try await sql.update("outbox_messages").set("status", to: status.rawValue).set("attempts", to: attempts)
            .set("last_error", to: String(error.prefix(500)))
            .set("next_attempt_at", to: now.timeIntervalSince1970 + delay).where("id", .equal, entry.id).run()
    }

    /// Puts a failed message back in the queue, for after the mail setup is fixed.
    public func retry(id: UUID, at now: Date = Date()) async throws {
        try await sql.update("outbox_messages").set("status", to: OutboxEntry.Status.pending.rawValue)
            .set("attempts", to: 0).set("next_attempt_at", to: now.timeIntervalSince1970)
            .where("id", .equal, id).run()
    }

    private func entries(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [OutboxEntry] {
        let query = sql.select()
            .columns(
                "id", "recipient", "subject", "body", "status", "attempts", "last_error", "next_attempt_at",
                "created_at"
            )
            .from("outbox_messages")
        return try await filter(query).all(decoding: OutboxRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map(\.entry)
    }
}

/// One outbox message as `OutboxRepository` reads it.
private struct OutboxRow: Decodable {
    var id: UUID
    var recipient: String
    var subject: String
    var body: String
    var status: OutboxEntry.Status
    var attempts: Int
    var lastError: String
    /// Seconds since 1970, so that both databases compare it as a number.
    var nextAttemptAt: Double
    var createdAt: Double

    var entry: OutboxEntry {
        OutboxEntry(
            id: id, message: OutgoingMessage(recipient: recipient, subject: subject, body: body), status: status,
            attempts: attempts, lastError: lastError, nextAttemptAt: Date(timeIntervalSince1970: nextAttemptAt))
    }
}

/// One outbox queue as monitoring sees it.
public struct OutboxQueueState: Sendable, Equatable {
    /// `mail` or `xapi`.
    public var name: String
    /// Messages by status (`pending`, `sent`, `failed`).
    public var counts: [String: Int] = [:]
    /// Seconds the oldest pending message has waited; 0 when none waits.
    public var oldestPendingAge: Double = 0
}
