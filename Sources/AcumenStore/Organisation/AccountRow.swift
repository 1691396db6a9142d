import FluentKit
import Foundation

final class AccountRow: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Parent(key: "customer_id") var customer: OrganisationRow
    @Parent(key: "account_manager_id") var accountManager: PersonRow
    /// The language this account's customers get their forms and e-mails in, unless one is
    /// chosen for their invitation or by them.
    @OptionalField(key: "language") var language: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// Someone besides the account manager who belongs to an account: a vendor team member
/// or a reviewer from the customer.
final class AccountMemberRow: Model, @unchecked Sendable {
    static let schema = "account_members"

    enum Kind: String, Codable {
        case member
        case reviewer
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "account_id") var account: AccountRow
    @Parent(key: "person_id") var person: PersonRow
    @Field(key: "kind") var kind: Kind
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(accountID: UUID, personID: UUID, kind: Kind) {
        self.$account.id = accountID
        self.$person.id = personID
        self.kind = kind
    }
}
