import FluentKit
import SQLKit

/// What an imported framework brings beyond categories and competencies: the items below its
/// competencies (indicators, kept to show and to export again) and where it came from with what
/// its import generated (`frameworks.origin`, JSON), so that its draft can say so and a later
/// version can be fetched from the same place.
struct KeepImportedFrameworks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndicatorRow.schema)
            .id()
            .field("framework_id", .uuid, .required, .references(FrameworkRow.schema, "id", onDelete: .cascade))
            .field("competency_id", .uuid, .required, .references(CompetencyRow.schema, "id", onDelete: .cascade))
            .field("parent_id", .uuid)
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.sql.create(index: "indicators_framework_idx").on(IndicatorRow.schema)
            .column("framework_id").run()
        try await database.sql.raw("ALTER TABLE frameworks ADD COLUMN origin TEXT").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE frameworks DROP COLUMN origin").run()
        try await database.schema(IndicatorRow.schema).delete()
    }
}
