import FluentKit
import SQLKit

/// Why each person who left did so (voluntary or involuntary), for voluntary turnover. Null
/// for people still there and for leavers whose reason was never recorded.
struct PeopleLeavingReason: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE people ADD COLUMN leaving_reason TEXT").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE people DROP COLUMN leaving_reason").run()
    }
}
