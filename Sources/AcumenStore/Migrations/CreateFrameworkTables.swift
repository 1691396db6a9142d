import FluentKit
import SQLKit

/// Framework content is archived, never deleted: foreign keys restrict deletes so that a
/// rating can never lose the competency or behaviour it refers to.
struct CreateFrameworkTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FrameworkRow.schema)
            .id()
            .field("lineage_id", .uuid, .required)
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("owner", .string, .required)
            .field("levels", .array(of: .string), .required)
            .field("published_at", .datetime)
            .field("retired_at", .datetime)
            .timestamps()
            .field("archived_at", .datetime)
            .unique(on: "lineage_id", "version")
            .create()
        try await database.schema(FrameworkCategoryRow.schema)
            .id()
            .field("framework_id", .uuid, .required, .references(FrameworkRow.schema, "id", onDelete: .restrict))
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("position", .int, .required)
            .timestamps()
            .field("archived_at", .datetime)
            .create()
        try await database.schema(CompetencyRow.schema)
            .id()
            .field("framework_id", .uuid, .required, .references(FrameworkRow.schema, "id", onDelete: .restrict))
            .field(
                "category_id", .uuid, .required, .references(FrameworkCategoryRow.schema, "id", onDelete: .restrict)
            )
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("position", .int, .required)
            .timestamps()
            .field("archived_at", .datetime)
            .create()
        try await database.schema(BehaviourRow.schema)
            .id()
            .field("competency_id", .uuid, .required, .references(CompetencyRow.schema, "id", onDelete: .restrict))
            .field("level", .int, .required)
            .field("position", .int, .required)
            .field("text", .string, .required)
            .timestamps()
            .field("archived_at", .datetime)
            .create()
        try await database.schema(RoleProfileRow.schema)
            .id()
            .field("framework_id", .uuid, .required, .references(FrameworkRow.schema, "id", onDelete: .restrict))
            .field("name", .string, .required)
            .field("job_role", .string, .required)
            .field("minimum_tenure_months", .int, .required)
            .field("maximum_tenure_months", .int)
            .field("targets", .json, .required)
            .timestamps()
            .unique(on: "framework_id", "name")
            .create()
        try await database.schema(FrameworkReviewerRow.schema)
            .id()
            .field("framework_id", .uuid, .required, .references(FrameworkRow.schema, "id", onDelete: .restrict))
            .field("user_id", .uuid, .required, .references(UserRow.schema, "id", onDelete: .restrict))
            .timestamps()
            .unique(on: "framework_id", "user_id")
            .create()
        try await database.schema(ReviewCommentRow.schema)
            .id()
            .field("framework_id", .uuid, .required, .references(FrameworkRow.schema, "id", onDelete: .restrict))
            .field("competency_id", .uuid, .required, .references(CompetencyRow.schema, "id", onDelete: .restrict))
            .field("author_id", .uuid, .required, .references(UserRow.schema, "id", onDelete: .restrict))
            .field("body", .string, .required)
            .field("resolved_at", .datetime)
            .field("resolved_by_id", .uuid, .references(UserRow.schema, "id", onDelete: .restrict))
            .timestamps()
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            ReviewCommentRow.schema, FrameworkReviewerRow.schema, RoleProfileRow.schema,
            BehaviourRow.schema, CompetencyRow.schema, FrameworkCategoryRow.schema, FrameworkRow.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}

/// Indexes for the lookups every page makes.
struct CreateIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let indexes = [
            ("people_supervisor_idx", PersonRow.schema, "supervisor_id"),
            ("categories_framework_idx", FrameworkCategoryRow.schema, "framework_id"),
            ("competencies_framework_idx", CompetencyRow.schema, "framework_id"),
            ("behaviours_competency_idx", BehaviourRow.schema, "competency_id"),
            ("comments_framework_idx", ReviewCommentRow.schema, "framework_id"),
            ("sessions_expiry_idx", WebSessionRow.schema, "expires_at"),
        ]
        for (name, table, column) in indexes {
            try await sql.create(index: name).on(table).column(column).run()
        }
    }

    func revert(on database: any Database) async throws {}
}
