/// Ratings of units (cases, account managers, questions) by raters, with gaps where a rater
/// did not rate a unit. The input of every agreement statistic.
///
/// Stored flat and unit-major, with NaN for a missing rating: large tables (a million cells)
/// are read and scanned without an allocation per unit or per cell.
public struct RatingMatrix: Hashable, Sendable {
    /// The rating of unit `u` by rater `r` is `cells[u * raterCount + r]`; NaN is missing.
    public let cells: [Double]
    public let unitCount: Int
    public let raterCount: Int

    /// `cells` must hold `units * raters` values, unit by unit; NaN marks a missing rating.
    public init(units: Int, raters: Int, cells: [Double]) {
        precondition(cells.count == units * raters, "a rating matrix needs units × raters cells")
        self.cells = cells
        unitCount = units
        raterCount = raters
    }

    /// `values[unit][rater]`; nil is a missing rating, and short rows are padded with missing ones.
    public init(values: [[Double?]]) {
        let raters = values.map(\.count).max() ?? 0
        var cells = [Double](repeating: .nan, count: values.count * raters)
        for (unit, row) in values.enumerated() {
            for (rater, value) in row.enumerated() { cells[unit * raters + rater] = value ?? .nan }
        }
        self.init(units: values.count, raters: raters, cells: cells)
    }

    /// The same data with raters as rows, for tables laid out the other way round.
    public init(raterMajor rows: [[Double?]]) {
        let units = rows.map(\.count).max() ?? 0
        self.init(values: (0..<units).map { unit in rows.map { unit < $0.count ? $0[unit] : nil } })
    }

    public subscript(unit: Int, rater: Int) -> Double? {
        let value = cells[unit * raterCount + rater]
        return value.isNaN ? nil : value
    }

    /// One unit's ratings, missing ones as nil.
    public func unit(_ unit: Int) -> [Double?] {
        (0..<raterCount).map { self[unit, $0] }
    }

    /// `values[unit][rater]`, as given to `init(values:)`.
    public var values: [[Double?]] { (0..<unitCount).map(unit) }

    /// Units that every rater rated.
    public var completeUnits: [Int] {
        (0..<unitCount).filter { unit in
            let start = unit * raterCount
            return !cells[start..<start + raterCount].contains { $0.isNaN }
        }
    }

    /// The matrix's values as category positions (see `Categories`).
    func categories() -> Categories {
        var positions = [Int32](repeating: -1, count: cells.count)
        if let scale = DenseScale(self) {
            // Small whole-number scales map to positions through a table, without sorting. A
            // missing cell reads a spare slot at the end of the table instead of being skipped,
            // so the loop has no branch to mispredict on randomly missing cells.
            let spare = scale.low + Double(scale.size)
            var table = [Int32](repeating: -1, count: scale.size + 1)
            var values: [Double] = []
            cells.withUnsafeBufferPointer { cells in
                table.withUnsafeMutableBufferPointer { table in
                    for value in cells { table[Int((value.isNaN ? spare : value) - scale.low)] = 0 }
                    for offset in 0..<scale.size where table[offset] == 0 {
                        table[offset] = Int32(values.count)
                        values.append(scale.low + Double(offset))
                    }
                    table[scale.size] = -1
                    positions.withUnsafeMutableBufferPointer { positions in
                        for index in cells.indices {
                            positions[index] = table[Int((cells[index].isNaN ? spare : cells[index]) - scale.low)]
                        }
                    }
                }
            }
            return Categories(positions: positions, values: values)
        }
        let values = Array(Set(cells.filter { !$0.isNaN })).sorted()
        for index in cells.indices where !cells[index].isNaN {
            var lower = 0
            var upper = values.count - 1
            let value = cells[index]
            while lower < upper {
                let middle = (lower + upper) / 2
                if values[middle] < value { lower = middle + 1 } else { upper = middle }
            }
            positions[index] = Int32(lower)
        }
        return Categories(positions: positions, values: values)
    }
}

/// The range of a table whose ratings are all whole numbers close together (1 to 5, 0 to 10):
/// such tables can be counted into arrays indexed by value, with no search or hashing.
struct DenseScale {
    let low: Double
    /// Whole numbers from `low` to the highest rating.
    let size: Int

    /// The widest range treated as dense; wider integer scales take the general path.
    static let maximumSize = 1024

