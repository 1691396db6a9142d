import FluentKit
import SQLKit

/// The language each reader chose: a user's preference, an invitation's (set by a programme
/// manager or by the rater on the form) and an account's, which its customers' invitations
/// follow unless they have their own. Empty means "not chosen": the browser's language or the
/// organisation's default applies.
struct ReadersLanguages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for table in ["users", "invitations", "accounts"] {
            try await database.sql.raw("ALTER TABLE \(unsafeRaw: table) ADD COLUMN language TEXT").run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["users", "invitations", "accounts"] {
            try await database.sql.raw("ALTER TABLE \(unsafeRaw: table) DROP COLUMN language").run()
        }
    }
}
