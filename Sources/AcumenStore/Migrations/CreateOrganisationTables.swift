import FluentKit

struct CreateOrganisationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .timestamps()
            .unique(on: "name")
            .create()
        try await database.schema(LocationModel.schema)
            .id()
            .field("city", .string, .required)
            .field("country", .string, .required)
            .timestamps()
            .unique(on: "city", "country")
            .create()
        try await database.schema(TeamModel.schema)
            .id()
            .field("name", .string, .required)
            .field(
                "organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .restrict)
            )
            .timestamps()
            .unique(on: "organisation_id", "name")
            .create()
        try await database.schema(PersonModel.schema)
            .id()
            .field(
                "organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .restrict)
            )
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("job_title", .string, .required)
            .field("hire_date", .string, .required)
            .field("location_id", .uuid, .references(LocationModel.schema, "id", onDelete: .restrict))
            .field("team_id", .uuid, .references(TeamModel.schema, "id", onDelete: .restrict))
            .field("supervisor_id", .uuid, .references(PersonModel.schema, "id", onDelete: .restrict))
            .field("employment_status", .string, .required)
            .field("end_date", .string)
            .timestamps()
            .unique(on: "email")
            .create()
        try await database.schema(EmploymentEventModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("date", .string, .required)
            .field("from_title", .string, .required)
            .field("to_title", .string, .required)
            .timestamps()
            .unique(on: "person_id", "kind", "date")
            .create()
        try await database.schema(AccountModel.schema)
            .id()
            .field("name", .string, .required)
            .field("customer_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .restrict))
            .field("account_manager_id", .uuid, .required, .references(PersonModel.schema, "id", onDelete: .restrict))
            .timestamps()
            .unique(on: "name")
            .create()
        try await database.schema(AccountMemberModel.schema)
            .id()
            .field("account_id", .uuid, .required, .references(AccountModel.schema, "id", onDelete: .restrict))
            .field("person_id", .uuid, .required, .references(PersonModel.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .timestamps()
            .unique(on: "account_id", "person_id", "kind")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            AccountMemberModel.schema, AccountModel.schema, EmploymentEventModel.schema, PersonModel.schema,
            TeamModel.schema, LocationModel.schema, OrganisationModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}

extension SchemaBuilder {
    /// Every table records when a row was created and last changed.
    func timestamps() -> Self {
        field("created_at", .datetime).field("updated_at", .datetime)
    }
}
