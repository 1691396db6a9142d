/// The smallest groups a cycle's results may show, per rater source and for comments.
///
/// Self and supervisor are named sources: one response is enough to show them. Peers and
/// customers answer anonymously and are shown only as groups of at least their minimum.
public struct AnonymityRules: Codable, Hashable, Sendable {
    public var minimumPeers: Int
    public var minimumCustomers: Int
    /// Comments can identify a writer more easily than scores, so they have their own minimum.
    public var minimumForComments: Int

    public init(minimumPeers: Int = 3, minimumCustomers: Int = 3, minimumForComments: Int = 3) {
        self.minimumPeers = minimumPeers
        self.minimumCustomers = minimumCustomers
        self.minimumForComments = minimumForComments
    }

    public static let standard = AnonymityRules()

    public func minimum(for source: RaterSource) -> Int {
        switch source {
        case .self, .supervisor: 1
        case .peer: minimumPeers
        case .customer: minimumCustomers
        }
    }

    /// Whether these rules protect at least as well as `current` in every respect. Once a
    /// cycle is open, raters have answered under its rules, so rules may only get stricter.
    public func isAtLeastAsStrict(as current: AnonymityRules) -> Bool {
        minimumPeers >= current.minimumPeers && minimumCustomers >= current.minimumCustomers
            && minimumForComments >= current.minimumForComments
    }

    /// What is wrong with these rules, if anything: a minimum below 2 would show single anonymous answers.
    public var problems: [String] { fieldProblems.map(\.message) }

    /// The same problems, each located by the name of the setting's field.
    public var fieldProblems: [ValidationProblem] {
        [
            ("minimumPeers", CycleProblemMessage.minimumPeers, minimumPeers),
            ("minimumCustomers", .minimumCustomers, minimumCustomers),
            ("minimumForComments", .minimumComments, minimumForComments),
        ].filter { !(2...50).contains($0.2) }.map { field, message, value in
            ValidationProblem(location: field, wording: CatalogueText(message, ["value": "\(value)"]))
        }
    }
}
