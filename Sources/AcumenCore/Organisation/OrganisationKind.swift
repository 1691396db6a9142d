/// Whether an organisation employs the account managers or buys their services.
public enum OrganisationKind: String, Codable, Sendable, CaseIterable {
    case vendor
    case customer
}
