/// What may be said about how many raters have answered while a cycle collects answers.
///
/// Named sources (self, supervisor) answer under their name, so whether they have answered is
/// shown as it is. For an anonymous source an exact count would change with each submission, and
/// reading it before and after one rater's visit would tell that they answered; so only whether
/// the group has reached its minimum is shown, and cycle-wide totals are rounded down.
public enum ResponseProgress: Hashable, Sendable {
    case answered(Int)
    case minimumReached
    case belowMinimum

    public static func of(source: RaterSource, count: Int, rules: AnonymityRules) -> ResponseProgress {
        guard source.isAnonymous else { return .answered(count) }
        return count >= rules.minimum(for: source) ? .minimumReached : .belowMinimum
    }

    /// The granularity of cycle-wide totals of anonymous responses while a cycle is open.
    public static let totalStep = 10

    /// A cycle-wide total of anonymous responses, rounded down to a multiple of `totalStep`.
    public static func roundedTotal(_ count: Int) -> Int {
        count - count % totalStep
    }

    public var text: String {
        switch self {
        case .answered(let count): count == 0 ? "not yet" : "answered"
        case .minimumReached: "enough to be shown"
        case .belowMinimum: "not enough yet"
        }
    }
}
