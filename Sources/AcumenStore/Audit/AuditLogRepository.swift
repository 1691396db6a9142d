import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// The append-only, hash-chained record of changes (`AuditChain`).
public struct AuditLogRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Appends an entry after the last one. Appends take turns (SQLite has one writer at a
    /// time; on PostgreSQL a transaction lock), so that several app servers write one chain.
    @discardableResult
    public func append(actor: String, action: String, subject: String, at moment: Date = Date()) async throws
        -> AuditEntry
    {
        try await database.writeTransaction { database in
            let sql = database.sql
            if sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.appendLock))").run()
            }
            let last = try await sql.raw("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1")
                .first()
            let sequence = (try last?.decode(column: "sequence", as: Int.self) ?? 0) + 1
            let previous = try last?.decode(column: "hash", as: String.self) ?? AuditChain.origin
            let milliseconds = Int64((moment.timeIntervalSince1970 * 1000).rounded())
            let entry = AuditEntry(
                sequence: sequence, atMilliseconds: milliseconds, actor: actor, action: action, subject: subject,
                hash: AuditChain.hash(
                    previous: previous, sequence: sequence, atMilliseconds: milliseconds, actor: actor,
                    action: action, subject: subject))
            try await sql.raw(
                """
                INSERT INTO audit_log (sequence, at_ms, actor, action, subject, hash)
                VALUES (\(bind: entry.sequence), \(bind: entry.atMilliseconds), \(bind: actor), \(bind: action),
                    \(bind: subject), \(bind: entry.hash))
                """
            ).run()
            return entry
        }
    }

    /// Every entry in sequence order.
    public func entries() async throws -> [AuditEntry] {
        try await database.sql.raw(
            "SELECT sequence, at_ms, actor, action, subject, hash FROM audit_log ORDER BY sequence"
        ).all().map { row in
            AuditEntry(
                sequence: try row.decode(column: "sequence", as: Int.self),
                atMilliseconds: try row.decode(column: "at_ms", as: Int64.self),
                actor: try row.decode(column: "actor", as: String.self),
                action: try row.decode(column: "action", as: String.self),
                subject: try row.decode(column: "subject", as: String.self),
                hash: try row.decode(column: "hash", as: String.self))
        }
    }

    /// An arbitrary constant naming the audit log's lock among PostgreSQL's advisory locks.
    private static let appendLock: Int64 = 0x4163_756D_656E
}
