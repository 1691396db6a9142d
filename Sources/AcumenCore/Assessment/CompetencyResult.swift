/// One internal rating as results need it: who rated, which competency, which level.
public struct LevelRating: Hashable, Sendable {
    public var source: RaterSource
    public var competencyCode: String
    /// Nil when the rater marked the competency as not observed: counted, but not averaged.
    public var level: Int?

    public init(source: RaterSource, competencyCode: String, level: Int?) {
        self.source = source
        self.competencyCode = competencyCode
        self.level = level
    }
}

/// Summary statistics of a set of scores.
public struct Spread: Hashable, Sendable {
    public var count: Int
    public var mean: Double
    public var minimum: Double
    public var maximum: Double
    /// Population standard deviation: the spread of these answers, not an estimate for others.
    public var standardDeviation: Double

    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        count = values.count
        mean = values.reduce(0, +) / Double(values.count)
        minimum = values.min()!
        maximum = values.max()!
        let mean = self.mean
        standardDeviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
    }
}

/// How self-assessment compares with what others see.
public enum SelfOtherGap: String, Hashable, Sendable {
    /// Self rates higher than others: something the account manager may not see in themselves.
    case blindSpot
    /// Self rates lower than others: a strength the account manager underrates.
    case hiddenStrength
    case aligned
}

/// The internal ratings of one competency for one account manager, grouped as the disclosure plan allows.
public struct CompetencyResult: Hashable, Sendable {
    public var competencyCode: String
    public var target: Int?
    /// Level statistics per source shown on its own.
    public var bySource: [RaterSource: Spread]
    /// Statistics of the "all other raters" group, when the plan shows one.
    public var otherRaters: Spread?
    /// Everyone except self whose ratings may be shown: the basis for gaps.
    public var others: Spread?
    public var notObserved: Int

    /// Target minus what others see; positive means the account manager is below target.
    public var gap: Double? { CompetencyGap.size(target: target, current: others?.mean) }

    /// A difference of half a level or more between self and others is worth a conversation.
    public static let selfOtherThreshold = 0.5

    public var selfOtherGap: SelfOtherGap? {
        guard let me = bySource[.self]?.mean, let others = others?.mean else { return nil }
        if me - others >= Self.selfOtherThreshold { return .blindSpot }
        if others - me >= Self.selfOtherThreshold { return .hiddenStrength }
        return .aligned
    }

    /// Builds the result from every rating of the competency, following the disclosure plan:
    /// withheld groups contribute to nothing shown, rolled-up groups only to "all other raters".
    public static func compute(
        competencyCode: String, ratings: [LevelRating], target: Int?, plan: DisclosurePlan
    ) -> CompetencyResult {
        let mine = ratings.filter { $0.competencyCode == competencyCode }
        func levels(_ sources: [RaterSource]) -> [Double] {
            mine.filter { sources.contains($0.source) }.compactMap { $0.level.map(Double.init) }
        }
        var bySource: [RaterSource: Spread] = [:]
        for group in plan.groups where group.decision == .shown {
            bySource[group.source] = Spread(levels([group.source]))
        }
        let shownOthers = plan.groups.filter { $0.decision == .shown && $0.source != .self }.map(\.source)
        return CompetencyResult(
            competencyCode: competencyCode, target: target, bySource: bySource,
            otherRaters: plan.otherRaters.isEmpty ? nil : Spread(levels(plan.otherRaters)),
            others: Spread(levels(shownOthers + plan.otherRaters)),
            notObserved: mine.filter { $0.level == nil }.count)
    }
}
