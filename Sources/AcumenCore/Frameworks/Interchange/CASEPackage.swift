import Foundation

// The subset of the 1EdTech CASE 1.1 JSON binding that a competency framework needs.
// Property names follow the specification's JSON names through CodingKeys.

/// A link to another CASE object: its title, identifier and resolvable URI.
public struct CASELinkURI: Codable, Hashable, Sendable {
    public var title: String
    public var identifier: String
    public var uri: String

    public init(title: String, identifier: String, uri: String) {
        self.title = title
        self.identifier = identifier
        self.uri = uri
    }
}

public struct CASEDocument: Codable, Hashable, Sendable {
    public var identifier: String
    public var uri: String
    public var creator: String
    public var title: String
    public var lastChangeDateTime: String
    public var description: String?
    public var version: String?
    public var adoptionStatus: String?
    public var language: String?
    public var notes: String?
    public var packageURI: CASELinkURI?

    enum CodingKeys: String, CodingKey {
        case identifier, uri, creator, title, lastChangeDateTime, description, version
        case adoptionStatus, language, notes
        case packageURI = "CFPackageURI"
    }
}

extension CASEDocument {
    /// Reads a document as written by any CASE version: packages from before CASE 1.0 give
    /// `CFPackageURI` as a plain string, which import does not use, so it is read when it is a
    /// link and skipped otherwise; so are the other fields import does not use.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(String.self, forKey: .identifier)
        uri = container.unused(.uri)
        creator = container.unused(.creator)
        title = try container.decode(String.self, forKey: .title)
        lastChangeDateTime = container.unused(.lastChangeDateTime)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        adoptionStatus = try container.decodeIfPresent(String.self, forKey: .adoptionStatus)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
        packageURI = try? container.decodeIfPresent(CASELinkURI.self, forKey: .packageURI)
    }
}

public struct CASEItem: Codable, Hashable, Sendable {
    public var identifier: String
    public var uri: String
    public var fullStatement: String
    public var abbreviatedStatement: String?
    public var humanCodingScheme: String?
    public var itemType: String?
    public var documentURI: CASELinkURI?
    public var notes: String?
    public var language: String?
    public var lastChangeDateTime: String

    enum CodingKeys: String, CodingKey {
        case identifier, uri, fullStatement, abbreviatedStatement, humanCodingScheme, notes, language
        case lastChangeDateTime
        case itemType = "CFItemType"
        case documentURI = "CFDocumentURI"
    }
}

public struct CASEAssociation: Codable, Hashable, Sendable {
    public var identifier: String
    public var uri: String
    public var associationType: String
    public var sequenceNumber: Int?
    public var originNodeURI: CASELinkURI
    public var destinationNodeURI: CASELinkURI
    public var documentURI: CASELinkURI?
    public var lastChangeDateTime: String

    enum CodingKeys: String, CodingKey {
        case identifier, uri, associationType, sequenceNumber, originNodeURI, destinationNodeURI
        case lastChangeDateTime
        case documentURI = "CFDocumentURI"
    }
}

public struct CASERubric: Codable, Hashable, Sendable {
    public var identifier: String
    public var uri: String
    public var title: String?
    public var description: String?
    public var lastChangeDateTime: String
    public var criteria: [CASERubricCriterion]?

    enum CodingKeys: String, CodingKey {
        case identifier, uri, title, description, lastChangeDateTime
        case criteria = "CFRubricCriteria"
    }
}

public struct CASERubricCriterion: Codable, Hashable, Sendable {
    public var identifier: String
    public var uri: String
    public var category: String?
    public var description: String?
    public var itemURI: CASELinkURI?
    public var weight: Double?
    public var position: Int?
    public var rubricId: String?
    public var lastChangeDateTime: String
    public var levels: [CASERubricCriterionLevel]?

    enum CodingKeys: String, CodingKey {
        case identifier, uri, category, description, weight, position, rubricId, lastChangeDateTime
        case itemURI = "CFItemURI"
        case levels = "CFRubricCriterionLevels"
    }
}

public struct CASERubricCriterionLevel: Codable, Hashable, Sendable {
    public var identifier: String
    public var uri: String
    public var description: String?
    public var quality: String?
    public var score: Double?
    public var feedback: String?
    public var position: Int?
    public var rubricCriterionId: String?
    public var lastChangeDateTime: String
}

public struct CASEItemType: Codable, Hashable, Sendable {
    public var identifier: String
    public var uri: String
    public var title: String
    public var description: String
    public var hierarchyCode: String
    public var lastChangeDateTime: String
}

public struct CASEDefinitions: Codable, Hashable, Sendable {
    public var itemTypes: [CASEItemType]?

    enum CodingKeys: String, CodingKey {
        case itemTypes = "CFItemTypes"
    }
}

// Other servers' packages are read for what import uses: an object's identifier, statements,
// codes, links and rubric levels. Fields import does not use (`uri`, `lastChangeDateTime`, a
// link's title, item types' descriptions) are read when they are there and of their type, and
// left empty otherwise, so that a package is never refused over a field Acumen ignores.

extension KeyedDecodingContainer {
    /// A text field import does not use: its value, or empty when missing or not text.
    fileprivate func unused(_ key: Key) -> String {
        ((try? decodeIfPresent(String.self, forKey: key)) ?? nil) ?? ""
    }
}

extension CASELinkURI {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(String.self, forKey: .identifier)
        title = container.unused(.title)
        uri = container.unused(.uri)
    }
}

