import FluentKit
import Foundation
import SQLKit

/// Password-reset links: issued to an enabled user's e-mail, good once, for a limited time.
public struct PasswordResetRepository: Sendable {
    static let schema = "password_resets"
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Records a link for the user unless `limit` links were already issued to them within
    /// `window` (so that a stranger typing someone's address cannot fill their inbox); returns
    /// whether it was recorded.
    public func issue(
        userID: UUID, tokenHash: String, lifetime: TimeInterval, limit: Int, window: TimeInterval,
        now: Date = Date()
    ) async throws -> Bool {
        try await database.writeTransaction { database in
            let sql = database.sql
            // The user's row is locked first, so that requests at the same moment count each
            // other's links rather than all finding room for one more.
            try await sql.raw("SELECT id FROM users WHERE id = \(bind: userID)\(sql.lockRows)").run()
            let recent =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(Self.schema).where("user_id", .equal, userID)
                .where("created_at", .greaterThan, now.addingTimeInterval(-window))
                .first()?.decode(column: "n", as: Int.self) ?? 0
            guard recent < limit else { return false }
            try await sql.delete(from: Self.schema).where("expires_at", .lessThan, now).run()
            try await sql.insert(into: Self.schema)
                .columns("id", "user_id", "token_hash", "created_at", "expires_at")
                .values(
                    SQLBind(UUID()), SQLBind(userID), SQLBind(tokenHash), SQLBind(now),
                    SQLBind(now.addingTimeInterval(lifetime))
                ).run()
            return true
        }
    }

    /// Whether the link can still be used: issued, unused, unexpired, and its user enabled.
    public func isUsable(tokenHash: String, now: Date = Date()) async throws -> Bool {
        try await database.sql.raw(
            """
            SELECT r.id FROM password_resets r JOIN users u ON u.id = r.user_id
            WHERE r.token_hash = \(bind: tokenHash) AND r.used_at IS NULL AND r.expires_at > \(bind: now)
                AND u.disabled_at IS NULL
            """
        ).first() != nil
    }

    /// Uses the link: sets the user's password, makes every other link of theirs unusable and
    /// ends all their sessions and API tokens, in one transaction. The link is marked used by a
    /// conditional update, so of two requests racing with one link only one sets a password.
    /// Returns the user whose password was set, or nil when the link cannot be used.
    public func redeem(tokenHash: String, passwordHash: String, now: Date = Date()) async throws -> UUID? {
        try await database.writeTransaction { database in
            let sql = database.sql
            guard
                let userID = try await sql.raw(
                    """
                    UPDATE password_resets SET used_at = \(bind: now)
                    WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at > \(bind: now)
                        AND user_id IN (SELECT id FROM users WHERE disabled_at IS NULL)
                    RETURNING user_id
                    """
                ).first()?.decode(column: "user_id", as: UUID.self)
            else { return nil }
            try await sql.update(UserRow.schema).set("password_hash", to: SQLBind(passwordHash))
                .set("updated_at", to: SQLBind(now)).where("id", .equal, userID).run()
            try await sql.update(Self.schema).set("used_at", to: SQLBind(now))
                .where("user_id", .equal, userID).where("used_at", .is, SQLLiteral.null).run()
            try await WebSessionRepository(database: database).endSessions(userID: userID)
            return userID
        }
    }
}
