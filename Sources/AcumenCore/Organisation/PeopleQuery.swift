import Foundation

/// A search through the people list: words to find (in name, e-mail, job title, team, location
/// or organisation, ignoring case and accents), who to include, and which page to show.
public struct PeopleQuery: Hashable, Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case active, left, all
    }

    public enum Kind: String, Sendable, CaseIterable {
        case all, vendor, customer
    }

    public var text: String
    public var status: Status
    public var kind: Kind
    /// From 1.
    public var page: Int

    public static let pageSize = 50

    public init(text: String = "", status: Status = .active, kind: Kind = .all, page: Int = 1) {
        self.text = String(text.prefix(200))
        self.status = status
        self.kind = kind
        self.page = max(1, page)
    }

    public typealias Result = PageOfResults<PersonSummary>

    /// The page asked for, or the last one when it asks beyond the end.
    public func apply(to people: [PersonSummary]) -> Result {
        let search = TextSearch(text)
        let matching = people.filter { person in
            switch status {
            case .active: guard person.status == .active else { return false }
            case .left: guard person.status == .left else { return false }
            case .all: break
            }
            switch kind {
            case .vendor: guard person.organisationKind == .vendor else { return false }
            case .customer: guard person.organisationKind == .customer else { return false }
            case .all: break
            }
            return search.matches(
                [person.name, person.email, person.jobTitle, person.team, person.location, person.organisation])
        }
        return Result(matching, page: page, size: Self.pageSize)
    }
}
