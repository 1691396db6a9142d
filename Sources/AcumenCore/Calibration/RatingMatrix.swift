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

    /// The matrix's values replaced by category positions over its distinct values, ascending
    /// (-1 for missing), with those values. Statistics over categories count positions, which
    /// is far cheaper per cell than hashing doubles.
    func categories() -> (positions: [Int32], values: [Double]) {
        var distinct = cells.filter { !$0.isNaN }
        distinct.sort()
        var values: [Double] = []
        values.reserveCapacity(16)
        for value in distinct where values.last != value { values.append(value) }
        var positions = [Int32](repeating: -1, count: cells.count)
        // Small whole-number scales (the usual case) map by offset; anything else by binary search.
        if let first = values.first, let last = values.last, values.allSatisfy({ $0 == $0.rounded() }),
            last - first < 4096
        {
            var table = [Int32](repeating: -1, count: Int(last - first) + 1)
            for (position, value) in values.enumerated() { table[Int(value - first)] = Int32(position) }
            for index in cells.indices where !cells[index].isNaN {
                positions[index] = table[Int(cells[index] - first)]
            }
        } else {
            for index in cells.indices where !cells[index].isNaN {
                var low = 0
                var high = values.count - 1
                let value = cells[index]
                while low < high {
                    let middle = (low + high) / 2
                    if values[middle] < value { low = middle + 1 } else { high = middle }
                }
                positions[index] = Int32(low)
            }
        }
        return (positions, values)
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
