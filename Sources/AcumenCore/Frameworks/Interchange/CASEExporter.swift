import Foundation

/// Turns a framework version into a CASE 1.1 package, and into the objects a CASE provider
/// serves one by one.
///
/// Every identifier is either the stored identifier of a document, category or competency, or
/// derived from those with `UUID.stable(named:)`, so the same version always exports to the
/// same package. CASE accepts UUIDs of versions 1 to 5 only: a stored identifier of another
/// kind (frameworks made before Acumen's identifiers were version 5, or imported with one) is
/// exported as the name-based UUID of it (`identifier(for:)`), the same every time.
public struct CASEExporter: Sendable {
    /// The server's public origin, e.g. `https://acumen.example.com`, used to build `uri` fields.
    public var baseURL: String

    public init(baseURL: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    public static let categoryType = "Category"
    public static let competencyType = "Competency"
    public static let indicatorType = "Indicator"

    /// The identifier `uuid` is exported under.
    public static func identifier(for uuid: UUID) -> String {
        (uuid.isCASEIdentifier ? uuid : UUID.stable(named: "case-identifier/\(uuid.lowercasedString)"))
            .lowercasedString
    }

    /// The document of a stored version, as `CFDocuments` serves it.
    public func document(of version: FrameworkVersion) -> CASEDocument {
        document(
            for: version.content, version: version.summary.version, status: version.summary.status,
            lastChange: version.summary.updatedAt)
    }

    /// A stored version's package, as `CFPackages` serves it.
    public func package(of version: FrameworkVersion) -> CASEPackage {
        package(
            for: version.content, version: version.summary.version, status: version.summary.status,
            lastChange: version.summary.updatedAt)
    }

    /// A stored version's objects as each is served alone (`linkedPackage(for:version:status:lastChange:)`).
    public func linkedPackage(of version: FrameworkVersion) -> CASEPackage {
        linkedPackage(
            for: version.content, version: version.summary.version, status: version.summary.status,
            lastChange: version.summary.updatedAt)
    }

    /// The document as `CFDocuments` serves it, with a link to its package.
    public func document(
        for content: FrameworkContent, version: Int, status: FrameworkStatus, lastChange: Date
    ) -> CASEDocument {
        let id = Self.identifier(for: content.identifier)
        return CASEDocument(
            identifier: id,
            uri: uri("CFDocuments", id),
            creator: content.owner.isEmpty ? "Acumen" : content.owner,
            title: content.name,
            lastChangeDateTime: lastChange.formatted(.iso8601),
            description: content.description.isEmpty ? nil : content.description,
            version: String(version),
            adoptionStatus: Self.adoptionStatus(for: status),
            language: content.language.tag,
            notes: "Levels: " + content.levels.names.joined(separator: ", "),
            packageURI: CASELinkURI(title: content.name, identifier: id, uri: uri("CFPackages", id)))
    }

    /// The package as `CFPackages` serves it. The package schema has no link from a package's
    /// document to the package, nor from its items and associations to the document: they
    /// are implied by the package.
    public func package(
        for content: FrameworkContent, version: Int, status: FrameworkStatus, lastChange: Date
    ) -> CASEPackage {
        var package = linkedPackage(for: content, version: version, status: status, lastChange: lastChange)
        package.document.packageURI = nil
        package.items = package.items?.map { item in
            var item = item
            item.documentURI = nil
            return item
        }
        package.associations = package.associations?.map { association in
            var association = association
            association.documentURI = nil
            return association
        }
        return package
    }

    /// Every object of the package as the provider serves it on its own (`CFItems/{id}` and the
    /// rest), each with its link to the document.
    public func linkedPackage(
        for content: FrameworkContent, version: Int, status: FrameworkStatus, lastChange: Date
    ) -> CASEPackage {
        let stamp = lastChange.formatted(.iso8601)
        let document = document(for: content, version: version, status: status, lastChange: lastChange)
        let documentLink = CASELinkURI(title: document.title, identifier: document.identifier, uri: document.uri)
        var items: [CASEItem] = []
        var associations: [CASEAssociation] = []
        var rubrics: [CASERubric] = []

        for (categoryIndex, category) in content.categories.enumerated() {
            let categoryItem = item(
                identifier: category.identifier, code: category.code, title: category.title,
                description: category.description, type: Self.categoryType, document: documentLink,
                language: content.language.tag, stamp: stamp)
            items.append(categoryItem)
            associations.append(
                childOf(
                    child: link(categoryItem), parent: documentLink, sequence: categoryIndex + 1,
                    document: documentLink, stamp: stamp))
            for (competencyIndex, competency) in category.competencies.enumerated() {
                let competencyItem = item(
                    identifier: competency.identifier, code: competency.code, title: competency.title,
                    description: competency.description, type: Self.competencyType, document: documentLink,
                    language: content.language.tag, stamp: stamp)
                items.append(competencyItem)
                associations.append(
                    childOf(
                        child: link(competencyItem), parent: link(categoryItem), sequence: competencyIndex + 1,
                        document: documentLink, stamp: stamp))
                rubrics.append(
                    rubric(for: competency, item: link(competencyItem), levels: content.levels, stamp: stamp))
                var indicatorLinks: [UUID: CASELinkURI] = [:]
                var siblings: [UUID?: Int] = [:]
                for indicator in competency.indicators {
                    let indicatorItem = item(
                        identifier: indicator.identifier, code: indicator.code, title: indicator.title,
                        description: indicator.description, type: Self.indicatorType, document: documentLink,
                        language: content.language.tag, stamp: stamp)
                    items.append(indicatorItem)
                    indicatorLinks[indicator.identifier] = link(indicatorItem)
                    siblings[indicator.parent, default: 0] += 1
                    associations.append(
                        childOf(
                            child: link(indicatorItem),
                            parent: indicator.parent.flatMap { indicatorLinks[$0] } ?? link(competencyItem),
                            sequence: siblings[indicator.parent] ?? 1, document: documentLink, stamp: stamp))
                }
            }
        }
        return CASEPackage(
            document: document, items: items, associations: associations,
            definitions: CASEDefinitions(itemTypes: itemTypes(for: content, stamp: stamp)),
            rubrics: rubrics)
    }

    /// The kinds of item the package uses: indicators only where the framework has some.
    private func itemTypes(for content: FrameworkContent, stamp: String) -> [CASEItemType] {
        var types = [
            itemType(Self.categoryType, "A group of related competencies.", hierarchy: "1", stamp: stamp),
            itemType(
                Self.competencyType, "An observable capability rated at each level.", hierarchy: "2", stamp: stamp),
        ]
        if content.competencies.contains(where: { !$0.indicators.isEmpty }) {
            types.append(
                itemType(
                    Self.indicatorType, "A part or sign of a competency, kept from the framework it came from.",
                    hierarchy: "3", stamp: stamp))
        }
        return types
    }

    static func adoptionStatus(for status: FrameworkStatus) -> String {
        switch status {
        case .draft: "Draft"
        case .published: "Adopted"
        case .retired: "Deprecated"
        }
    }

    private func uri(_ collection: String, _ identifier: String) -> String {
        "\(baseURL)/ims/case/v1p1/\(collection)/\(identifier)"
    }

    private func link(_ item: CASEItem) -> CASELinkURI {
        CASELinkURI(title: item.abbreviatedStatement ?? item.fullStatement, identifier: item.identifier, uri: item.uri)
    }

    /// The title goes in `abbreviatedStatement` and the description, when there is one,
    /// in `fullStatement`, which CASE requires to be non-empty.
    private func item(
        identifier: UUID, code: String, title: String, description: String, type: String,
        document: CASELinkURI, language: String, stamp: String
    ) -> CASEItem {
        let id = Self.identifier(for: identifier)
        return CASEItem(
            identifier: id, uri: uri("CFItems", id),
            fullStatement: description.isEmpty ? title : description,
            abbreviatedStatement: title,
            humanCodingScheme: code.isEmpty ? nil : code,
            itemType: type, documentURI: document, notes: nil, language: language,
            lastChangeDateTime: stamp)
    }

    private func childOf(
        child: CASELinkURI, parent: CASELinkURI, sequence: Int, document: CASELinkURI, stamp: String
    ) -> CASEAssociation {
        let id = UUID.stable(named: "isChildOf/\(child.identifier)/\(parent.identifier)").lowercasedString
        return CASEAssociation(
            identifier: id, uri: uri("CFAssociations", id), associationType: "isChildOf",
            sequenceNumber: sequence, originNodeURI: child, destinationNodeURI: parent,
            documentURI: document, lastChangeDateTime: stamp)
    }

    private func rubric(
        for competency: CompetencyContent, item: CASELinkURI, levels: LevelScale, stamp: String
    ) -> CASERubric {
        let rubricID = UUID.stable(named: "rubric/\(item.identifier)").lowercasedString
        let criterionID = UUID.stable(named: "criterion/\(item.identifier)").lowercasedString
        let criterionLevels = levels.names.enumerated().map { position, name in
            let levelID = UUID.stable(named: "level/\(item.identifier)/\(position)").lowercasedString
            return CASERubricCriterionLevel(
                identifier: levelID, uri: uri("CFRubricCriterionLevels", levelID),
                description: competency.standard(at: position)?.behaviours.joined(separator: "\n") ?? "",
                quality: name, score: Double(position + 1), feedback: nil, position: position + 1,
                rubricCriterionId: criterionID, lastChangeDateTime: stamp)
        }
        let criterion = CASERubricCriterion(
            identifier: criterionID, uri: uri("CFRubricCriteria", criterionID), category: nil,
            description: competency.title, itemURI: item, weight: 1, position: 1, rubricId: rubricID,
            lastChangeDateTime: stamp, levels: criterionLevels)
        return CASERubric(
            identifier: rubricID, uri: uri("CFRubrics", rubricID),
            title: "\(competency.code) \(competency.title)",
            description: "Observable behaviours at each level of \(competency.code).",
            lastChangeDateTime: stamp, criteria: [criterion])
    }

    private func itemType(_ title: String, _ description: String, hierarchy: String, stamp: String) -> CASEItemType {
        let id = UUID.stable(named: "item-type/\(title)").lowercasedString
        return CASEItemType(
            identifier: id, uri: uri("CFItemTypes", id), title: title, description: description,
            hierarchyCode: hierarchy, lastChangeDateTime: stamp)
    }
}
