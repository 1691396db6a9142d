import FluentKit

struct CreateOrganisationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationRow.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .timestamps()
            .unique(on: "name")
            .create()
        try await database.schema(LocationRow.schema)
            .id()
            .field("city", .string, .required)
            .field("country", .string, .required)
            .timestamps()
            .unique(on: "city", "country")
            .create()
        try await database.schema(TeamRow.schema)
            .id()
            .field("name", .string, .required)
            .field(
                "organisation_id", .uuid, .required, .references(OrganisationRow.schema, "id", onDelete: .restrict)
            )
            .timestamps()
            .unique(on: "organisation_id", "name")
            .create()
        try await database.schema(PersonRow.schema)
            .id()
            .field(
                "organisation_id", .uuid, .required, .references(OrganisationRow.schema, "id", onDelete: .restrict)
            )
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("job_title", .string, .required)
            .field("hire_date", .string, .required)
            .field("location_id", .uuid, .references(LocationRow.schema, "id", onDelete: .restrict))
            .field("team_id", .uuid, .references(TeamRow.schema, "id", onDelete: .restrict))
            .field("supervisor_id", .uuid, .references(PersonRow.schema, "id", onDelete: .restrict))
            .field("employment_status", .string, .required)
            .field("end_date", .string)
            .timestamps()
            .unique(on: "email")
            .create()
        try await database.schema(EmploymentEventRow.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonRow.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("date", .string, .required)
            .field("from_title", .string, .required)
            .field("to_title", .string, .required)
            .timestamps()
            .unique(on: "person_id", "kind", "date")
            .create()
        try await database.schema(AccountRow.schema)
            .id()
            .field("name", .string, .required)
            .field("customer_id", .uuid, .required, .references(OrganisationRow.schema, "id", onDelete: .restrict))
            .field("account_manager_id", .uuid, .required, .references(PersonRow.schema, "id", onDelete: .restrict))
            .timestamps()
            .unique(on: "name")
            .create()
        try await database.schema(AccountMemberRow.schema)
            .id()
            .field("account_id", .uuid, .required, .references(AccountRow.schema, "id", onDelete: .restrict))
            .field("person_id", .uuid, .required, .references(PersonRow.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .timestamps()
            .unique(on: "account_id", "person_id", "kind")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            AccountMemberRow.schema, AccountRow.schema, EmploymentEventRow.schema, PersonRow.schema,
            TeamRow.schema, LocationRow.schema, OrganisationRow.schema,
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
