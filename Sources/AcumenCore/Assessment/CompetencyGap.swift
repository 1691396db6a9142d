/// How far a competency's level falls short of its target: the one definition that reports,
/// learning roadmaps and dashboards share.
///
/// Levels count from 0 (the framework's first level); a gap is measured in levels, and may be
/// fractional when the current level is a mean of several ratings.
public struct CompetencyGap: Hashable, Sendable {
    public var competencyCode: String
    public var target: Int
    public var current: Double

    public init(competencyCode: String, target: Int, current: Double) {
        self.competencyCode = competencyCode
        self.target = target
        self.current = current
    }

    /// Target minus current: positive means below target.
    public var size: Double { Self.size(target: target, current: current) }

    public enum Standing: Hashable, Sendable {
        case below
        case onTarget
        case above
    }

    public var standing: Standing { Self.standing(of: size) }

    /// Target minus current, or nil when either is unknown.
    public static func size(target: Int?, current: Double?) -> Double? {
        guard let target, let current else { return nil }
        return size(target: target, current: current)
    }

    private static func size(target: Int, current: Double) -> Double { Double(target) - current }

    public static func standing(of size: Double) -> Standing {
        size > 0 ? .below : size < 0 ? .above : .onTarget
    }

    /// The gaps of every competency with both a target and a current level, largest shortfall
    /// first (ties by code), so that the first ones are the development areas and the last the strengths.
    public static func gaps(targets: [String: Int], current: [String: Double]) -> [CompetencyGap] {
        current.compactMap { code, level in
            targets[code].map { CompetencyGap(competencyCode: code, target: $0, current: level) }
        }.sorted { ($0.size, $1.competencyCode) > ($1.size, $0.competencyCode) }
    }
}
