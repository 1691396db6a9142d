import FluentKit
import SQLKit

/// Cycles remember the day they were closed, which may be before the planned closing day: a
/// rater who follows their link afterwards is told when answers really stopped.
struct CycleClosingDay: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE assessment_cycles ADD COLUMN closed_on TEXT").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE assessment_cycles DROP COLUMN closed_on").run()
    }
}
