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
        // CSV.swift reads a quoted cell that never closes as running to the end of the file, so a
        // file cut off in the middle of one would import the rows before it as if it were whole.
        if let line = Self.unclosedQuoteLine(in: text) {
            throw ImportReport(problems: [ImportProblem(line: line, CatalogueText(ImportProblemMessage.unclosedQuote))])
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(
                string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, hasHeaderRow: true,
                trimFields: false)
        } catch {
            throw ImportReport(problems: [
                ImportProblem(line: 1, CatalogueText(ImportProblemMessage.unreadable, ["error": "\(error)"]))
            ])
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        columns = header
        let keys = header.map(Self.key)
        let missing = requiredColumns.filter { !keys.contains(Self.key($0)) }
        if header.isEmpty || header == [""] {
            throw ImportReport(problems: [
                ImportProblem(line: 1, CatalogueText(ImportProblemMessage.empty))
            ])
        }
        if !missing.isEmpty {
            throw ImportReport(problems: [
                ImportProblem(
                    line: 1,
                    CatalogueText(
                        ImportProblemMessage.missingColumns, count: missing.count,
                        [
                            "columns": missing.joined(separator: ", "),
                            "header": Self.shortened(header.joined(separator: ",")),
                        ]
                    ))
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
            throw ImportReport(problems: [
                ImportProblem(line: line, CatalogueText(ImportProblemMessage.notCSV, ["error": "\(error)"]))
            ])
        }
        self.rows = rows
    }

    /// The line on which a quoted cell opens that the text never closes, if there is one: a
    /// quote at the start of a cell opens it, two quotes inside it are one quote, and one quote
    /// closes it.
    static func unclosedQuoteLine(in text: String) -> Int? {
        var line = 1
        var openedOn: Int?
        var atCellStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if openedOn != nil {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { continue }
                    openedOn = nil
                    atCellStart = false
                    pending = next
                } else if scalar == "\n" {
                    line += 1
                }
                continue
            }
            switch scalar {
            case "\"" where atCellStart: openedOn = line
            case ",": atCellStart = true
            case "\n":
                line += 1
                atCellStart = true
            case "\r": atCellStart = true
            default: atCellStart = false
            }
        }
        return openedOn
    }

    /// A header quoted back in a message: a file that is not the expected CSV can have a first
    /// "line" of megabytes, which the message should not repeat.
    static func shortened(_ header: String, to limit: Int = 200) -> String {
        header.count <= limit ? header : String(header.prefix(limit)) + "…"
    }

    static func key(_ column: String) -> String {
        column.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

/// One reason a row of an import was refused. Column names in the words stay as the file has
/// them: they are the file's own vocabulary.
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    /// The problem in English, for the CLI, the API and the logs.
    public var message: String
    /// The problem as the catalogue words it, for pages in the reader's language; nil for a
    /// problem another rule wrote, which pages show as written.
    public var wording: CatalogueText?

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public init(line: Int, _ wording: CatalogueText) {
        self.init(line: line, message: wording.text(in: Localizer(.english)))
        self.wording = wording
    }

    public var description: String { "Line \(line): \(message)" }

    /// "Line 3: …" in the reader's language.
    public func description(in text: Localizer) -> String {
        text.text(
            ImportProblemMessage.line, ["line": text.integer(line), "problem": wording?.text(in: text) ?? message])
    }
}

/// The words of what is wrong with an imported file, for programme staff (English for now).
public enum ImportProblemMessage: String, MessageKey, CaseIterable {
    case line = "importProblem.line"
    case unreadable = "importProblem.unreadable"
    case empty = "importProblem.empty"
    case missingColumns = "importProblem.missingColumns"
    case notCSV = "importProblem.notCSV"
    case unclosedQuote = "importProblem.unclosedQuote"
    case noPeople = "importProblem.noPeople"
    case noAccounts = "importProblem.noAccounts"
    case required = "importProblem.required"
    case tooLong = "importProblem.tooLong"
    case notAnEmail = "importProblem.notAnEmail"
    case notADate = "importProblem.notADate"
    case repeated = "importProblem.repeated"
    case employmentStatus = "importProblem.employmentStatus"
    case endDateWhenLeft = "importProblem.endDateWhenLeft"
    case leavingReason = "importProblem.leavingReason"
    case leavingReasonWhenLeft = "importProblem.leavingReasonWhenLeft"
    case endBeforeHire = "importProblem.endBeforeHire"
    case ownSupervisor = "importProblem.ownSupervisor"
    case countryForLocation = "importProblem.countryForLocation"
    case unknownSupervisor = "importProblem.unknownSupervisor"
    case unknownPerson = "importProblem.unknownPerson"
    case unknownParent = "importProblem.unknownParent"
    case moodleIDRequired = "importProblem.moodleIDRequired"
    case moodleFrameworkRow = "importProblem.moodleFrameworkRow"
    case moodleShortNameRequired = "importProblem.moodleShortNameRequired"
    case ownParent = "importProblem.ownParent"
    case parentCycle = "importProblem.parentCycle"
    case tooDeep = "importProblem.tooDeep"

    /// A cell longer than the name limit every imported text keeps.
    static func textTooLong(column: String) -> CatalogueText {
        CatalogueText(Self.tooLong, ["column": column, "limit": "\(TextLimits.name)"])
    }
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
