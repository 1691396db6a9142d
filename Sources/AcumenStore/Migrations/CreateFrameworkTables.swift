import FluentKit
import SQLKit

/// Framework content is archived, never deleted: foreign keys restrict deletes so that a
/// rating can never lose the competency or behaviour it refers to.
struct CreateFrameworkTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FrameworkModel.schema)
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
        try await database.schema(FrameworkCategoryModel.schema)
            .id()
            .field("framework_id", .uuid, .required, .references(FrameworkModel.schema, "id", onDelete: .restrict))
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("position", .int, .required)
            .timestamps()
            .field("archived_at", .datetime)
            .create()
        try await database.schema(CompetencyModel.schema)
            .id()
            .field("framework_id", .uuid, .required, .references(FrameworkModel.schema, "id", onDelete: .restrict))
            .field(
                "category_id", .uuid, .required, .references(FrameworkCategoryModel.schema, "id", onDelete: .restrict)
            )
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("position", .int, .required)
            .timestamps()
            .field("archived_at", .datetime)
            .create()
        try await database.schema(BehaviourModel.schema)
            .id()
            .field("competency_id", .uuid, .required, .references(CompetencyModel.schema, "id", onDelete: .restrict))
            .field("level", .int, .required)
            .field("position", .int, .required)
            .field("text", .string, .required)
            .timestamps()
            .field("archived_at", .datetime)
            .create()
        try await database.schema(RoleProfileModel.schema)
            .id()
            .field("framework_id", .uuid, .required, .references(FrameworkModel.schema, "id", onDelete: .restrict))
            .field("name", .string, .required)
            .field("job_role", .string, .required)
            .field("minimum_tenure_months", .int, .required)
            .field("maximum_tenure_months", .int)
            .field("targets", .json, .required)
            .timestamps()
            .unique(on: "framework_id", "name")
            .create()
        try await database.schema(FrameworkReviewerModel.schema)
            .id()
            .field("framework_id", .uuid, .required, .references(FrameworkModel.schema, "id", onDelete: .restrict))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .restrict))
            .timestamps()
            .unique(on: "framework_id", "user_id")
            .create()
        try await database.schema(ReviewCommentModel.schema)
            .id()
            .field("framework_id", .uuid, .required, .references(FrameworkModel.schema, "id", onDelete: .restrict))
            .field("competency_id", .uuid, .required, .references(CompetencyModel.schema, "id", onDelete: .restrict))
            .field("author_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .restrict))
            .field("body", .string, .required)
            .field("resolved_at", .datetime)
            .field("resolved_by_id", .uuid, .references(UserModel.schema, "id", onDelete: .restrict))
            .timestamps()
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            ReviewCommentModel.schema, FrameworkReviewerModel.schema, RoleProfileModel.schema,
            BehaviourModel.schema, CompetencyModel.schema, FrameworkCategoryModel.schema, FrameworkModel.schema,
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
            ("people_supervisor_idx", PersonModel.schema, "supervisor_id"),
            ("categories_framework_idx", FrameworkCategoryModel.schema, "framework_id"),
            ("competencies_framework_idx", CompetencyModel.schema, "framework_id"),
            ("behaviours_competency_idx", BehaviourModel.schema, "competency_id"),
            ("comments_framework_idx", ReviewCommentModel.schema, "framework_id"),
            ("sessions_expiry_idx", WebSessionModel.schema, "expires_at"),
        ]
        for (name, table, column) in indexes {
            try await sql.create(index: name).on(table).column(column).run()
        }
    }

    func revert(on database: any Database) async throws {}
}
