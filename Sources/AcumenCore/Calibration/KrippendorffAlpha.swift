/// Krippendorff's alpha for any number of raters, missing ratings allowed, at the four
/// levels of measurement.
///
/// Follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": pairable values
/// of each unit fill a coincidence matrix `o[c][k]`, each unit with `m` values contributing
/// `1 / (m - 1)` per ordered pair; then
/// `alpha = 1 - (n - 1) * sum(o[c][k] * d²(c, k)) / sum(n_c * n_k * d²(c, k))`,
/// where `n_c` are the matrix's margins and `n` its total. Units with fewer than two ratings
/// carry no information about agreement and are left out.
public enum KrippendorffAlpha {
    /// Alpha, or nil when there is nothing to compare: fewer than two pairable values, or no
    /// variation at all (every value the same), where disagreement expected by chance is zero.
    public static func alpha(_ matrix: RatingMatrix, level: MeasurementLevel) -> Double? {
        alphas(matrix, levels: [level])[0]
    }

    /// Alpha at several levels: the counting is shared by all of them. A narrow scale of whole
    /// numbers (nearly every rating table) goes through the coincidence matrix; anything else
    /// (scores with decimals, wide ranges) through `PairableValues`, whose memory grows with the
    /// table, not with the square of its distinct values.
    static func alphas(_ matrix: RatingMatrix, levels: [MeasurementLevel]) -> [Double?] {
        if let scale = DenseScale(matrix), let coincidences = Coincidences(matrix, dense: scale) {
            return levels.map { alpha(coincidences, level: $0) }
        }
        let values = PairableValues(matrix)
        return levels.map { values.alpha(level: $0) }
    }

    static func alpha(_ coincidences: Coincidences, level: MeasurementLevel) -> Double? {
        guard coincidences.total > 1 else { return nil }
        let values = coincidences.values
        let margins = coincidences.margins
        let count = values.count
        // Cumulative margins make the ordinal distance a subtraction instead of a sum per pair.
        var cumulative = [0.0]
        for margin in margins { cumulative.append(cumulative.last! + margin) }

        func squaredDistance(_ c: Int, _ k: Int) -> Double {
            switch level {
            case .nominal:
                return c == k ? 0 : 1
            case .interval:
                let difference = values[c] - values[k]
                return difference * difference
            case .ratio:
                let sum = values[c] + values[k]
                guard sum != 0 else { return 0 }
                let relative = (values[c] - values[k]) / sum
                return relative * relative
            case .ordinal:
                let low = min(c, k)
                let high = max(c, k)
                let between = cumulative[high + 1] - cumulative[low] - (margins[c] + margins[k]) / 2
                return between * between
            }
        }

        var observed = 0.0
        var expected = 0.0
        for c in 0..<count {
            for k in 0..<count where k != c {
                let distance = squaredDistance(c, k)
                observed += coincidences.matrix[c * count + k] * distance
                expected += margins[c] * margins[k] * distance
            }
        }
        guard expected > 0 else { return nil }
        return 1 - (coincidences.total - 1) * observed / expected
    }
}

/// The coincidence matrix of a rating matrix over its distinct values, ascending.
struct Coincidences {
    let values: [Double]
    /// Row-major `values.count × values.count`.
    let matrix: [Double]
    let margins: [Double]
    let total: Double

