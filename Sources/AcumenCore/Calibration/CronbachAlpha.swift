/// Internal consistency of a questionnaire category: Cronbach's alpha and, per item, the
/// corrected item-total correlation (the item against the sum of the other items).
///
/// `alpha = k / (k − 1) · (1 − Σ var(item) / var(total))`, with sample variances, over the
/// respondents who answered every item ("Don't know" makes a response incomplete).
public struct CronbachAlpha: Hashable, Sendable {
    public var alpha: Double
    public var correctedItemTotal: [Double?]
    public var completeResponses: Int

    /// Below this many complete responses alpha is not reported: from a handful of responses it
    /// swings past any meaning (two responses can give −11), and a number would be read as a
    /// verdict on the questionnaire.
    public static let minimumCompleteResponses = 10

    /// Whether there are enough complete responses for alpha and the item-total correlations to be read.
    public var isReadable: Bool { completeResponses >= Self.minimumCompleteResponses }

    /// - Parameter responses: `responses[respondent][item]`, nil for no score.
    /// Nil with fewer than two items or two complete responses, or when totals do not vary.
    public static func compute(_ responses: [[Double?]]) -> CronbachAlpha? {
        let items = responses.map(\.count).max() ?? 0
        let complete: [[Double]] = responses.compactMap { row in
            let present = row.compactMap { $0 }
            return row.count == items && present.count == items ? present : nil
        }
        guard items >= 2, complete.count >= 2 else { return nil }
        let columns = (0..<items).map { item in complete.map { $0[item] } }
        let totals = complete.map { $0.reduce(0, +) }
        guard let totalVariance = variance(totals), totalVariance > 0 else { return nil }
        let itemVariances = columns.compactMap(variance).reduce(0, +)
        let k = Double(items)
        let alpha = k / (k - 1) * (1 - itemVariances / totalVariance)
        let correlations = columns.map { column in
            correlation(column, zip(totals, column).map { $0 - $1 })
        }
        return CronbachAlpha(alpha: alpha, correctedItemTotal: correlations, completeResponses: complete.count)
    }

    static func variance(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }

    /// Pearson's correlation, nil when either side does not vary.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n
        let meanY = y.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
