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

    /// - Parameter userID: the signed-in user the session belongs to, if any.
    public func create(tokenHash: String, data: String, expiresAt: Date, userID: UUID? = nil) async throws {
        try await database.sql.insert(into: WebSessionRow.schema)
            .columns("id", "token_hash", "data", "expires_at", "created_at", "updated_at", "user_id")
            .values(
                SQLBind(UUID()), SQLBind(tokenHash), SQLBind(data), SQLBind(expiresAt), SQLBind(Date()),
                SQLBind(Date()), SQLBind(userID)
            ).run()
    }

    /// The session's data, or nil when there is none or it has expired. Read with plain SQL:
    /// every signed-in request asks, and a Fluent model costs more than the query.
    public func data(tokenHash: String, now: Date = Date()) async throws -> String? {
        try await database.sql.select().column("data").from(WebSessionRow.schema)
            .where("token_hash", .equal, tokenHash).where("expires_at", .greaterThan, now)
            .first()?.decode(column: "data", as: String.self)
    }

    /// Replaces the session's data and user; its expiry stays as it was set at sign-in.
    public func update(tokenHash: String, data: String, userID: UUID? = nil) async throws {
        try await database.sql.update(WebSessionRow.schema).set("data", to: SQLBind(data))
            .set("user_id", to: SQLBind(userID)).set("updated_at", to: SQLBind(Date()))
            .where("token_hash", .equal, tokenHash).run()
    }

    /// Ends every browser session of the user but the one kept (the session of someone
    /// changing their own password), and every API token of theirs; returns how many sessions ended.
    @discardableResult
    public func endSessions(userID: UUID, keeping kept: String? = nil) async throws -> Int {
        try await database.transaction { database in
            let sql = database.sql
            let ended = try await sql.raw(
                """
                DELETE FROM web_sessions WHERE user_id = \(bind: userID)
                    AND token_hash <> \(bind: kept ?? "") RETURNING id
                """
            ).all().count
            try await sql.raw("DELETE FROM api_tokens WHERE user_id = \(bind: userID)").run()
            return ended
        }
    }

    public func delete(tokenHash: String) async throws {
        try await WebSessionRow.query(on: database).filter(\.$tokenHash == tokenHash).delete()
    }

    public func deleteExpired(now: Date = Date()) async throws {
        try await WebSessionRow.query(on: database).filter(\.$expiresAt <= now).delete()
    }
}
