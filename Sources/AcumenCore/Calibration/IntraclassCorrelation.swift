/// The six intraclass correlations of Shrout and Fleiss (1979), computed on the units that
/// every rater rated.
///
/// With `n` units (targets) and `k` raters (judges), from a two-way analysis of variance:
/// BMS between units, WMS within units, JMS between raters, EMS residual.
/// - ICC(1,1) = (BMS − WMS) / (BMS + (k−1)·WMS), ICC(1,k) = (BMS − WMS) / BMS
/// - ICC(2,1) = (BMS − EMS) / (BMS + (k−1)·EMS + k·(JMS − EMS)/n), ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS)/n)
/// - ICC(3,1) = (BMS − EMS) / (BMS + (k−1)·EMS), ICC(3,k) = (BMS − EMS) / BMS
public struct IntraclassCorrelation: Hashable, Sendable {
    public var icc1: Double
    public var icc2: Double
    public var icc3: Double
    public var icc1k: Double
    public var icc2k: Double
    public var icc3k: Double
    /// How many units every rater rated: the units the figures rest on.
    public var completeUnits: Int

    /// Nil when fewer than two units were rated by every rater, or there are fewer than two raters.
    public static func compute(_ matrix: RatingMatrix) -> IntraclassCorrelation? {
        let k = matrix.raterCount
        let rows: [[Double]] = matrix.values.compactMap { unit in
            guard unit.count == k else { return nil }
            let present = unit.compactMap { $0 }
            return present.count == k ? present : nil
        }
        let n = rows.count
        guard n >= 2, k >= 2 else { return nil }
        let nk = Double(n * k)
        var grandTotal = 0.0
        var columnTotals = [Double](repeating: 0, count: k)
        var rowTotals = [Double](repeating: 0, count: n)
        var sumOfSquares = 0.0
        for (row, values) in rows.enumerated() {
            for (column, value) in values.enumerated() {
                grandTotal += value
                rowTotals[row] += value
                columnTotals[column] += value
                sumOfSquares += value * value
            }
        }
        let correction = grandTotal * grandTotal / nk
        let total = sumOfSquares - correction
        let betweenUnits = rowTotals.reduce(0) { $0 + $1 * $1 } / Double(k) - correction
        let betweenRaters = columnTotals.reduce(0) { $0 + $1 * $1 } / Double(n) - correction
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
