import FluentKit
import Foundation

final class TeamRow: Model, @unchecked Sendable {
    static let schema = "teams"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Parent(key: "organisation_id") var organisation: OrganisationRow
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(name: String, organisationID: UUID) {
        self.name = name
        self.$organisation.id = organisationID
    }
}