extension CASEItem {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(String.self, forKey: .identifier)
        uri = container.unused(.uri)
        fullStatement = try container.decode(String.self, forKey: .fullStatement)
        abbreviatedStatement = try container.decodeIfPresent(String.self, forKey: .abbreviatedStatement)
        humanCodingScheme = try container.decodeIfPresent(String.self, forKey: .humanCodingScheme)
        itemType = try? container.decodeIfPresent(String.self, forKey: .itemType)
        documentURI = try? container.decodeIfPresent(CASELinkURI.self, forKey: .documentURI)
        notes = try? container.decodeIfPresent(String.self, forKey: .notes)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        lastChangeDateTime = container.unused(.lastChangeDateTime)
    }
}

extension CASEAssociation {
    /// Some tools write `sequenceNumber` as text ("2"); it is read as the number it names.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(String.self, forKey: .identifier)
        uri = container.unused(.uri)
        associationType = try container.decode(String.self, forKey: .associationType)
        if let text = try? container.decodeIfPresent(String.self, forKey: .sequenceNumber) {
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .sequenceNumber, in: container, debugDescription: "sequenceNumber is not a whole number")
            }
            sequenceNumber = number
        } else {
            sequenceNumber = try container.decodeIfPresent(Int.self, forKey: .sequenceNumber)
        }
        originNodeURI = try container.decode(CASELinkURI.self, forKey: .originNodeURI)
        destinationNodeURI = try container.decode(CASELinkURI.self, forKey: .destinationNodeURI)
        documentURI = try? container.decodeIfPresent(CASELinkURI.self, forKey: .documentURI)
        lastChangeDateTime = container.unused(.lastChangeDateTime)
    }
}

extension CASERubric {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(String.self, forKey: .identifier)
        uri = container.unused(.uri)
        title = try? container.decodeIfPresent(String.self, forKey: .title)
        description = try? container.decodeIfPresent(String.self, forKey: .description)
        lastChangeDateTime = container.unused(.lastChangeDateTime)
        criteria = try container.decodeIfPresent([CASERubricCriterion].self, forKey: .criteria)
    }
}

extension CASERubricCriterion {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(String.self, forKey: .identifier)
        uri = container.unused(.uri)
        category = try? container.decodeIfPresent(String.self, forKey: .category)
        description = try? container.decodeIfPresent(String.self, forKey: .description)
        itemURI = try container.decodeIfPresent(CASELinkURI.self, forKey: .itemURI)
        weight = try? container.decodeIfPresent(Double.self, forKey: .weight)
        position = try? container.decodeIfPresent(Int.self, forKey: .position)
        rubricId = try? container.decodeIfPresent(String.self, forKey: .rubricId)
        lastChangeDateTime = container.unused(.lastChangeDateTime)
        levels = try container.decodeIfPresent([CASERubricCriterionLevel].self, forKey: .levels)
    }
}

extension CASERubricCriterionLevel {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(String.self, forKey: .identifier)
        uri = container.unused(.uri)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        quality = try container.decodeIfPresent(String.self, forKey: .quality)
        score = try container.decodeIfPresent(Double.self, forKey: .score)
        feedback = try? container.decodeIfPresent(String.self, forKey: .feedback)
        position = try container.decodeIfPresent(Int.self, forKey: .position)
        rubricCriterionId = try? container.decodeIfPresent(String.self, forKey: .rubricCriterionId)
        lastChangeDateTime = container.unused(.lastChangeDateTime)
    }
}

extension CASEItemType {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(String.self, forKey: .identifier)
        uri = container.unused(.uri)
        title = container.unused(.title)
        description = container.unused(.description)
        hierarchyCode = container.unused(.hierarchyCode)
        lastChangeDateTime = container.unused(.lastChangeDateTime)
    }
}

/// A whole framework as one CASE package: document, items, associations and rubrics.
public struct CASEPackage: Codable, Hashable, Sendable {
    public var document: CASEDocument
    public var items: [CASEItem]?
    public var associations: [CASEAssociation]?
    public var definitions: CASEDefinitions?
    public var rubrics: [CASERubric]?

    enum CodingKeys: String, CodingKey {
        case document = "CFDocument"
        case items = "CFItems"
        case associations = "CFAssociations"
        case definitions = "CFDefinitions"
        case rubrics = "CFRubrics"
    }
}

extension CASEPackage {
    /// Definitions (item types, subjects, concepts) are not imported, so a package whose
    /// definitions Acumen cannot read is imported without them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        document = try container.decode(CASEDocument.self, forKey: .document)
        items = try container.decodeIfPresent([CASEItem].self, forKey: .items)
        associations = try container.decodeIfPresent([CASEAssociation].self, forKey: .associations)
        definitions = try? container.decodeIfPresent(CASEDefinitions.self, forKey: .definitions)
        rubrics = try container.decodeIfPresent([CASERubric].self, forKey: .rubrics)
    }
}

/// The body of `GET /ims/case/v1p1/CFDocuments`.
public struct CASEDocumentSet: Codable, Sendable {
    public var documents: [CASEDocument]

    public init(documents: [CASEDocument]) { self.documents = documents }

    enum CodingKeys: String, CodingKey {
        case documents = "CFDocuments"
    }
}

/// The body of `GET /ims/case/v1p1/CFItemAssociations/{id}`: an item and its associations.
public struct CASEItemAssociations: Codable, Sendable {
    public var item: CASEItem
    public var associations: [CASEAssociation]

    public init(item: CASEItem, associations: [CASEAssociation]) {
        self.item = item
        self.associations = associations
    }

    enum CodingKeys: String, CodingKey {
        case item = "CFItem"
        case associations = "CFAssociations"
    }
}
