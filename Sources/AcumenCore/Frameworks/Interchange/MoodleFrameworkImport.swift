import Foundation

/// Reads a competency framework exported by Moodle's "Import competency framework" tool
/// (tool_lpimportcsv), the format most organisations migrate from.
///
/// The row marked `Is framework` names the framework. Competencies without a parent become
/// categories; their children become competencies; anything deeper is kept as the competency's
/// indicators, at its depth (Acumen rates competencies, not their sub-competencies).
/// Moodle has no behaviours per level, so the draft keeps the standard levels and its
/// behaviours are left for the author to write before publishing.
public enum MoodleFrameworkImport {
    public static let requiredColumns = ["Parent ID number", "ID number", "Short name", "Is framework"]

    public static func content(fromCSV text: String) throws(ImportReport) -> FrameworkContent {
        try read(csv: text).content
    }

    /// The framework with what the reader adapted (codes) and what is left to write (behaviours).
    public static func read(csv text: String) throws(ImportReport) -> FrameworkReading {
        let table = try CSVTable(text: text, requiredColumns: requiredColumns)
        var problems: [ImportProblem] = []
        let frameworkRows = table.rows.filter { isTrue($0["Is framework"]) }
        guard frameworkRows.count == 1, let frameworkRow = frameworkRows.first else {
            throw ImportReport(problems: [
                ImportProblem(
                    line: frameworkRows.dropFirst().first?.line ?? 2,
                    CatalogueText(ImportProblemMessage.moodleFrameworkRow, count: frameworkRows.count))
            ])
        }
        let rows = table.rows.filter { !isTrue($0["Is framework"]) }
        var lineByID: [String: Int] = [:]
        let knownIDs = Set(rows.map { $0["ID number"] })
        problems += textProblems(frameworkRow)
        for row in rows {
            problems += textProblems(row)
            let id = row["ID number"]
            if id.isEmpty {
                problems.append(ImportProblem(line: row.line, CatalogueText(ImportProblemMessage.moodleIDRequired)))
            } else if let first = lineByID[id] {
                problems.append(
                    ImportProblem(
                        line: row.line,
                        CatalogueText(
                            ImportProblemMessage.repeated, ["column": "ID number", "value": id, "first": "\(first)"])))
            } else {
                lineByID[id] = row.line
            }
            if row["Short name"].isEmpty {
                problems.append(
                    ImportProblem(line: row.line, CatalogueText(ImportProblemMessage.moodleShortNameRequired)))
            }
            let parent = row["Parent ID number"]
            if !parent.isEmpty && parent == row["ID number"] {
                problems.append(ImportProblem(line: row.line, CatalogueText(ImportProblemMessage.ownParent)))
            } else if !parent.isEmpty && !knownIDs.contains(parent) {
                problems.append(
                    ImportProblem(line: row.line, CatalogueText(ImportProblemMessage.unknownParent, ["parent": parent]))
                )
            }
        }
        problems += cycleProblems(rows)
        problems += depthProblems(rows)
        guard problems.isEmpty else { throw ImportReport(problems: problems) }

        let children = Dictionary(grouping: rows, by: { $0["Parent ID number"] })
        var codes = CodeAllocator()
        let categories = (children[""] ?? []).map { categoryRow in
            CategoryContent(
                code: codes.code(for: categoryRow["ID number"]), title: categoryRow["Short name"],
                description: plainText(categoryRow["Description"]),
                competencies: (children[categoryRow["ID number"]] ?? []).map { row in
                    CompetencyContent(
                        code: codes.code(for: row["ID number"]), title: row["Short name"],
                        description: plainText(row["Description"]), standards: [],
                        indicators: indicators(under: row["ID number"], parent: nil, in: children, codes: &codes))
                })
        }
        let content = FrameworkContent(
            name: frameworkRow["Short name"].isEmpty ? frameworkRow["ID number"] : frameworkRow["Short name"],
            description: plainText(frameworkRow["Description"]), owner: "Imported from Moodle",
            categories: categories)
        let errors = content.validate(requireComplete: false).errors
        guard errors.isEmpty else {
            throw ImportReport(problems: errors.map { ImportProblem(line: frameworkRow.line, message: $0.description) })
        }
        var notes = codes.adapted.map { given, code in
            "ID number \(given) became the code \(code): codes are at most \(TextLimits.code) letters, digits, '.', '-' or '_', each used once"
        }
        let keptBelow = content.competencies.reduce(0) { $0 + $1.indicators.count }
        if keptBelow > 0 {
            notes.append("rows below competencies were kept as their indicators (\(keptBelow))")
        }
        if !content.competencies.isEmpty {
            notes.append(
                "Moodle frameworks have no behaviours per level: each competency's are to be written in the draft")
        }
        return FrameworkReading(content: content, notes: notes)
    }

