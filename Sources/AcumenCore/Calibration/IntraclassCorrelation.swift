/// The six intraclass correlations of Shrout and Fleiss (1979), computed on the units that
/// every rater rated.
///
/// With `n` units (targets) and `k` raters (judges), from a two-way analysis of variance:
/// BMS between units, WMS within units, JMS between raters, EMS residual.
/// - ICC(1,1) = (BMS − WMS) / (BMS + (k−1)·WMS), ICC(1,k) = (BMS − WMS) / BMS
/// - ICC(2,1) = (BMS − EMS) / (BMS + (k−1)·EMS + k·(JMS − EMS)/n), ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS)/n)
/// - ICC(3,1) = (BMS − EMS) / (BMS + (k−1)·EMS), ICC(3,k) = (BMS − EMS) / BMS
public struct IntraclassCorrelation: Hashable, Sendable, Encodable {
    public var icc1: Double
    public var icc2: Double
    public var icc3: Double
    public var icc1k: Double
    public var icc2k: Double
    public var icc3k: Double
    /// How many units every rater rated: the units the figures rest on.
    public var completeUnits: Int

    /// The names `acumen stats agreement` publishes.
    enum CodingKeys: String, CodingKey {
        case icc1 = "ICC1"
        case icc2 = "ICC2"
        case icc3 = "ICC3"
        case icc1k = "ICC1k"
        case icc2k = "ICC2k"
        case icc3k = "ICC3k"
        case completeUnits
    }

    /// Nil when fewer than two units were rated by every rater, or there are fewer than two raters.
    public static func compute(_ matrix: RatingMatrix) -> IntraclassCorrelation? {
        let k = matrix.raterCount
        let complete = matrix.completeUnits
        let n = complete.count
        guard n >= 2, k >= 2 else { return nil }
        let cells = matrix.cells
        // Two passes over the data, sums of squares from deviations: subtracting large raw
        // sums would lose the digits that 5,000 × 50 tables need.
        var rowMeans = [Double](repeating: 0, count: n)
        var columnMeans = [Double](repeating: 0, count: k)
        var grand = 0.0
        for (row, unit) in complete.enumerated() {
            let start = unit * k
            var sum = 0.0
            for column in 0..<k {
                let value = cells[start + column]
                sum += value
                columnMeans[column] += value
            }
            rowMeans[row] = sum / Double(k)
            grand += sum
        }
        grand /= Double(n * k)
        for column in 0..<k { columnMeans[column] /= Double(n) }
        var total = 0.0
        for unit in complete {
            let start = unit * k
            for column in 0..<k {
                let deviation = cells[start + column] - grand
                total += deviation * deviation
            }
        }
        let betweenUnits = Double(k) * rowMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let betweenRaters = Double(n) * columnMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let withinUnits = total - betweenUnits
        let residual = total - betweenUnits - betweenRaters

        let bms = betweenUnits / Double(n - 1)
        let wms = withinUnits / Double(n * (k - 1))
        let jms = betweenRaters / Double(k - 1)
        let ems = residual / Double((n - 1) * (k - 1))
        let kd = Double(k)
        let nd = Double(n)
        return IntraclassCorrelation(
            icc1: (bms - wms) / (bms + (kd - 1) * wms),
            icc2: (bms - ems) / (bms + (kd - 1) * ems + kd * (jms - ems) / nd),
            icc3: (bms - ems) / (bms + (kd - 1) * ems),
            icc1k: (bms - wms) / bms,
            icc2k: (bms - ems) / (bms + (jms - ems) / nd),
            icc3k: (bms - ems) / bms,
            completeUnits: n)
    }
}
