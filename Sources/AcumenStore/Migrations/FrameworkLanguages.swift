import FluentKit
import SQLKit

/// A framework version knows the language it is written in (an imported one keeps its
/// package's) and carries translations of its texts into the languages readers choose.
struct FrameworkLanguages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE frameworks ADD COLUMN language TEXT").run()
        try await database.sql.raw("ALTER TABLE frameworks ADD COLUMN translations TEXT").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE frameworks DROP COLUMN translations").run()
        try await database.sql.raw("ALTER TABLE frameworks DROP COLUMN language").run()
    }
}