    /// Nil when the table has no ratings, a fractional rating, or too wide a range.
    init?(_ matrix: RatingMatrix) {
        guard !matrix.cells.isEmpty else { return nil }
        // One pass over every cell, in parts on every core for large tables.
        let parts = ParallelParts.count(forCells: matrix.cells.count, units: matrix.unitCount)
        var results = [Double](repeating: 0, count: 3 * parts)
        matrix.cells.withUnsafeBufferPointer { cells in
            results.withUnsafeMutableBufferPointer { results in
                let input = PartsBuffer(base: UnsafeMutablePointer(mutating: cells.baseAddress!), count: cells.count)
                let output = PartsBuffer(base: results.baseAddress!, count: results.count)
                ParallelParts.run(parts) { part in
                    let range = ParallelParts.range(part, of: parts, count: input.count)
                    let bounds = Self.bounds(
                        UnsafeBufferPointer(rebasing: UnsafeBufferPointer(start: input.base, count: input.count)[range])
                    )
                    output.base[3 * part] = bounds.low
                    output.base[3 * part + 1] = bounds.high
                    output.base[3 * part + 2] = bounds.fractional ? 1 : 0
                }
            }
        }
        var low = Double.infinity
        var high = -Double.infinity
        var fractional = false
        for part in 0..<parts {
            low = min(low, results[3 * part])
            high = max(high, results[3 * part + 1])
            fractional = fractional || results[3 * part + 2] != 0
        }
        guard low <= high, !fractional, high - low < Double(Self.maximumSize) else { return nil }
        self.low = low
        size = Int(high - low) + 1
    }

    private static func bounds(_ cells: UnsafeBufferPointer<Double>) -> (low: Double, high: Double, fractional: Bool) {
        var low = Double.infinity
        var high = -Double.infinity
        var fractional: UInt64 = 0
        // Adding and removing 1.5 × 2⁵² rounds to a whole number without calling into libm;
        // beyond 2⁵¹ a value counts as fractional, which only sends such tables down the general
        // path. The tests compare bit patterns as integers: floating-point comparisons that may
        // meet NaN compile to branches, which a third of cells missing at random mispredicts.
        let rounding = 6_755_399_441_055_744.0
        for value in cells {
            // NaN compares false both ways, so missing cells leave both bounds alone.
            low = value < low ? value : low
            high = value > high ? value : high
            let bits = value.bitPattern
            let isNumber: UInt64 = (bits & 0x7FFF_FFFF_FFFF_FFFF) <= 0x7FF0_0000_0000_0000 ? 1 : 0
            fractional |= (((value + rounding) - rounding).bitPattern != bits ? 1 : 0) & isNumber
        }
        return (low, high, fractional != 0)
    }
}

/// A rating matrix's values as positions among its distinct values, ascending (-1 for missing).
/// Statistics over categories count positions, which is far cheaper per cell than hashing
/// doubles; computed once, it serves every such statistic of a table.
struct Categories: Sendable {
    let positions: [Int32]
    let values: [Double]
}

/// How the numbers of a rating scale may be compared, which decides how disagreement is weighed.
public enum MeasurementLevel: String, Sendable, CaseIterable, Codable {
    /// The widest scale of whole numbers still read as rating categories when no level is asked for.
    public static let categoricalScaleLimit = 20

    /// The levels that suit a table when none is asked for, and a sentence saying why.
    ///
    /// A scale of a few whole numbers (1 to 5, Never to Always) is reported at every level. Scores
    /// with decimals, or whole numbers spread wider than `categoricalScaleLimit` points, are
    /// reported as scores (interval) and as ranks (ordinal): nominal alpha would count every
    /// distinct score as its own category, and ratio alpha needs a true zero.
    public static func suited(to matrix: RatingMatrix) -> (levels: [MeasurementLevel], reason: String) {
        if let scale = DenseScale(matrix), scale.size <= categoricalScaleLimit {
            return (
                allCases,
                "Ratings are whole numbers from \(Int(scale.low)) to \(Int(scale.low) + scale.size - 1): alpha at every level of measurement."
            )
        }
        let kind =
            matrix.cells.contains { !$0.isNaN && $0 != $0.rounded() }
            ? "Ratings have decimals" : "Ratings spread over more than \(categoricalScaleLimit) whole numbers"
        return (
            [.interval, .ordinal],
            "\(kind): they are scores, so alpha as scores (interval) and as ranks (ordinal) only. Nominal alpha would count every distinct value as its own category and ratio alpha needs a true zero; ask for either with --level."
        )
    }

    /// Whether a table's values are rating categories (a narrow scale of whole numbers), which
    /// category-counting statistics such as Fleiss' kappa need.
    public static func isCategorical(_ matrix: RatingMatrix) -> Bool {
        DenseScale(matrix).map { $0.size <= categoricalScaleLimit } ?? false
    }

    /// Categories without order: any two different values disagree equally.
    case nominal
    /// Ordered categories: disagreement grows with how many ratings lie between two values.
    case ordinal
    /// Equal steps: disagreement is the squared difference.
    case interval
    /// A true zero: disagreement is the squared difference relative to the sum.
    case ratio
}
