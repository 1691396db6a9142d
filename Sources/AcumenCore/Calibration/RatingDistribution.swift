import Foundation

/// How a set of ratings spreads over the levels, against the programme's guideline that Expert
/// is for the top 10 to 20 per cent. A rater whose Expert share is well above the guideline,
/// beyond what chance explains, is shown as possible rating inflation.
public struct RatingDistribution: Hashable, Sendable {
    /// Ratings per level position, lowest first; "not observed" is not a rating.
    public var counts: [Int]

    public static let expertGuideline = 0.10...0.20
    /// Below this many ratings, no share is called inflated: chance alone moves it too much.
    public static let minimumRatingsForJudgement = 5
    /// How unlikely the Expert count must be under the guideline's upper share.
    public static let significance = 0.05

    public init(levels: [Int], levelCount: Int) {
        var counts = [Int](repeating: 0, count: levelCount)
        for level in levels where counts.indices.contains(level) { counts[level] += 1 }
        self.counts = counts
    }

    public var total: Int { counts.reduce(0, +) }

    public func share(_ level: Int) -> Double? {
        guard total > 0, counts.indices.contains(level) else { return nil }
        return Double(counts[level]) / Double(total)
    }

    /// The top level's share.
    public var expertShare: Double? { share(counts.count - 1) }

    public enum GuidelineReading: Hashable, Sendable {
        case belowGuideline
        case withinGuideline
        case aboveGuideline
    }

    /// Where the Expert share stands against the guideline, read plainly (no test of chance):
    /// what a group dashboard says of a whole population.
    public var guidelineReading: GuidelineReading? {
        guard let share = expertShare else { return nil }
        if share < Self.expertGuideline.lowerBound - 1e-9 { return .belowGuideline }
        if share > Self.expertGuideline.upperBound + 1e-9 { return .aboveGuideline }
        return .withinGuideline
    }

    /// The chance of at least this many Expert ratings if the rater gave Expert to exactly the
    /// guideline's upper share (a one-sided binomial test).
    public var expertExcessProbability: Double? {
        guard total > 0, let last = counts.last else { return nil }
        return Self.binomialUpperTail(successes: last, trials: total, probability: Self.expertGuideline.upperBound)
    }

    public var isPossibleInflation: Bool {
        guard total >= Self.minimumRatingsForJudgement, let probability = expertExcessProbability else { return false }
        return probability < Self.significance
    }

    /// P(X ≥ successes) for X ~ Binomial(trials, probability), summed in logarithms so that
    /// hundreds of trials neither overflow nor lose precision.
    static func binomialUpperTail(successes: Int, trials: Int, probability: Double) -> Double {
        guard successes > 0 else { return 1 }
        guard successes <= trials else { return 0 }
        let logP = log(probability)
        let logQ = log1p(-probability)
        var total = 0.0
        for count in successes...trials {
            let logChoose = lgamma(Double(trials) + 1) - lgamma(Double(count) + 1) - lgamma(Double(trials - count) + 1)
            total += exp(logChoose + Double(count) * logP + Double(trials - count) * logQ)
        }
        return min(1, total)
    }
}