    /// Counts each unit's ratings straight into a small array indexed by value, with missing
    /// cells counted in a spare slot rather than skipped: the per-cell loop has no branch for the
    /// processor to mispredict on randomly missing cells. Values of the scale that never occur
    /// stay in the matrix with zero margins, where they weigh nothing. Nil when the scale is too
    /// wide for a per-unit pass over every pair of values to stay cheap. Large tables are
    /// counted in parts on every core, each into its own matrix, then added up.
    init?(_ ratings: RatingMatrix, dense scale: DenseScale) {
        let size = scale.size
        guard size * size <= 4 * ratings.raterCount + 64 else { return nil }
        let parts = ParallelParts.count(forCells: ratings.cells.count, units: ratings.unitCount)
        var partial = [Double](repeating: 0, count: parts * size * size)
        ratings.cells.withUnsafeBufferPointer { cells in
            partial.withUnsafeMutableBufferPointer { partial in
                let input = PartsBuffer(base: UnsafeMutablePointer(mutating: cells.baseAddress!), count: cells.count)
                let output = PartsBuffer(base: partial.baseAddress!, count: partial.count)
                let (raters, unitCount) = (ratings.raterCount, ratings.unitCount)
                ParallelParts.run(parts) { part in
                    Self.countDense(
                        UnsafeBufferPointer(start: input.base, count: input.count), raters: raters,
                        units: ParallelParts.range(part, of: parts, count: unitCount), scale: scale,
                        into: UnsafeMutableBufferPointer(start: output.base + part * size * size, count: size * size))
                }
            }
        }
        var matrix = [Double](repeating: 0, count: size * size)
        for part in 0..<parts {
            for index in 0..<size * size { matrix[index] += partial[part * size * size + index] }
        }
        var margins = [Double](repeating: 0, count: size)
        for c in 0..<size {
            for k in 0..<size { margins[c] += matrix[c * size + k] }
        }
        self.values = (0..<size).map { scale.low + Double($0) }
        self.matrix = matrix
        self.margins = margins
        total = margins.reduce(0, +)
    }

    private static func countDense(
        _ cells: UnsafeBufferPointer<Double>, raters: Int, units: Range<Int>, scale: DenseScale,
        into matrix: UnsafeMutableBufferPointer<Double>
    ) {
        let size = scale.size
        // Four interleaved sets of counters: consecutive cells usually hold the same value, and
        // incrementing one counter again and again waits on its own previous store each time.
        let stride = size + 1
        var lanes = [Int32](repeating: 0, count: 4 * stride)
        var counts = [Int32](repeating: 0, count: stride)
        let low = scale.low
        // A whole number d in [0, 2⁵²) plus 2⁵² has d in the low bits of its bit pattern: the
        // index without a checked conversion. NaN lands far above the scale, so the spare slot.
        let magic = 4_503_599_627_370_496.0
        let magicBits = magic.bitPattern
        let scaleSize = UInt64(size)
        @inline(__always) func slot(_ value: Double) -> Int {
            let raw = ((value - low) + magic).bitPattern &- magicBits
            return raw < scaleSize ? Int(truncatingIfNeeded: raw) : size
        }
        lanes.withUnsafeMutableBufferPointer { lanes in
            counts.withUnsafeMutableBufferPointer { counts in
                for unit in units {
                    let start = unit * raters
                    let end = start + raters
                    var cell = start
                    while cell + 4 <= end {
                        lanes[slot(cells[cell])] &+= 1
                        lanes[stride &+ slot(cells[cell &+ 1])] &+= 1
                        lanes[2 &* stride &+ slot(cells[cell &+ 2])] &+= 1
                        lanes[3 &* stride &+ slot(cells[cell &+ 3])] &+= 1
                        cell &+= 4
                    }
                    while cell < end {
                        lanes[slot(cells[cell])] &+= 1
                        cell &+= 1
                    }
                    for c in 0..<stride {
                        counts[c] = lanes[c] &+ lanes[stride + c] &+ lanes[2 * stride + c] &+ lanes[3 * stride + c]
                        lanes[c] = 0
                        lanes[stride + c] = 0
                        lanes[2 * stride + c] = 0
                        lanes[3 * stride + c] = 0
                    }
                    let pairable = raters - Int(counts[size])
                    guard pairable >= 2 else { continue }
                    let weight = 1 / Double(pairable - 1)
                    for c in 0..<size where counts[c] > 0 {
                        let countC = Double(counts[c])
                        for k in 0..<size where counts[k] > 0 {
                            let pairs = c == k ? countC * (countC - 1) : countC * Double(counts[k])
                            matrix[c * size + k] += pairs * weight
                        }
                    }
                }
            }
        }
    }
}
