import Foundation

/// Reads a rating table from CSV: a header row of rater names, then one row per unit, each
/// cell a number or blank for a missing rating.
///
/// Made for large numeric tables: the header is read by CSV rules (quotes, commas in names, a
/// byte-order mark), the body is scanned as bytes and numbers are converted without a string
/// per cell. Errors name the line and column, counted from 1, as a spreadsheet shows them.
public enum RatingTableReader {
    public struct Table: Sendable {
        public var raters: [String]
        public var matrix: RatingMatrix
    }

    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: Int?
        public var wording: CatalogueText

        init(line: Int, column: Int?, _ key: StatsMessage, _ arguments: [String: String] = [:]) {
            self.line = line
            self.column = column
            self.wording = CatalogueText(key, arguments)
        }

        /// In English, for tests and logs.
        public var description: String { description(in: Localizer(.english)) }

        public func description(in text: Localizer) -> String {
            let problem = wording.text(in: text)
            return column.map {
                text.text(
                    StatsMessage.atCell,
                    ["line": text.integer(line), "column": text.integer($0), "problem": problem])
            } ?? text.text(StatsMessage.atLine, ["line": text.integer(line), "problem": problem])
        }
    }

    public static func read(_ data: Data) throws(Problem) -> Table {
        let bytes = [UInt8](data)
        // Scanned through a buffer pointer: a million cells are read without a bounds check each.
        var result: Result<Table, Problem>?
        bytes.withUnsafeBufferPointer { buffer in
            result = Result { () throws(Problem) -> Table in try read(buffer) }
        }
        return try result!.get()
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(Problem) -> Table {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        let raters = try header(bytes, &index)
        guard !raters.isEmpty else { throw Problem(line: 1, column: nil, .noRaters) }
        var cells: [Double] = []
        cells.reserveCapacity(bytes.count / 2)
        var line = 1
        var units = 0
        while index < bytes.count {
            line += 1
            let start = cells.count
            var column = 0
            var atLineEnd = false
            // A blank line (including the end of the file) is skipped, not read as a unit of missing ratings.
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                index += bytes[index] == 0x0D ? 2 : 1
                continue
            }
            while !atLineEnd {
                column += 1
                let value = try cell(bytes, &index, line: line, column: column)
                cells.append(value)
                if index >= bytes.count {
                    atLineEnd = true
                } else if bytes[index] == 0x2C {
                    index += 1
                } else {
                    if bytes[index] == 0x0D { index += 1 }
                    index += 1
                    atLineEnd = true
                }
            }
            if cells.count - start != raters.count {
                throw Problem(
                    line: line, column: nil, .cellCount,
                    ["cells": "\(cells.count - start)", "raters": "\(raters.count)"])
            }
            units += 1
        }
        // A header alone is no table to compare: say so rather than answer with no figures.
        guard units > 0 else { throw Problem(line: 2, column: nil, .noUnits) }
        return Table(raters: raters, matrix: RatingMatrix(units: units, raters: raters.count, cells: cells))
    }

    /// One cell: blank (missing), a plain decimal number, or the same in quotes.
    private static func cell(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, line: Int, column: Int)
        throws(Problem) -> Double
    {
        // Spaces around a cell, quoted or not, are not part of it.
        while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        var start = index
        var end = index
        var quoted = false
        if index < bytes.count && bytes[index] == 0x22 {
            quoted = true
            index += 1
            start = index
            while index < bytes.count && bytes[index] != 0x22 { index += 1 }
            guard index < bytes.count else {
                throw Problem(line: line, column: column, .quoteNotClosed)
            }
            end = index
            index += 1
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
            if index < bytes.count && bytes[index] != 0x2C && bytes[index] != 0x0A && bytes[index] != 0x0D {
                throw Problem(line: line, column: column, .textAfterQuote)
            }
        } else {
            while index < bytes.count && bytes[index] != 0x2C && bytes[index] != 0x0A && bytes[index] != 0x0D {
                index += 1
            }
            end = index
        }
        if !quoted && index < bytes.count && bytes[index] == 0x22 {
            throw Problem(line: line, column: column, .quoteInside)
        }
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        if start == end { return .nan }
        if let value = fastNumber(bytes, start, end) { return value }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw Problem(line: line, column: column, .notANumber, ["value": String(text.prefix(40))])
        }
        return value
    }

    /// Plain decimals such as `3`, `-2.75`: the digits as a whole number divided by a power of
    /// ten, both exact, so the one division rounds correctly. Anything else returns nil.
    private static func fastNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var index = start
        var negative = false
        if bytes[index] == 0x2D || bytes[index] == 0x2B {
            negative = bytes[index] == 0x2D
            index += 1
        }
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        while index < end {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa * 10 + Int64(byte - 0x30)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if byte == 0x2E && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, digits <= 15, fractionDigits <= 22 else { return nil }
        let value = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// The header row by CSV rules.
    private static func header(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) throws(Problem) -> [String] {
        var names: [String] = []
        var current: [UInt8] = []
        var quoted = false
        var column = 1
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == 0x22 {
                    if index + 1 < bytes.count && bytes[index + 1] == 0x22 {
                        current.append(0x22)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(byte)
                }
            } else if byte == 0x22 && current.isEmpty {
                quoted = true
            } else if byte == 0x2C {
                names.append(try name(current, column: column))
                current = []
                column += 1
            } else if byte == 0x0A || byte == 0x0D {
                index += (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
                names.append(try name(current, column: column))
                return try unique(names)
            } else {
                current.append(byte)
            }
            index += 1
        }
        if quoted { throw Problem(line: 1, column: column, .nameQuoteNotClosed) }
        if !current.isEmpty || !names.isEmpty { names.append(try name(current, column: column)) }
        return try unique(names)
    }

    private static func name(_ bytes: [UInt8], column: Int) throws(Problem) -> String {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw Problem(line: 1, column: column, .unnamedRater) }
        return text
    }

    private static func unique(_ names: [String]) throws(Problem) -> [String] {
        var seen: Set<String> = []
        for (position, name) in names.enumerated() where !seen.insert(name).inserted {
            throw Problem(line: 1, column: position + 1, .raterTwice, ["name": name])
        }
        return names
    }
}

/// The words of `acumen stats`: a rating table's problems and the figures as a table for
/// people, in the organisation's default language.
public enum StatsMessage: String, MessageKey, CaseIterable {
    case atLine = "stats.problem.atLine"
    case atCell = "stats.problem.atCell"
    case noRaters = "stats.problem.noRaters"
    case noUnits = "stats.problem.noUnits"
    case cellCount = "stats.problem.cellCount"
    case quoteNotClosed = "stats.problem.quoteNotClosed"
    case textAfterQuote = "stats.problem.textAfterQuote"
    case quoteInside = "stats.problem.quoteInside"
    case notANumber = "stats.problem.notANumber"
    case nameQuoteNotClosed = "stats.problem.nameQuoteNotClosed"
    case unnamedRater = "stats.problem.unnamedRater"
    case raterTwice = "stats.problem.raterTwice"
    case units = "stats.table.units"
    case raters = "stats.table.raters"
    case alpha = "stats.table.alpha"
    case icc = "stats.table.icc"
    case iccUndefined = "stats.table.iccUndefined"
    case fleiss = "stats.table.fleiss"
    case fleissUndefined = "stats.table.fleissUndefined"
    case cohen = "stats.table.cohen"
    case pair = "stats.table.pair"
    case undefined = "stats.table.undefined"
}
