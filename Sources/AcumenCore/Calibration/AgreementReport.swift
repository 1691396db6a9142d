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

    /// The same figures as a table for people, in English.
    public var table: String { table(in: Localizer(.english)) }

    /// The same figures as a table for people; figures keep six decimals and a point, as
    /// statistics software prints them, so that they can be compared digit by digit.
    public func table(in text: Localizer) -> String {
        func number(_ value: Double?) -> String {
            value.map { String(format: "%.6f", $0) } ?? text.text(StatsMessage.undefined)
        }
        var lines = [
            text.text(StatsMessage.units, ["count": "\(units)"]),
            text.text(StatsMessage.raters, ["count": "\(raters)"]),
            "", text.text(StatsMessage.alpha),
        ]
        for (level, alpha) in krippendorffAlpha {
            lines.append("  \(level.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(number(alpha))")
        }
        lines.append("")
        if let icc {
            lines.append(text.text(StatsMessage.icc, ["units": "\(icc.completeUnits)"]))
            for (name, value) in [
                ("ICC(1,1)", icc.icc1), ("ICC(2,1)", icc.icc2), ("ICC(3,1)", icc.icc3), ("ICC(1,k)", icc.icc1k),
                ("ICC(2,k)", icc.icc2k), ("ICC(3,k)", icc.icc3k),
            ] {
                lines.append("  \(name)   \(number(value))")
            }
        } else {
            lines.append(text.text(StatsMessage.iccUndefined))
        }
        lines.append("")
        lines.append(
            fleissKappa.map { text.text(StatsMessage.fleiss, ["kappa": String(format: "%.6f", $0)]) }
                ?? text.text(StatsMessage.fleissUndefined))
        if let cohenKappa {
            lines.append("")
            lines.append(text.text(StatsMessage.cohen))
            for pair in cohenKappa {
                lines.append(
                    "  "
                        + text.text(
                            StatsMessage.pair,
                            [
                                "first": pair.raters[0], "second": pair.raters[1], "kappa": number(pair.kappa),
                                "units": "\(pair.units)",
                            ]))
            }
        }
        if !notes.isEmpty {
            lines.append("")
            lines += notes
        }
        return lines.joined(separator: "\n")
    }
}
