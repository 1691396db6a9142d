/// Ratings of units (cases, account managers, questions) by raters, with gaps where a rater
/// did not rate a unit. The input of every agreement statistic.
public struct RatingMatrix: Hashable, Sendable {
    /// `values[unit][rater]`; nil is a missing rating.
    public let values: [[Double?]]
    public let raterCount: Int

    public init(values: [[Double?]]) {
        self.values = values
        raterCount = values.map(\.count).max() ?? 0
    }

    public var unitCount: Int { values.count }

    /// The same data with raters as rows, for tables laid out the other way round.
    public init(raterMajor rows: [[Double?]]) {
        let units = rows.map(\.count).max() ?? 0
        self.init(values: (0..<units).map { unit in rows.map { unit < $0.count ? $0[unit] : nil } })
    }
}

/// How the numbers of a rating scale may be compared, which decides how disagreement is weighed.
public enum MeasurementLevel: String, Sendable, CaseIterable, Codable {
    /// Categories without order: any two different values disagree equally.
    case nominal
    /// Ordered categories: disagreement grows with how many ratings lie between two values.
    case ordinal
    /// Equal steps: disagreement is the squared difference.
    case interval
    /// A true zero: disagreement is the squared difference relative to the sum.
    case ratio
}
