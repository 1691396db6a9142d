import Foundation

/// Every agreement statistic of one rating table, as `acumen stats agreement` and
/// `POST /api/v1/stats/agreement` report it. The JSON keys are a published interface.
public struct AgreementReport: Encodable, Sendable {
    public struct Pair: Encodable, Sendable {
        public var raters: [String]
        public var units: Int
        @NullWhenAbsent public var kappa: Double?
    }

    public var units: Int
    public var raters: Int
    /// Alpha per level of measurement asked for; nil where it is undefined (no variation).
    public var krippendorffAlpha: [(MeasurementLevel, Double?)]
    /// Nil when fewer than two units were rated by every rater.
    public var icc: IntraclassCorrelation?
    /// Nil when units have different numbers of ratings.
    public var fleissKappa: Double?
    /// Only when asked for.
    public var cohenKappa: [Pair]?
    /// Why some figures were computed and others not, in sentences for people.
    public var notes: [String] = []

    /// - Parameter levels: the levels of alpha to compute; nil chooses those that suit the
    ///   table (`MeasurementLevel.suited(to:)`) and says why in `notes`.
    public static func compute(
        _ matrix: RatingMatrix, raterNames: [String], levels askedLevels: [MeasurementLevel]? = nil,
        pairs: Bool = false
    ) -> AgreementReport {
        var notes: [String] = []
        let levels: [MeasurementLevel]
        if let askedLevels {
            levels = askedLevels
        } else {
            let suited = MeasurementLevel.suited(to: matrix)
            levels = suited.levels
            notes.append(suited.reason)
        }
        let categorical = MeasurementLevel.isCategorical(matrix)
        if !categorical {
            notes.append(
                "Fleiss' kappa counts agreement on categories; these ratings are scores, so it is not computed.")
        }
        let icc = IntraclassCorrelation.compute(matrix)
        var cohen: [Pair]?
        if pairs {
            let columns = (0..<matrix.raterCount).map { rater in (0..<matrix.unitCount).map { matrix[$0, rater] } }
            cohen = []
            for first in 0..<matrix.raterCount {
                for second in (first + 1)..<max(first + 1, matrix.raterCount) {
                    let shared = zip(columns[first], columns[second]).filter { $0 != nil && $1 != nil }.count
                    cohen?.append(
                        Pair(
                            raters: [raterNames[first], raterNames[second]], units: shared,
                            kappa: CohenKappa.kappa(columns[first], columns[second])))
                }
            }
        }
        return AgreementReport(
            units: matrix.unitCount, raters: matrix.raterCount,
            krippendorffAlpha: Array(zip(levels, KrippendorffAlpha.alphas(matrix, levels: levels))),
            icc: icc, fleissKappa: categorical ? FleissKappa.kappa(matrix) : nil, cohenKappa: cohen, notes: notes)
    }

    enum CodingKeys: String, CodingKey {
        case units, raters, krippendorffAlpha, icc, fleissKappa, cohenKappa, notes
    }

    struct LevelKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Written by hand for the alphas: an ordered list of levels becomes one object keyed by
    /// level, in the order asked for. Absent values are written as `null`, not left out, so that
    /// every key is always there.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(units, forKey: .units)
        try container.encode(raters, forKey: .raters)
        var alphas = container.nestedContainer(keyedBy: LevelKey.self, forKey: .krippendorffAlpha)
        for (level, alpha) in krippendorffAlpha {
            try alphas.encode(alpha, forKey: LevelKey(stringValue: level.rawValue))
        }
        try container.encode(icc, forKey: .icc)
        try container.encode(fleissKappa, forKey: .fleissKappa)
        if let cohenKappa { try container.encode(cohenKappa, forKey: .cohenKappa) }
        try container.encode(notes, forKey: .notes)
    }

    /// The same figures as a table for people.
    public var table: String {
        func number(_ value: Double?) -> String { value.map { String(format: "%.6f", $0) } ?? "undefined" }
        var lines = ["Units: \(units)", "Raters: \(raters)", "", "Krippendorff's alpha"]
        for (level, alpha) in krippendorffAlpha {
            lines.append("  \(level.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(number(alpha))")
        }
        lines.append("")
        if let icc {
            lines.append("Intraclass correlation (Shrout and Fleiss), on \(icc.completeUnits) complete units")
            for (name, value) in [
                ("ICC(1,1)", icc.icc1), ("ICC(2,1)", icc.icc2), ("ICC(3,1)", icc.icc3), ("ICC(1,k)", icc.icc1k),
                ("ICC(2,k)", icc.icc2k), ("ICC(3,k)", icc.icc3k),
            ] {
                lines.append("  \(name)   \(number(value))")
            }
        } else {
            lines.append("Intraclass correlation: undefined (fewer than two units rated by every rater)")
        }
        lines.append("")
        lines.append(
            "Fleiss' kappa: "
                + (fleissKappa.map { String(format: "%.6f", $0) }
                    ?? "undefined (units have different numbers of ratings, or no variation)"))
        if let cohenKappa {
            lines.append("")
            lines.append("Cohen's kappa by pair of raters")
            for pair in cohenKappa {
                lines.append("  \(pair.raters[0]) – \(pair.raters[1]): \(number(pair.kappa)) (\(pair.units) units)")
            }
        }
        if !notes.isEmpty {
            lines.append("")
            lines += notes
        }
        return lines.joined(separator: "\n")
    }
}
