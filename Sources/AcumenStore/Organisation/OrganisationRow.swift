import AcumenCore
import FluentKit
import Foundation

final class OrganisationRow: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: OrganisationKind
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(name: String, kind: OrganisationKind) {
        self.name = name
        self.kind = kind
    }
}
