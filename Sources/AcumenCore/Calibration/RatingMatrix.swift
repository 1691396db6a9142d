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
        var low = Double.infinity
        var high = -Double.infinity
        var fractional = false
        matrix.cells.withUnsafeBufferPointer { cells in
            for value in cells {
                // NaN compares false both ways, so missing cells leave both bounds alone.
                low = value < low ? value : low
                high = value > high ? value : high
                fractional = fractional || (value.rounded(.towardZero) != value && value == value)
            }
        }
        guard low <= high, !fractional, high - low < Double(Self.maximumSize) else { return nil }
        self.low = low
        size = Int(high - low) + 1
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
    /// Categories without order: any two different values disagree equally.
    case nominal
    /// Ordered categories: disagreement grows with how many ratings lie between two values.
    case ordinal
    /// Equal steps: disagreement is the squared difference.
    case interval
    /// A true zero: disagreement is the squared difference relative to the sum.
    case ratio
}
