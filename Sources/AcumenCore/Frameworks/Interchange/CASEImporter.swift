import Foundation

/// Why a CASE package could not become a framework; every problem is listed, not just the first.
public struct CASEImportError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]

    public var description: String {
        "The CASE package cannot be imported:\n" + problems.map { "- \($0)" }.joined(separator: "\n")
    }
}

/// Reads a CASE 1.1 package into framework content.
///
/// The structure is taken from `isChildOf` associations: items directly under the document
/// are categories, items under a category are competencies, ordered by `sequenceNumber`.
/// Each competency's rubric gives its behaviours per level, one behaviour per line of the
/// level's description; the levels, ordered by score, become the framework's scale.
public enum CASEImporter {
    public static func decode(_ data: Data) throws -> CASEPackage {
        do {
            return try JSONDecoder().decode(CASEPackage.self, from: data)
        } catch let error as DecodingError {
            throw CASEImportError(problems: [JSONProblem.describe(error)])
        } catch {
            throw CASEImportError(problems: ["the body is not valid JSON"])
        }
    }

    public static func content(from package: CASEPackage) throws -> FrameworkContent {
        var problems: [String] = []
        let document = package.document
        let documentID = identifier(document.identifier, what: "CFDocument", problems: &problems)
        let items = package.items ?? []
        var itemsByID: [String: CASEItem] = [:]
        for item in items {
            let key = item.identifier.lowercased()
            if itemsByID.updateValue(item, forKey: key) != nil {
                problems.append("CFItem \(item.identifier) appears more than once")
            }
        }

        var children: [String: [(sequence: Int, id: String)]] = [:]
        var parentOf: [String: String] = [:]
        for association in package.associations ?? [] where association.associationType == "isChildOf" {
            let child = association.originNodeURI.identifier.lowercased()
            let parent = association.destinationNodeURI.identifier.lowercased()
            guard itemsByID[child] != nil else {
                problems.append("association \(association.identifier) refers to an unknown item \(child)")
                continue
            }
            if parentOf.updateValue(parent, forKey: child) != nil {
                problems.append("item \(child) has more than one parent; Acumen frameworks are a tree")
            }
            children[parent, default: []].append((association.sequenceNumber ?? Int.max, child))
        }
        func ordered(_ parent: String) -> [String] {
            (children[parent] ?? []).sorted { ($0.sequence, $0.id) < ($1.sequence, $1.id) }.map(\.id)
        }

        let rubricsByItem = rubricLevels(package.rubrics ?? [], problems: &problems)
        let scale = levelScale(from: rubricsByItem.values.map(\.self), problems: &problems)

        var categories: [CategoryContent] = []
        var placed: Set<String> = []
        for categoryKey in ordered(document.identifier.lowercased()) {
            guard let categoryItem = itemsByID[categoryKey] else { continue }
            placed.insert(categoryKey)
            var competencies: [CompetencyContent] = []
            for competencyKey in ordered(categoryKey) {
                guard let item = itemsByID[competencyKey] else { continue }
                placed.insert(competencyKey)
                if !(children[competencyKey] ?? []).isEmpty {
                    problems.append(
                        "item \(label(item)) has items below it; Acumen frameworks have categories and competencies only"
                    )
                }
                let levels = rubricsByItem[competencyKey] ?? []
                if levels.isEmpty {
                    problems.append("competency \(label(item)) has no CFRubric giving its behaviours per level")
                }
                competencies.append(
                    CompetencyContent(
                        identifier: identifier(item.identifier, what: "CFItem", problems: &problems),
                        code: item.humanCodingScheme ?? "",
                        title: title(of: item),
                        description: description(of: item),
                        standards: levels.enumerated().map { position, level in
                            LevelStandard(level: position, behaviours: lines(level.description ?? ""))
                        }))
            }
            categories.append(
                CategoryContent(
                    identifier: identifier(categoryItem.identifier, what: "CFItem", problems: &problems),
                    code: categoryItem.humanCodingScheme ?? "",
                    title: title(of: categoryItem),
                    description: description(of: categoryItem),
                    competencies: competencies))
        }
        for item in items where !placed.contains(item.identifier.lowercased()) {
            problems.append("item \(label(item)) is not linked to the document by isChildOf associations")
        }

        // The package's language, as the document (else its first item that says) names it; a
        // label that is not a language tag ("English") is read as English rather than refused.
        let language =
            (document.language ?? items.lazy.compactMap(\.language).first).flatMap(ContentLanguage.init(tag:))
            ?? .english
        let content = FrameworkContent(
            identifier: documentID, name: document.title, description: document.description ?? "",
            owner: document.creator, levels: scale, categories: categories, language: language)
        problems.append(contentsOf: content.validate(requireComplete: false).errors.map(\.description))
        guard problems.isEmpty else { throw CASEImportError(problems: problems) }
        return content
    }

    private static func rubricLevels(
        _ rubrics: [CASERubric], problems: inout [String]
    ) -> [String: [CASERubricCriterionLevel]] {
        var result: [String: [CASERubricCriterionLevel]] = [:]
        for rubric in rubrics {
            for criterion in rubric.criteria ?? [] {
                guard let item = criterion.itemURI?.identifier.lowercased() else {
                    problems.append("rubric criterion \(criterion.identifier) does not name the CFItem it rates")
                    continue
                }
                result[item] = (criterion.levels ?? []).sorted {
                    ($0.score ?? Double($0.position ?? 0)) < ($1.score ?? Double($1.position ?? 0))
                }
            }
        }
        return result
    }

    /// The scale is the qualities of the levels, ordered by score; every rubric must use the same one.
    private static func levelScale(
        from rubrics: [[CASERubricCriterionLevel]], problems: inout [String]
    ) -> LevelScale {
        let scales = Set(rubrics.map { levels in levels.map { $0.quality ?? "" } })
        guard let first = scales.first else { return .standard }
        if scales.count > 1 {
            problems.append("the rubrics do not all use the same levels; found \(scales.count) different sets")
        }
        if first.contains(where: { $0.isEmpty }) {
            problems.append("every rubric level needs a quality naming its level (for example Baseline)")
        }
        return LevelScale(names: first)
    }

    private static func identifier(_ text: String, what: String, problems: inout [String]) -> UUID {
        if let uuid = UUID(uuidString: text) { return uuid }
        problems.append("\(what) identifier \"\(text)\" is not a UUID")
        return UUID()
    }

    private static func title(of item: CASEItem) -> String {
        item.abbreviatedStatement ?? item.fullStatement
    }

    private static func description(of item: CASEItem) -> String {
        item.fullStatement == title(of: item) ? "" : item.fullStatement
    }

    private static func label(_ item: CASEItem) -> String {
        item.humanCodingScheme ?? item.identifier
    }

    /// One behaviour per line; list markers some tools add are dropped.
    public static func lines(_ description: String) -> [String] {
        description.split(whereSeparator: \.isNewline).map { line in
            var text = line.trimmingCharacters(in: .whitespaces)
            for marker in ["- ", "* ", "• "] where text.hasPrefix(marker) {
                text = String(text.dropFirst(marker.count))
            }
            return text.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }
}
