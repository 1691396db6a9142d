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
        var shortfalls: [CalibrationShortfall] = []
        if missing > 0 { shortfalls.append(.notComparable(missing: missing, total: ratings + missing)) }
        if exactAgreement < thresholds.minimumExactAgreement {
            shortfalls.append(.exactAgreement(exactAgreement, needed: thresholds.minimumExactAgreement))
        }
        if let minimum = thresholds.minimumWeightedKappa, let kappa = weightedKappa, kappa < minimum {
            shortfalls.append(.weightedKappa(kappa, needed: minimum))
        }
        if adjacentAgreement < thresholds.minimumAdjacentAgreement {
            shortfalls.append(.adjacentAgreement(adjacentAgreement, needed: thresholds.minimumAdjacentAgreement))
        }
        if abs(meanDeviation) >= thresholds.maximumAbsoluteBias {
            shortfalls.append(.bias(meanDeviation, needed: thresholds.maximumAbsoluteBias))
        }
        return CalibrationVerdict(isCalibrated: shortfalls.isEmpty, shortfalls: shortfalls)
    }
}

/// One threshold a rater missed, with the figures that say by how much.
public enum CalibrationShortfall: Hashable, Sendable, CustomStringConvertible {
    /// Competencies left unrated, marked not observed where the master saw evidence, and the like.
    case notComparable(missing: Int, total: Int)
    case exactAgreement(Double, needed: Double)
    case weightedKappa(Double, needed: Double)
    case adjacentAgreement(Double, needed: Double)
    /// The mean signed deviation from the master: positive is lenient.
    case bias(Double, needed: Double)
    case nothingRated

    public func text(_ text: Localizer) -> String {
        let decimal = { (value: Double) in text.decimal(value, fractionDigits: 2) }
        switch self {
        case .notComparable(let missing, let total):
            return text.text(
                CalibrationMessage.notComparable, count: total, ["missing": text.integer(missing)])
        case .exactAgreement(let share, let needed):
            return text.text(
                CalibrationMessage.exactShortfall, ["share": text.percent(share), "needed": text.percent(needed)])
        case .weightedKappa(let kappa, let needed):
            return text.text(CalibrationMessage.kappaShortfall, ["kappa": decimal(kappa), "needed": decimal(needed)])
        case .adjacentAgreement(let share, let needed):
            return text.text(
                CalibrationMessage.adjacentShortfall, ["share": text.percent(share), "needed": text.percent(needed)])
        case .bias(let deviation, let needed):
            return text.text(
                deviation > 0 ? CalibrationMessage.lenientShortfall : .severeShortfall,
                ["levels": decimal(abs(deviation)), "needed": decimal(needed)])
        case .nothingRated:
            return text.text(CalibrationMessage.nothingRated)
        }
    }

    /// In English, for the API.
    public var description: String { text(Localizer(.english)) }
}

/// The words of calibration's rules: thresholds and what a rater missed.
public enum CalibrationMessage: String, MessageKey, CaseIterable {
    case notComparable = "calibrationRule.notComparable"
    case exactShortfall = "calibrationRule.exactShortfall"
    case kappaShortfall = "calibrationRule.kappaShortfall"
    case adjacentShortfall = "calibrationRule.adjacentShortfall"
    case lenientShortfall = "calibrationRule.lenientShortfall"
    case severeShortfall = "calibrationRule.severeShortfall"
    case nothingRated = "calibrationRule.nothingRated"
    case thresholdExact = "calibrationRule.thresholdExact"
    case thresholdAdjacent = "calibrationRule.thresholdAdjacent"
    case thresholdKappa = "calibrationRule.thresholdKappa"
    case thresholdBias = "calibrationRule.thresholdBias"
}

public struct CalibrationVerdict: Hashable, Sendable {
    public var isCalibrated: Bool
    /// Sentences saying which threshold was missed and by how much.
    public var shortfalls: [CalibrationShortfall]

    public init(isCalibrated: Bool, shortfalls: [CalibrationShortfall]) {
        self.isCalibrated = isCalibrated
        self.shortfalls = shortfalls
    }
}

/// Shares as whole per cents, the way the pages and messages print them.
public enum Percent {
    public static func text(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
}
