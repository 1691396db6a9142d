import CSV
import Foundation

/// A CSV file read into named columns, each row remembering the line it started on.
///
/// Header names are matched without regard to case, spaces or underscores, so
/// `Hire date`, `hire_date` and `HireDate` name the same column.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        public let line: Int
        let cells: [String: String]

        /// The trimmed cell, or an empty string when the column is absent or blank.
        public subscript(_ column: String) -> String {
            cells[CSVTable.key(column)]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
    }

    public let columns: [String]
    public let rows: [Row]

    /// Parses the text; throws an `ImportReport` when the file is not CSV at all or lacks required columns.
    public init(text: String, requiredColumns: [String]) throws(ImportReport) {
        let reader: CSVReader
        do {
            reader = try CSVReader(
                string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, hasHeaderRow: true,
                trimFields: false)
        } catch {
            throw ImportReport(problems: [
                ImportProblem(line: 1, message: "the file could not be read as CSV (\(error))")
            ])
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        columns = header
        let keys = header.map(Self.key)
        let missing = requiredColumns.filter { !keys.contains(Self.key($0)) }
        if header.isEmpty || header == [""] {
            throw ImportReport(problems: [
                ImportProblem(line: 1, message: "the file is empty; the first line must name the columns")
            ])
        }
        if !missing.isEmpty {
            throw ImportReport(problems: [
                ImportProblem(
                    line: 1,
                    message:
                        "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); the header is: \(header.joined(separator: ","))"
                )
            ])
        }
        var rows: [Row] = []
        var line = 1
        while let fields = reader.next() {
            line += 1
            let spannedLines = fields.reduce(0) { $0 + $1.filter(\.isNewline).count }
            defer { line += spannedLines }
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var cells: [String: String] = [:]
            for (index, key) in keys.enumerated() where index < fields.count {
                cells[key] = fields[index]
            }
            rows.append(Row(line: line, cells: cells))
        }
        if let error = reader.error {
            throw ImportReport(problems: [ImportProblem(line: line, message: "the file is not valid CSV: \(error)")])
        }
        self.rows = rows
    }

    static func key(_ column: String) -> String {
        column.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

/// One reason a row of an import was refused.
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "Line \(line): \(message)" }
}

/// Every problem found in an import. An import with any problem changes nothing.
public struct ImportReport: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]

    public init(problems: [ImportProblem]) {
        self.problems = problems.sorted { $0.line < $1.line }
    }

    public var description: String {
        "Nothing was imported. Fix \(problems.count == 1 ? "this problem" : "these \(problems.count) problems") and try again:\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
