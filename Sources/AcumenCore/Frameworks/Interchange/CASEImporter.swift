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
/// are categories and items under a category are competencies; when no item under the document
/// has items of its own, the tree is flat and one category named after the document holds them.
/// Siblings follow `sequenceNumber`, else their order in the file. Each competency's rubric gives
/// its behaviours per level, one per line of the level's description, and the levels, ordered
/// by score, become the scale; a competency without a rubric arrives with its behaviours still
/// to be written. Items below a competency are kept as its indicators, at their depth. A missing
/// code is generated and one Acumen cannot keep is adapted; an item under two parents is kept
/// under its first; items not linked to the document are left out: each said in the notes. What
/// cannot be a framework is refused with every problem named: identifiers used twice, an item
/// that is its own parent or in a cycle of parents, a tree deeper than `maximumDepth`.
/// Identifiers that are not UUIDs get UUIDs derived from them (the same on every import).
public enum CASEImporter {
    /// How many levels of items below the document a package may have.
    public static let maximumDepth = 12

    public static func decode(_ data: Data) throws -> CASEPackage {
        do {
            return try JSONDecoder().decode(CASEPackage.self, from: data)
        } catch let error as DecodingError {
            throw CASEImportError(problems: [JSONProblem.describe(error, in: data)])
        } catch {
            throw CASEImportError(problems: ["the body is not valid JSON"])
        }
    }

    public static func content(from package: CASEPackage) throws -> FrameworkContent {
        try read(package).content
    }

