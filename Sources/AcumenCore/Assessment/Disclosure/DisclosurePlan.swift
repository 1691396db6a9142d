/// How each rater group of one report is shown: on its own, rolled into "all other raters",
/// or withheld, and whether its comments may be shown. Reports follow the plan; nothing is
/// silently dropped, because the plan says what happened to every group. Plans are made by
/// `DisclosureGate`, which knows the cycle's phase and its slice catalogue.
public struct DisclosurePlan: Hashable, Sendable {
    public enum Decision: Hashable, Sendable {
        /// Shown as its own group.
        case shown
        /// Too small alone; shown only inside the "all other raters" group.
        case rolledUp
        /// Too small even together with the other small groups; not shown at all.
        case withheld
        /// An anonymous group of a cycle that is still collecting answers: nothing about it,
        /// not even how many have answered, is shown until the cycle closes.
        case afterClose

        /// The decision's name in the API.
        public var code: String {
            switch self {
            case .shown: "shown"
            case .rolledUp: "rolledUp"
            case .withheld: "withheld"
            case .afterClose: "afterClose"
            }
        }
    }

    public struct Group: Hashable, Sendable {
        public var source: RaterSource
        public var responses: Int
        public var decision: Decision
        public var showsComments: Bool
    }

    public var groups: [Group]
    /// The sources combined into "all other raters", when that group is shown.
    public var otherRaters: [RaterSource]
    public var otherRatersResponses: Int
    public var otherRatersShowComments: Bool

    public func decision(for source: RaterSource) -> Decision? {
        groups.first { $0.source == source }?.decision
    }

    /// Decides how to show groups with these response counts.
    ///
    /// Only anonymous groups below their minimum are combined, and never with a named source
    /// or a group shown on its own: otherwise subtracting the known parts from the combined
    /// result would reveal the small group. For the same reason no report may show an
    /// aggregate that includes a withheld group.
    public static func plan(responses: [RaterSource: Int], rules: AnonymityRules) -> DisclosurePlan {
        var groups: [Group] = []
        var small: [RaterSource] = []
        for source in RaterSource.allCases {
            let count = responses[source] ?? 0
            guard count > 0 else { continue }
            if count >= rules.minimum(for: source) {
                let comments = !source.isAnonymous || count >= rules.minimumForComments
                groups.append(Group(source: source, responses: count, decision: .shown, showsComments: comments))
            } else {
                small.append(source)
                groups.append(Group(source: source, responses: count, decision: .withheld, showsComments: false))
            }
        }
        let combined = small.reduce(0) { $0 + (responses[$1] ?? 0) }
        // The combined group must meet the strictest minimum of the groups it hides.
        let needed = small.map { rules.minimum(for: $0) }.max() ?? Int.max
        // A single small group "combined" with nothing else is still just that group.
        guard small.count > 1, combined >= needed else {
            return DisclosurePlan(
                groups: groups, otherRaters: [], otherRatersResponses: 0, otherRatersShowComments: false)
        }
        for index in groups.indices where small.contains(groups[index].source) {
            groups[index].decision = .rolledUp
        }
        return DisclosurePlan(
            groups: groups, otherRaters: small, otherRatersResponses: combined,
            otherRatersShowComments: combined >= rules.minimumForComments)
    }
}
