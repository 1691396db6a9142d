import Foundation

/// How one rater's ratings of the reference cases compare with the master ratings.
///
/// Deviation is the rater's level minus the master's: positive means lenient, negative severe.
/// The interval of the mean deviation uses Student's t, as an attempt has few ratings.
public struct RaterCalibration: Hashable, Sendable {
    /// One rating of one competency in one case, beside the master's level for it.
    public struct Comparison: Hashable, Sendable {
        public var competencyCode: String
        public var rated: Int
        public var master: Int

        public init(competencyCode: String, rated: Int, master: Int) {
            self.competencyCode = competencyCode
            self.rated = rated
            self.master = master
        }

        public var deviation: Int { rated - master }
    }

    /// A competency where the rater's ratings were furthest from the master's.
    public struct Divergence: Hashable, Sendable {
        public var competencyCode: String
        public var ratings: Int
        public var meanAbsoluteDeviation: Double
        public var meanDeviation: Double
    }

    /// Comparable ratings: a level from the rater where the master has one.
    public var ratings: Int
    /// Competencies of the cases the rater did not rate as the master could be compared with:
    /// left unrated, marked not observed (or ticked below Baseline) where the master saw
    /// evidence, or given a level where the master saw none. Each counts as a disagreement.
    public var missing: Int = 0
    /// Shares of `ratings + missing`, so that leaving a hard competency out never raises them.
    public var exactAgreement: Double
    public var adjacentAgreement: Double
    public var meanDeviation: Double
    /// 95 per cent interval of the mean deviation; nil with a single rating.
    public var deviationInterval: ClosedRange<Double>?
    /// Quadratic weighted kappa against the master; nil when it is undefined (e.g. one level only).
    public var weightedKappa: Double?
    /// Competencies with any deviation, furthest first.
    public var divergences: [Divergence]

    /// Nil when the rater gave no comparable rating (everything not observed).
    public static func compare(_ comparisons: [Comparison], missing: Int = 0, levelCount: Int) -> RaterCalibration? {
        guard !comparisons.isEmpty else { return nil }
        let count = Double(comparisons.count)
        let asked = Double(comparisons.count + missing)
        let deviations = comparisons.map { Double($0.deviation) }
        let mean = deviations.reduce(0, +) / count
        var interval: ClosedRange<Double>?
        if comparisons.count >= 2 {
            let variance = deviations.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
            let half = StudentT.critical95(degreesOfFreedom: comparisons.count - 1) * (variance / count).squareRoot()
            interval = (mean - half)...(mean + half)
        }
        let byCompetency = Dictionary(grouping: comparisons, by: \.competencyCode)
        let divergences = byCompetency.compactMap { code, items -> Divergence? in
            let absolute = items.reduce(0) { $0 + abs($1.deviation) }
            guard absolute > 0 else { return nil }
            return Divergence(
                competencyCode: code, ratings: items.count,
                meanAbsoluteDeviation: Double(absolute) / Double(items.count),
                meanDeviation: Double(items.reduce(0) { $0 + $1.deviation }) / Double(items.count))
        }.sorted {
            ($0.meanAbsoluteDeviation, $1.competencyCode) > ($1.meanAbsoluteDeviation, $0.competencyCode)
        }
        return RaterCalibration(
            ratings: comparisons.count, missing: missing,
            exactAgreement: Double(comparisons.filter { $0.deviation == 0 }.count) / asked,
            adjacentAgreement: Double(comparisons.filter { abs($0.deviation) <= 1 }.count) / asked,
            meanDeviation: mean, deviationInterval: interval,
            weightedKappa: CohenKappa.quadraticWeighted(
                comparisons.map(\.rated), comparisons.map(\.master), categories: levelCount),
            divergences: divergences)
    }

    /// Whether the rater meets the programme's thresholds, and what they missed when not.
    public func verdict(_ thresholds: CalibrationThresholds) -> CalibrationVerdict {
        var shortfalls: [String] = []
        if missing > 0 {
            shortfalls.append(
                "\(missing) of \(ratings + missing) competencies were not rated so that they can be compared with the master (left unrated, marked not observed or ticked below Baseline where the master saw evidence, or rated where the master saw none); every one counts"
            )
        }
        if exactAgreement < thresholds.minimumExactAgreement {
            shortfalls.append(
                "\(Percent.text(exactAgreement)) of ratings at exactly the master's level; \(Percent.text(thresholds.minimumExactAgreement)) needed"
            )
        }
        if let minimum = thresholds.minimumWeightedKappa, let kappa = weightedKappa, kappa < minimum {
            shortfalls.append(
                "weighted kappa \(String(format: "%.2f", kappa)) against the master; \(String(format: "%.2f", minimum)) needed"
            )
        }
        if adjacentAgreement < thresholds.minimumAdjacentAgreement {
            shortfalls.append(
                "\(Percent.text(adjacentAgreement)) of ratings within one level of the master; \(Percent.text(thresholds.minimumAdjacentAgreement)) needed"
            )
        }
        if abs(meanDeviation) >= thresholds.maximumAbsoluteBias {
            let direction = meanDeviation > 0 ? "more lenient" : "more severe"
            shortfalls.append(
                "on average \(String(format: "%.2f", abs(meanDeviation))) levels \(direction) than the master; under \(String(format: "%.2f", thresholds.maximumAbsoluteBias)) needed"
            )
        }
        return CalibrationVerdict(isCalibrated: shortfalls.isEmpty, shortfalls: shortfalls)
    }
}

public struct CalibrationVerdict: Hashable, Sendable {
    public var isCalibrated: Bool
    /// Sentences saying which threshold was missed and by how much.
    public var shortfalls: [String]

    public init(isCalibrated: Bool, shortfalls: [String]) {
        self.isCalibrated = isCalibrated
        self.shortfalls = shortfalls
    }
}

/// Shares as whole per cents, the way the pages and messages print them.
public enum Percent {
    public static func text(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
}
