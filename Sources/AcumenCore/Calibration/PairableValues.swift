/// Krippendorff's alpha without the coincidence matrix, for tables whose values are not a
/// narrow scale of whole numbers: scores with decimals have as many categories as distinct
/// values, and a matrix of 14,000 distinct scores squared would take 1.5 GB.
///
/// Each level's disagreement is summed straight from the units:
/// - interval: within a unit of `m` values, the sum over ordered pairs of `(a - b)²` is
///   `2(m Σv² - (Σv)²)`, and the expected disagreement has the same form over all pairable values;
/// - ordinal: Krippendorff's ordinal distance between values `c < k` is
///   `Σ_{g=c..k} n_g - (n_c + n_k)/2`, which is the difference of their mid-ranks
///   `M = n_{<v} + n_v/2`; ordinal alpha is interval alpha on mid-ranks;
/// - nominal: pairs of different values, counted as all pairs less pairs of equal values;
/// - ratio: `((a - b)/(a + b))²` has no such form; pairs within units and pairs of distinct
///   values are summed one by one (quadratic in distinct values, but with no matrix).
struct PairableValues {
    /// Distinct values, ascending.
    private let values: [Double]
    /// How often each value occurs among pairable ratings (units with at least two ratings).
    private let margins: [Double]
    private let total: Double
    /// Each cell's position in `values`; -1 for a missing rating or a unit that cannot pair.
    private let positions: [Int32]
    private let raters: Int
    private let units: Int

    init(_ ratings: RatingMatrix) {
        let categories = ratings.categories()
        var positions = categories.positions
        var margins = [Double](repeating: 0, count: categories.values.count)
        let raters = ratings.raterCount
        for unit in 0..<ratings.unitCount {
            let cells = unit * raters..<(unit + 1) * raters
            let pairable = cells.reduce(0) { $0 + (positions[$1] >= 0 ? 1 : 0) }
            for cell in cells where positions[cell] >= 0 {
                if pairable >= 2 { margins[Int(positions[cell])] += 1 } else { positions[cell] = -1 }
            }
        }
        values = categories.values
        self.margins = margins
        total = margins.reduce(0, +)
        self.positions = positions
        self.raters = raters
        units = ratings.unitCount
    }

    /// Alpha, or nil when fewer than two values can be paired or nothing varies.
    func alpha(level: MeasurementLevel) -> Double? {
        guard total > 1 else { return nil }
        let (observed, expected): (Double, Double)
        switch level {
        case .interval: (observed, expected) = squaredDifferences(of: values)
        case .ordinal: (observed, expected) = squaredDifferences(of: midRanks)
        case .nominal: (observed, expected) = nominal()
        case .ratio: (observed, expected) = ratio()
        }
        guard expected > 0 else { return nil }
        return 1 - (total - 1) * observed / expected
    }

    private var midRanks: [Double] {
        var below = 0.0
        return margins.map { margin in
            defer { below += margin }
            return below + margin / 2
        }
    }

    /// Observed and expected sums of `(x_a - x_b)²` over ordered pairs, where each value's
    /// position is scored `x`.
    private func squaredDifferences(of score: [Double]) -> (Double, Double) {
        var observed = 0.0
        forEachUnit { cells in
            var (count, sum, squares) = (0.0, 0.0, 0.0)
            for position in cells {
                let x = score[position]
                count += 1
                sum += x
                squares += x * x
            }
            observed += 2 * (count * squares - sum * sum) / (count - 1)
        }
        var (sum, squares) = (0.0, 0.0)
        for (position, margin) in margins.enumerated() {
            sum += margin * score[position]
            squares += margin * score[position] * score[position]
        }
        return (observed, 2 * (total * squares - sum * sum))
    }

    private func nominal() -> (Double, Double) {
        var observed = 0.0
        var counts = [Double](repeating: 0, count: values.count)
        forEachUnit { cells in
            var equalPairs = 0.0
            for position in cells {
                equalPairs += 2 * counts[position]
                counts[position] += 1
            }
            for position in cells { counts[position] = 0 }
            let count = Double(cells.count)
            observed += (count * (count - 1) - equalPairs) / (count - 1)
        }
        return (observed, total * total - margins.reduce(0) { $0 + $1 * $1 })
    }

    private func ratio() -> (Double, Double) {
        func distance(_ a: Double, _ b: Double) -> Double {
            let sum = a + b
            guard sum != 0 else { return 0 }
            let relative = (a - b) / sum
            return relative * relative
        }
        var observed = 0.0
        forEachUnit { cells in
            var pairs = 0.0
            for i in cells.indices {
                for j in cells.indices where j > i { pairs += 2 * distance(values[cells[i]], values[cells[j]]) }
            }
            observed += pairs / Double(cells.count - 1)
        }
        var expected = 0.0
        for c in values.indices where margins[c] > 0 {
            for k in values.indices where k > c && margins[k] > 0 {
                expected += 2 * margins[c] * margins[k] * distance(values[c], values[k])
            }
        }
        return (observed, expected)
    }

    /// Calls `body` with the value positions of each unit that has at least two.
    private func forEachUnit(_ body: ([Int]) -> Void) {
        var cells: [Int] = []
        cells.reserveCapacity(raters)
        for unit in 0..<units {
            cells.removeAll(keepingCapacity: true)
            for cell in unit * raters..<(unit + 1) * raters where positions[cell] >= 0 {
                cells.append(Int(positions[cell]))
            }
            if cells.count >= 2 { body(cells) }
        }
    }
}
