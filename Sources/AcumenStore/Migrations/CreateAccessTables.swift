import FluentKit

struct CreateAccessTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserRow.schema)
            .id()
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("person_id", .uuid, .references(PersonRow.schema, "id", onDelete: .restrict))
            .field("disabled_at", .datetime)
            .timestamps()
            .unique(on: "email")
            .create()
        try await database.schema(WebSessionRow.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("data", .string, .required)
            .field("expires_at", .datetime, .required)
            .timestamps()
            .unique(on: "token_hash")
            .create()
        try await database.schema(APITokenRow.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRow.schema, "id", onDelete: .restrict))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .timestamps()
            .unique(on: "token_hash")
            .create()
        try await database.schema(LoginThrottleRow.schema)
            .id()
            .field("subject", .string, .required)
            .field("failures", .int, .required)
            .field("window_started_at", .datetime, .required)
            .timestamps()
            .unique(on: "subject")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [LoginThrottleRow.schema, APITokenRow.schema, WebSessionRow.schema, UserRow.schema] {
            try await database.schema(schema).delete()
        }
    }
}
