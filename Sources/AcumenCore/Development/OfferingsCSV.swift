import Foundation

/// A framework version an imported offering may develop, named in files by its name.
public struct KnownFramework: Sendable {
    public var id: UUID
    public var content: FrameworkContent

    public init(id: UUID, content: FrameworkContent) {
        self.id = id
        self.content = content
    }
}

/// The catalogue as a CSV file, both ways. One row per offering; `competencies` lists what it
/// develops as `OM.3 Baseline>Advanced; KE.1 Advanced>Expert` in the framework named in
/// `framework` (an entry in another framework names it first: `Account Management Essentials:
/// CN.1 Baseline>Advanced`), and `prerequisites` lists offering codes separated by semicolons. An import is
/// all or nothing: every bad row is listed by its line, and a code already in the catalogue
/// updates that offering.
public enum OfferingsCSV {
    public static let columns = [
        "code", "title", "summary", "category", "format", "duration_minutes", "language", "provider", "link", "owner",
        "phase", "prerequisites", "framework", "competencies", "xapi_activity_id",
    ]
    public static let requiredColumns = ["code", "title", "category", "format", "duration_minutes", "phase"]

    public static func make(_ offerings: [Offering], frameworks: [KnownFramework]) -> String {
        let byID = Dictionary(frameworks.map { ($0.id, $0.content) }, uniquingKeysWith: { first, _ in first })
        return CSVText.make(
            header: columns,
            rows: offerings.map { offering in
                let main = offering.targets.first.flatMap { byID[$0.frameworkID] }
                return [
                    offering.code, offering.title, offering.summary, offering.category, offering.format.rawValue,
                    "\(offering.durationMinutes)", offering.language, offering.provider, offering.link, offering.owner,
                    offering.phase.rawValue, offering.prerequisites.joined(separator: "; "), main?.name ?? "",
                    offering.targets.compactMap { target in
                        byID[target.frameworkID].map { content in
                            // Targets in another framework than the row's name theirs.
                            (content.name == main?.name ? "" : content.name + ": ") + target.competencyCode + " "
                                + (content.levels.name(at: target.fromLevel) ?? "") + ">"
                                + (content.levels.name(at: target.toLevel) ?? "")
                        }
                    }.joined(separator: "; "),
                    offering.xapiActivityID,
                ]
            })
    }

    /// - Parameters:
    ///   - existing: the catalogue as it is, for prerequisites and ids of codes it already has.
    ///   - baseURL: where activity ids are made for offerings that bring none.
    public static func offerings(
        fromCSV text: String, categories: [String], frameworks: [KnownFramework], existing: [Offering],
        baseURL: String
    ) throws(ImportReport) -> [Offering] {
        let table = try CSVTable(text: text, requiredColumns: requiredColumns)
        let existingByCode = Dictionary(
            existing.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [ImportProblem] = []
        var read: [(line: Int, offering: Offering)] = []
        var lineByCode: [String: Int] = [:]
        for row in table.rows {
            func cell(_ column: String) -> String { CSVText.undefused(row[column]) }
            var rowProblems: [CatalogueText] = []
            let code = cell("code")
            if let first = lineByCode[code.lowercased()], !code.isEmpty {
                rowProblems.append(
                    CatalogueText(
                        ImportProblemMessage.repeated, ["column": "code", "value": code, "first": "\(first)"]))
            }
            lineByCode[code.lowercased()] = lineByCode[code.lowercased()] ?? row.line
            let framework = frameworkNamed(cell("framework"), in: frameworks)
            if !cell("framework").isEmpty && framework == nil {
                rowProblems.append(
                    CatalogueText(CatalogueMessage.unknownFramework, ["framework": cell("framework")]))
            }
            let targets = OfferingRules.targets(
                cell("competencies"), in: framework, frameworks: frameworks, problems: &rowProblems)
            let offering = Offering(
                id: existingByCode[code.lowercased()]?.id ?? UUID(), code: code, title: cell("title"),
                summary: cell("summary"), category: canonical(cell("category"), in: categories),
                format: OfferingFormat(rawValue: cell("format")) ?? .selfStudy,
                durationMinutes: Int(cell("duration_minutes")) ?? 0,
                language: cell("language").isEmpty ? "en" : cell("language"), provider: cell("provider"),
                link: cell("link"), owner: cell("owner"),
                phase: LearningPhase(rawValue: cell("phase")) ?? .technical,
                prerequisites: cell("prerequisites").split(separator: ";").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }.filter { !$0.isEmpty },
                targets: targets,
                xapiActivityID: cell("xapi_activity_id").isEmpty
                    ? (existingByCode[code.lowercased()]?.xapiActivityID
                        ?? Offering.activityID(code: code, baseURL: baseURL))
                    : cell("xapi_activity_id"))
            rowProblems += OfferingRules.problems(
                offering, categories: categories,
                fields: (format: cell("format"), duration: cell("duration_minutes"), phase: cell("phase")))
            problems += rowProblems.map { ImportProblem(line: row.line, $0) }
            read.append((row.line, offering))
        }
        let known = Set(existing.map { $0.code.lowercased() }).union(read.map { $0.offering.code.lowercased() })
        for (line, offering) in read {
            problems += OfferingRules.prerequisiteProblems(offering, knownCodes: known).map {
                ImportProblem(line: line, $0)
            }
        }
        let all = Dictionary(existing.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            .merging(read.map { ($0.offering.code.lowercased(), $0.offering) }) { _, new in new }
        for (line, offering) in read where OfferingRules.isInCycle(offering.code, all: all) {
            problems.append(ImportProblem(line: line, CatalogueText(CatalogueMessage.prerequisiteCycle)))
        }
        if table.rows.isEmpty {
            problems.append(ImportProblem(line: 2, CatalogueText(CatalogueMessage.noOfferings)))
        }
        guard problems.isEmpty else { throw ImportReport(problems: problems) }
        return read.map(\.offering)
    }

    static func frameworkNamed(_ name: String, in frameworks: [KnownFramework]) -> KnownFramework? {
        guard !name.isEmpty else { return nil }
        return frameworks.first { $0.content.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// A category as the catalogue spells it, whatever the file's capitals.
    private static func canonical(_ category: String, in categories: [String]) -> String {
        categories.first { $0.caseInsensitiveCompare(category) == .orderedSame } ?? category
    }
}