    /// Names and descriptions too long to keep, at the row they are on (the framework's own
    /// checks would only know where in the framework they ended up).
    private static func textProblems(_ row: CSVTable.Row) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        if row["Short name"].count > TextLimits.name {
            problems.append(ImportProblem(line: row.line, ImportProblemMessage.textTooLong(column: "Short name")))
        }
        if plainText(row["Description"]).count > TextLimits.description {
            problems.append(
                ImportProblem(
                    line: row.line,
                    CatalogueText(
                        ImportProblemMessage.tooLong, ["column": "Description", "limit": "\(TextLimits.description)"])))
        }
        return problems
    }

    /// Rows deeper than a CASE package may be (`CASEImporter.maximumDepth`), at the line of each
    /// row that first goes past it: checked before the tree is walked.
    private static func depthProblems(_ rows: [CSVTable.Row]) -> [ImportProblem] {
        var parentOf: [String: String] = [:]
        for row in rows where !row["ID number"].isEmpty && parentOf[row["ID number"]] == nil {
            parentOf[row["ID number"]] = row["Parent ID number"]
        }
        let depths = ParentCycles.depths(parentOf: parentOf)
        let limit = CASEImporter.maximumDepth
        return rows.filter { depths[$0["ID number"]] == limit + 1 }.prefix(5).map { row in
            ImportProblem(
                line: row.line,
                CatalogueText(
                    ImportProblemMessage.tooDeep,
                    ["id": row["ID number"], "limit": "\(limit)", "indicators": "\(limit - 2)"]))
        }
    }

    /// Rows whose chain of parents comes back to them: they would belong nowhere. Each cycle is
    /// reported once, at the line of its first row in the file.
    private static func cycleProblems(_ rows: [CSVTable.Row]) -> [ImportProblem] {
        var parentOf: [String: String] = [:]
        var lineByID: [String: Int] = [:]
        for row in rows where !row["ID number"].isEmpty && parentOf[row["ID number"]] == nil {
            parentOf[row["ID number"]] = row["Parent ID number"]
            lineByID[row["ID number"]] = row.line
        }
        return ParentCycles.find(parentOf: parentOf, order: rows.map { $0["ID number"] }).map { cycle in
            ImportProblem(
                line: lineByID[cycle[0]] ?? 2,
                CatalogueText(
                    ImportProblemMessage.parentCycle,
                    ["id": cycle[0], "path": (cycle + [cycle[0]]).joined(separator: " → ")]))
        }
    }

    /// The rows below a competency, depth first, each under its parent. The rows form a tree
    /// (cycles were refused), so the walk ends.
    private static func indicators(
        under id: String, parent: UUID?, in children: [String: [CSVTable.Row]], codes: inout CodeAllocator
    ) -> [IndicatorContent] {
        var found: [IndicatorContent] = []
        for row in children[id] ?? [] {
            let indicator = IndicatorContent(
                code: codes.code(for: row["ID number"]), title: row["Short name"],
                description: plainText(row["Description"]), parent: parent)
            found.append(indicator)
            found += indicators(under: row["ID number"], parent: indicator.identifier, in: children, codes: &codes)
        }
        return found
    }

    private static func isTrue(_ text: String) -> Bool {
        ["1", "true", "yes"].contains(text.lowercased())
    }

    /// Moodle descriptions are often HTML; Acumen keeps plain text: tags are dropped (those that
    /// end a line or paragraph start a new line), entities are read, and a `<` that opens no tag
    /// stays. One pass over the text, whatever it holds: a cell full of tags must not take
    /// quadratic time before its length is even checked.
    static func plainText(_ html: String) -> String {
        let characters = Array(html)
        var text = ""
        var nextClose: Int? = characters.firstIndex(of: ">")
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "<" {
                if let close = nextClose, close < index {
                    nextClose = characters[index...].firstIndex(of: ">")
                }
                if let close = nextClose {
                    let name = String(characters[(index + 1)..<close]).lowercased()
                        .trimmingCharacters(in: CharacterSet(charactersIn: "/ ")).prefix { $0.isLetter || $0.isNumber }
                    if ["br", "p", "li", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6"].contains(String(name)) {
                        text.append("\n")
                    }
                    index = close + 1
                    continue
                }
            } else if character == "&",
                let end = characters[index..<min(index + 10, characters.count)].firstIndex(of: ";"),
                let decoded = entity(String(characters[(index + 1)..<end]))
            {
                text.append(decoded)
                index = end + 1
                continue
            }
            text.append(character)
            index += 1
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The character an HTML entity names (`amp`, `#39`, `#x27`), if it is one Moodle writes.
    private static func entity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            let number =
                name.hasPrefix("#x") || name.hasPrefix("#X")
                ? UInt32(name.dropFirst(2), radix: 16) : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
            return number.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
