import FluentKit

/// Password-reset links sent by e-mail. Only a digest of each link's secret is kept, so a copy
/// of the database cannot be used to set anyone's password.
struct CreatePasswordResets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PasswordResetRepository.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRow.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PasswordResetRepository.schema).delete()
    }
}