    public static func read(_ package: CASEPackage) throws -> FrameworkReading {
        var problems = duplicateIdentifiers(in: package)
        var notes: [String] = []
        let document = package.document
        let documentKey = document.identifier.lowercased()
        let items = package.items ?? []
        var itemsByID: [String: CASEItem] = [:]
        var filePosition: [String: Int] = [:]
        for (position, item) in items.enumerated() {
            let key = item.identifier.lowercased()
            if itemsByID[key] == nil {
                itemsByID[key] = item
                filePosition[key] = position
            }
        }

        var children: [String: [(sequence: Int, position: Int, id: String)]] = [:]
        var parentOf: [String: String] = [:]
        var dangling: [String] = []
        for association in package.associations ?? [] where association.associationType == "isChildOf" {
            let child = association.originNodeURI.identifier.lowercased()
            let parent = association.destinationNodeURI.identifier.lowercased()
            // A link to an item or parent outside the package leaves the item unplaced: it is
            // listed with the others left out below, rather than refusing the whole package.
            guard let item = itemsByID[child] else {
                dangling.append(association.identifier)
                continue
            }
            guard parent == documentKey || itemsByID[parent] != nil else { continue }
            if child == parent {
                problems.append("item \(label(item)) is its own parent")
                continue
            }
            if let first = parentOf[child] {
                if first != parent {
                    notes.append(
                        "item \(label(item)) also sits under \(itemsByID[parent].map(label) ?? "the document"); Acumen keeps each item in one place, under its first parent (\(itemsByID[first].map(label) ?? "the document"))"
                    )
                }
                continue
            }
            parentOf[child] = parent
            children[parent, default: []].append(
                (association.sequenceNumber ?? Int.max, filePosition[child] ?? Int.max, child))
        }
        for cycle in ParentCycles.find(parentOf: parentOf, order: items.map { $0.identifier.lowercased() }) {
            let names = cycle.map { itemsByID[$0].map(label) ?? $0 }
            problems.append("items \(names.joined(separator: ", ")) are each other's parents in a cycle")
        }
        // Checked before the tree is walked: a package that is one long chain would otherwise be
        // walked as deep as it goes.
        let tooDeep = ParentCycles.depths(parentOf: parentOf).filter { $0.value == maximumDepth + 1 }.keys
            .sorted { (filePosition[$0] ?? 0) < (filePosition[$1] ?? 0) }
        if !tooDeep.isEmpty {
            problems.append(
                "items \(listed(tooDeep.map { itemsByID[$0].map(label) ?? $0 })) are more than \(maximumDepth) levels below the document; Acumen keeps categories, competencies and \(maximumDepth - 2) levels of indicators below them"
            )
            throw CASEImportError(problems: problems)
        }
        func ordered(_ parent: String) -> [String] {
            (children[parent] ?? []).sorted { ($0.sequence, $0.position) < ($1.sequence, $1.position) }.map(\.id)
        }

        let rubricsByItem = rubricLevels(package.rubrics ?? [], problems: &problems)
        let scale = levelScale(from: rubricsByItem.values.map(\.self), problems: &problems)
        // Codes the package gives are kept where Acumen can use them; generated ones avoid them.
        let givenCodes = Set(
            items.compactMap { $0.humanCodingScheme?.trimmingCharacters(in: .whitespaces).uppercased() })
        var allocator = CodeAllocator()
        func code(of item: CASEItem, otherwise generated: String) -> String {
            let given = item.humanCodingScheme?.trimmingCharacters(in: .whitespaces) ?? ""
            if !given.isEmpty {
                let code = allocator.code(for: given)
                if code != given {
                    notes.append(
                        "\(title(of: item)) has the code \(given), which Acumen cannot keep as it is (at most \(TextLimits.code) letters, digits, '.', '-' or '_', each code once); it became \(code)"
                    )
                }
                return code
            }
            var candidate = generated
            var suffix = 1
            while givenCodes.contains(candidate.uppercased()) {
                suffix += 1
                candidate = "\(generated)-\(suffix)"
            }
            let code = allocator.code(for: candidate)
            notes.append("\(title(of: item)) had no code; it was given \(code)")
            return code
        }
        for item in items
        where item.abbreviatedStatement?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" == ""
            && item.fullStatement.count > TextLimits.name
        {
            notes.append(
                "\(label(item)) has a statement but no short one: its title is the statement's beginning and the whole statement is its description"
            )
        }
        let otherAssociations = (package.associations ?? []).filter { $0.associationType != "isChildOf" }
        if !otherAssociations.isEmpty {
            let types = Set(otherAssociations.map(\.associationType)).sorted().joined(separator: ", ")
            notes.append(
                "associations other than isChildOf were not kept (\(otherAssociations.count), of type \(types)): Acumen keeps the tree of items only"
            )
        }
        var placed: Set<String> = []
        /// The items below a competency, depth first, each under its parent.
        func indicators(under key: String, parent: UUID?, codePrefix: String) -> [IndicatorContent] {
            var found: [IndicatorContent] = []
            for (index, childKey) in ordered(key).enumerated() {
                guard let item = itemsByID[childKey], placed.insert(childKey).inserted else { continue }
                let indicator = IndicatorContent(
                    identifier: identifier(item.identifier),
                    code: code(of: item, otherwise: "\(codePrefix).\(index + 1)"),
                    title: title(of: item), description: description(of: item), parent: parent)
                found.append(indicator)
                found += indicators(under: childKey, parent: indicator.identifier, codePrefix: indicator.code)
            }
            return found
        }

        let top = ordered(documentKey)
        // A category is nil where the document stands in for it (a flat package).
        let groups: [(category: CASEItem?, competencies: [String])]
        if top.isEmpty {
            groups = []
        } else if top.allSatisfy({ (children[$0] ?? []).isEmpty }) {
            groups = [(nil, top)]
            notes.append("the package has no categories; its items were placed in one category named after it")
        } else {
            groups = top.map { (itemsByID[$0], ordered($0)) }
        }
        placed.formUnion(top)
        var categories: [CategoryContent] = []
        for (categoryIndex, group) in groups.enumerated() {
            let categoryCode = group.category.map { code(of: $0, otherwise: "C\(categoryIndex + 1)") } ?? ""
            var competencies: [CompetencyContent] = []
            for (competencyIndex, key) in group.competencies.enumerated() {
                guard let item = itemsByID[key] else { continue }
                placed.insert(key)
                let competencyCode = code(
                    of: item,
                    otherwise: "\(categoryCode.isEmpty ? "C\(categoryIndex + 1)" : categoryCode).\(competencyIndex + 1)"
                )
                let levels = rubricsByItem[key] ?? []
                if levels.isEmpty {
                    notes.append("\(competencyCode) has no rubric: its behaviours are to be written in the draft")
                }
                competencies.append(
                    CompetencyContent(
                        identifier: identifier(item.identifier), code: competencyCode, title: title(of: item),
                        description: description(of: item),
                        standards: scale.names.indices.map { position in
                            LevelStandard(
                                level: position,
                                behaviours: position < levels.count ? lines(levels[position].description ?? "") : [])
                        },
                        indicators: indicators(under: key, parent: nil, codePrefix: competencyCode)))
            }
            categories.append(
                CategoryContent(
                    identifier: group.category.map { identifier($0.identifier) }
                        ?? UUID.stable(named: "case-import/\(documentKey)/category"),
                    code: categoryCode,
                    title: group.category.map(title(of:)) ?? document.title,
                    description: group.category.map(description(of:)) ?? "",
                    competencies: competencies))
        }
        if !dangling.isEmpty {
            notes.append(
                "associations placing items that are not in the package were not kept (\(dangling.count)): \(listed(dangling))"
            )
        }
        let leftOut = items.filter { !placed.contains($0.identifier.lowercased()) }.map(label)
        if !leftOut.isEmpty {
            notes.append(
                "items not linked to the document by isChildOf, directly or through other items of the package, were left out (\(leftOut.count)): \(listed(leftOut))"
            )
        }

        // The package's language, as the document (else its first item that says) names it; a
        // label that is not a language tag ("English") is read as English rather than refused.
        let language =
            (document.language ?? items.lazy.compactMap(\.language).first).flatMap(ContentLanguage.init(tag:))
            ?? .english
        let content = FrameworkContent(
            identifier: identifier(document.identifier), name: document.title,
            description: document.description ?? "", owner: document.creator, levels: scale,
            categories: categories, language: language)
        problems.append(contentsOf: content.validate(requireComplete: false).errors.map(\.description))
        guard problems.isEmpty else { throw CASEImportError(problems: problems) }
        return FrameworkReading(content: content, notes: notes)
    }

