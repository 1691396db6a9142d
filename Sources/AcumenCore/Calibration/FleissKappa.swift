/// Fleiss' kappa (Fleiss 1971): agreement of many raters on nominal categories when every unit
/// has the same number of ratings, not necessarily from the same raters.
///
/// With `p_j` the share of all ratings in category j and `P_i` the agreement within unit i,
/// `P_i = (Σ_j n_ij² − m) / (m(m − 1))`, kappa = (mean(P_i) − Σ p_j²) / (1 − Σ p_j²).
public enum FleissKappa {
    /// Nil when units have different numbers of ratings, fewer than two each, or no variation.
    public static func kappa(_ matrix: RatingMatrix) -> Double? {
        // Most tables with missing ratings fail the equal-count condition; finding that out
        // first costs one pass instead of categorising every value.
        guard hasEqualRatingsPerUnit(matrix) else { return nil }
        return kappa(matrix, matrix.categories())
    }

    /// Whether every unit with any rating has the same number of ratings.
    static func hasEqualRatingsPerUnit(_ matrix: RatingMatrix) -> Bool {
        let raters = matrix.raterCount
        var expected = -1
        return matrix.cells.withUnsafeBufferPointer { cells in
            for unit in 0..<matrix.unitCount {
                var present = 0
                for cell in unit * raters..<(unit + 1) * raters { present &+= cells[cell].isNaN ? 0 : 1 }
                if present == 0 { continue }
                if expected < 0 { expected = present } else if expected != present { return false }
            }
            return true
        }
    }

    static func kappa(_ matrix: RatingMatrix, _ categories: Categories) -> Double? {
        let positions = categories.positions
        let values = categories.values
        let size = values.count
        let raters = matrix.raterCount
        var counts = [Int](repeating: 0, count: size)
        var totals = [Int](repeating: 0, count: size)
        var ratingsPerUnit: Int?
        var agreement = 0.0
        var units = 0
        for unit in 0..<matrix.unitCount {
            var present = 0
            for cell in unit * raters..<(unit + 1) * raters where positions[cell] >= 0 {
                counts[Int(positions[cell])] += 1
                present += 1
            }
            guard present > 0 else { continue }
            if let expected = ratingsPerUnit, expected != present { return nil }
            ratingsPerUnit = present
            var squares = 0
            for category in 0..<size {
                squares += counts[category] * counts[category]
                totals[category] += counts[category]
                counts[category] = 0
            }
            if present >= 2 { agreement += Double(squares - present) / Double(present * (present - 1)) }
            units += 1
        }
        guard let m = ratingsPerUnit, m >= 2, units > 0 else { return nil }
        let all = Double(units * m)
        let chance = totals.reduce(0.0) { $0 + (Double($1) / all) * (Double($1) / all) }
        guard chance < 1 else { return nil }
        return (agreement / Double(units) - chance) / (1 - chance)
    }

    /// From a table of counts: `counts[unit][category]` raters put the unit in that category.
    public static func kappa(counts: [[Int]]) -> Double? {
        guard let m = counts.first.map({ $0.reduce(0, +) }), m >= 2, counts.allSatisfy({ $0.reduce(0, +) == m })
        else { return nil }
        let categories = counts.map { row in
            Dictionary(row.enumerated().map { (Double($0.offset), $0.element) }, uniquingKeysWith: +)
        }
        return kappa(categoryCounts: counts, ratingsPerUnit: m, categories: categories)
    }

    private static func kappa(categoryCounts: [[Int]], ratingsPerUnit m: Int, categories: [[Double: Int]]) -> Double? {
        let units = Double(categoryCounts.count)
        let md = Double(m)
        let meanAgreement =
            categoryCounts.map { row in
                (Double(row.reduce(0) { $0 + $1 * $1 }) - md) / (md * (md - 1))
            }.reduce(0, +) / units
        var totals: [Double: Int] = [:]
        for unit in categories {
            for (category, count) in unit { totals[category, default: 0] += count }
        }
        let all = units * md
        let chance = totals.values.reduce(0.0) { $0 + (Double($1) / all) * (Double($1) / all) }
        guard chance < 1 else { return nil }
        return (meanAgreement - chance) / (1 - chance)
    }
}
