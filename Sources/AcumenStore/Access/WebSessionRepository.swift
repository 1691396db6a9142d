import FluentKit
import Foundation
import SQLKit

/// Server-side browser sessions, stored in the database so that several app servers share them.
/// Sessions are found by a hash of the cookie value.
public struct WebSessionRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func create(tokenHash: String, data: String, expiresAt: Date) async throws {
        let session = WebSessionRow()
        session.tokenHash = tokenHash
        session.data = data
        session.expiresAt = expiresAt
        try await session.create(on: database)
    }

    /// The session's data, or nil when there is none or it has expired. Read with plain SQL:
    /// every signed-in request asks, and a Fluent model costs more than the query.
    public func data(tokenHash: String, now: Date = Date()) async throws -> String? {
        try await database.sql.select().column("data").from(WebSessionRow.schema)
            .where("token_hash", .equal, tokenHash).where("expires_at", .greaterThan, now)
            .first()?.decode(column: "data", as: String.self)
    }

    /// Replaces the session's data; its expiry stays as it was set at sign-in.
    public func update(tokenHash: String, data: String) async throws {
        try await WebSessionRow.query(on: database).filter(\.$tokenHash == tokenHash)
            .set(\.$data, to: data).update()
    }

    public func delete(tokenHash: String) async throws {
        try await WebSessionRow.query(on: database).filter(\.$tokenHash == tokenHash).delete()
    }

    public func deleteExpired(now: Date = Date()) async throws {
        try await WebSessionRow.query(on: database).filter(\.$expiresAt <= now).delete()
    }
}
