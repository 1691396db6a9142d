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
    /// link and skipped otherwise.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(String.self, forKey: .identifier)
        uri = try container.decode(String.self, forKey: .uri)
        creator = try container.decode(String.self, forKey: .creator)
        title = try container.decode(String.self, forKey: .title)
        lastChangeDateTime = try container.decode(String.self, forKey: .lastChangeDateTime)
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
