import FluentKit
import SQLKit

/// Each submitted attempt keeps its questions' marks folded into one text beside it, so that a
/// check's analysis and export read one row per attempt. Attempts submitted before have none
/// and are folded from their questions when read.
struct KeepAttemptMarks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE check_attempts ADD COLUMN marks TEXT").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE check_attempts DROP COLUMN marks").run()
    }
}
