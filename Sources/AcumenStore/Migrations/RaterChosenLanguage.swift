import FluentKit
import SQLKit

/// The language a rater chose on their form, kept apart from the one the programme chose for
/// them: programme staff see their own choice, never the rater's, which would tell them that an
/// anonymous rater opened the form.
struct RaterChosenLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE invitations ADD COLUMN rater_language TEXT").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE invitations DROP COLUMN rater_language").run()
    }
}