    /// Every identifier used by more than one object of the package, whatever their kinds.
    private static func duplicateIdentifiers(in package: CASEPackage) -> [String] {
        var kinds: [String: [String]] = [:]
        var order: [String] = []
        func note(_ identifier: String, _ kind: String) {
            let key = identifier.lowercased()
            if kinds[key] == nil { order.append(key) }
            kinds[key, default: []].append(kind)
        }
        note(package.document.identifier, "CFDocument")
        package.items?.forEach { note($0.identifier, "CFItem") }
        package.associations?.forEach { note($0.identifier, "CFAssociation") }
        package.definitions?.itemTypes?.forEach { note($0.identifier, "CFItemType") }
        for rubric in package.rubrics ?? [] {
            note(rubric.identifier, "CFRubric")
            for criterion in rubric.criteria ?? [] {
                note(criterion.identifier, "CFRubricCriterion")
                criterion.levels?.forEach { note($0.identifier, "CFRubricCriterionLevel") }
            }
        }
        return order.compactMap { key in
            guard let used = kinds[key], used.count > 1 else { return nil }
            return
                "identifier \(key) is used by \(used.count) objects (\(used.joined(separator: ", "))); each object needs its own"
        }
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

    /// The identifier as a UUID; one that is not a UUID gets a UUID derived from it, so that
    /// importing the same package again gives the same identifiers.
    private static func identifier(_ text: String) -> UUID {
        UUID(uuidString: text) ?? UUID.stable(named: "case-import/\(text)")
    }

    /// The short statement, else the full one (some tools write an empty short statement),
    /// cut at a word to fit a title when it is longer.
    private static func title(of item: CASEItem) -> String {
        if let short = item.abbreviatedStatement?.trimmingCharacters(in: .whitespacesAndNewlines), !short.isEmpty {
            return short
        }
        let full = item.fullStatement.trimmingCharacters(in: .whitespacesAndNewlines)
        guard full.count > TextLimits.name else { return full }
        let cut = full.prefix(TextLimits.name - 1)
        let atWord = cut.lastIndex(where: \.isWhitespace).map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) + "…"
    }

    private static func description(of item: CASEItem) -> String {
        let full = item.fullStatement.trimmingCharacters(in: .whitespacesAndNewlines)
        return full == title(of: item) ? "" : full
    }

    /// The first ten names, and how many more: a note or problem stays readable whatever the package.
    private static func listed(_ names: [String]) -> String {
        names.prefix(10).joined(separator: ", ") + (names.count > 10 ? " and \(names.count - 10) more" : "")
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
