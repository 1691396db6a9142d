import FluentKit
import SQLKit

/// Each browser session row names its user, so that a user's sessions can be ended together
/// (an administrator's "end sessions", a changed password). Sessions begun before have no user
/// here and end by their expiry.
struct SessionsKnowTheirUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE web_sessions ADD COLUMN user_id UUID").run()
        try await database.sql.raw("CREATE INDEX web_sessions_user_idx ON web_sessions (user_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX web_sessions_user_idx").run()
        try await database.sql.raw("ALTER TABLE web_sessions DROP COLUMN user_id").run()
    }
}
