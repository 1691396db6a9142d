import Foundation

/// Everything a framework version says, independent of where it is stored.
///
/// The identifiers are the CASE identifiers of the items: they are kept so that
/// exporting the same version twice yields the same package.
public struct FrameworkContent: Hashable, Codable, Sendable {
    public var identifier: UUID
    public var name: String
    public var description: String
    public var owner: String
    public var levels: LevelScale
    public var categories: [CategoryContent]

    public init(
        identifier: UUID = UUID(),
        name: String,
        description: String,
        owner: String,
        levels: LevelScale = .standard,
        categories: [CategoryContent]
    ) {
        self.identifier = identifier
        self.name = name
        self.description = description
        self.owner = owner
        self.levels = levels
        self.categories = categories
    }

    public var competencies: [CompetencyContent] {
        categories.flatMap(\.competencies)
    }

    /// The same content with every identifier replaced, for a copy that must not collide with its source.
    public func withFreshIdentifiers() -> FrameworkContent {
        var copy = self
        copy.identifier = UUID()
        copy.categories = categories.map { category in
            var category = category
            category.identifier = UUID()
            category.competencies = category.competencies.map { competency in
                var competency = competency
                competency.identifier = UUID()
                return competency
            }
            return category
        }
        return copy
    }
}

public struct CategoryContent: Hashable, Codable, Sendable {
    public var identifier: UUID
    public var code: String
    public var title: String
    public var description: String
    public var competencies: [CompetencyContent]

    public init(
        identifier: UUID = UUID(),
        code: String,
        title: String,
        description: String = "",
        competencies: [CompetencyContent]
    ) {
        self.identifier = identifier
        self.code = code
        self.title = title
        self.description = description
        self.competencies = competencies
    }
}

public struct CompetencyContent: Hashable, Codable, Sendable {
    public var identifier: UUID
    public var code: String
    public var title: String
    public var description: String
    /// One standard per level of the framework's scale, lowest first.
    public var standards: [LevelStandard]

    public init(
        identifier: UUID = UUID(),
        code: String,
        title: String,
        description: String,
        standards: [LevelStandard]
    ) {
        self.identifier = identifier
        self.code = code
        self.title = title
        self.description = description
        self.standards = standards
    }

    public func standard(at level: Int) -> LevelStandard? {
        standards.first { $0.level == level }
    }
}

/// What a person visibly does at one level of one competency.
public struct LevelStandard: Hashable, Codable, Sendable {
    /// Position on the framework's level scale (0 is the lowest).
    public var level: Int
    /// Concrete, observable behaviours: things a rater can tick as seen or not seen.
    public var behaviours: [String]

    public init(level: Int, behaviours: [String]) {
        self.level = level
        self.behaviours = behaviours
    }
}
