import Foundation

/// A released report in one glance, for the account manager's home page: where others see them
/// strongest and where they most need to grow, and what moved since their previous report.
///
/// "Others" are everyone but the account manager (peers, supervisor, customers as the report
/// counts them), because a strength only the person sees is not yet one. With role-profile
/// targets, development areas are the competencies furthest below target; without them, the
/// lowest levels others gave.
public struct ReportGlance: Hashable, Sendable {
    public struct Change: Hashable, Sendable {
        public var competencyCode: String
        /// Levels gained (positive) or lost since the previous report, as others see it.
        public var levels: Double
    }

    public var strengths: [String]
    public var developmentAreas: [String]
    /// Competencies that moved by at least `noticeableChange`, largest move first.
    public var changes: [Change]
    /// Whether there was a previous report to compare with.
    public var hasPrevious: Bool

    /// How many competencies each list shows: enough to act on, few enough to remember.
    public static let listLength = 3
    /// The smallest move worth mentioning: half a level, since a mean of a few raters moves
    /// by a fraction of a level when one rater changes their mind.
    public static let noticeableChange = 0.5

    public init(report: PersonReport, previous: PersonReport?) {
        let seen = Self.levelsOthersSee(report)
        let targets = report.rows.reduce(into: [String: Int]()) { targets, row in
            if let target = row.competency.target { targets[row.competency.competencyCode] = target }
        }
        let byLevel = seen.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        if targets.isEmpty {
            let top = Array(byLevel.prefix(Self.listLength))
            strengths = top
            developmentAreas = Array(byLevel.reversed().filter { !top.contains($0) }.prefix(Self.listLength))
        } else {
            let gaps = report.gaps
            let below = gaps.filter { $0.standing == .below }.prefix(Self.listLength).map(\.competencyCode)
            let met = Set(gaps.filter { $0.standing != .below }.map(\.competencyCode))
            developmentAreas = below
            strengths = Array(byLevel.filter { met.contains($0) }.prefix(Self.listLength))
        }
        hasPrevious = previous != nil
        guard let previous else {
            changes = []
            return
        }
        let before = Self.levelsOthersSee(previous)
        changes = seen.compactMap { code, level in
            before[code].map { Change(competencyCode: code, levels: level - $0) }
        }.filter { abs($0.levels) >= Self.noticeableChange }
            .sorted { (abs($0.levels), $1.competencyCode) > (abs($1.levels), $0.competencyCode) }
    }

    private static func levelsOthersSee(_ report: PersonReport) -> [String: Double] {
        report.rows.reduce(into: [:]) { levels, row in
            if let others = row.competency.others { levels[row.competency.competencyCode] = others.mean }
        }
    }
}
