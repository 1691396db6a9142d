import Foundation

/// A customer account with the people on both sides of it.
public struct AccountSummary: Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var customer: String
    public var accountManagerID: UUID
    public var accountManagerName: String
    public var memberNames: [String]
    public var reviewerNames: [String]
    /// The language chosen for the account's customers; nil follows each one's browser.
    public var language: Language?

    public init(
        id: UUID, name: String, customer: String, accountManagerID: UUID, accountManagerName: String,
        memberNames: [String], reviewerNames: [String], language: Language? = nil
    ) {
        self.language = language
        self.id = id
        self.name = name
        self.customer = customer
        self.accountManagerID = accountManagerID
        self.accountManagerName = accountManagerName
        self.memberNames = memberNames
        self.reviewerNames = reviewerNames
    }
}
