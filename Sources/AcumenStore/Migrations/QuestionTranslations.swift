import FluentKit
import SQLKit

/// Each question of a cycle keeps its translations (a JSON object from language tag to text),
/// so that a customer reads the question in their language and the answer still counts for it.
struct QuestionTranslations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE cycle_questions ADD COLUMN translations TEXT").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE cycle_questions DROP COLUMN translations").run()
    }
}
