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
    /// The language the framework is written in; an imported framework keeps its own.
    public var language: ContentLanguage
    /// Its texts in other languages, by part (`FrameworkPart.key`).
    public var translations: [Language: [String: String]]

    public init(
        identifier: UUID = UUID(),
        name: String,
        description: String,
        owner: String,
        levels: LevelScale = .standard,
        categories: [CategoryContent],
        language: ContentLanguage = .english,
        translations: [Language: [String: String]] = [:]
    ) {
        self.identifier = identifier
        self.name = name
        self.description = description
        self.owner = owner
        self.levels = levels
        self.categories = categories
        self.language = language
        self.translations = translations
    }

    private enum CodingKeys: String, CodingKey {
        case identifier, name, description, owner, levels, categories, language, translations
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(UUID.self, forKey: .identifier)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decode(String.self, forKey: .description)
        owner = try container.decode(String.self, forKey: .owner)
        levels = try container.decode(LevelScale.self, forKey: .levels)
        categories = try container.decode([CategoryContent].self, forKey: .categories)
        language = try container.decodeIfPresent(ContentLanguage.self, forKey: .language) ?? .english
        translations = try container.decodeIfPresent([Language: [String: String]].self, forKey: .translations) ?? [:]
    }

    /// One part of the framework as a reader of `language` gets it.
    public func text(_ part: FrameworkPart, in language: Language) -> TranslatedText {
        TranslatedText.pick(
            language, original: self.language, text: original(part) ?? "",
            translated: translations[language]?[part.key])
    }

    /// Every part a translation can cover, in reading order, with its original text.
    public var parts: [(part: FrameworkPart, original: String)] {
        var parts: [(FrameworkPart, String)] = [(.name, name)]
        if !description.isEmpty { parts.append((.description, description)) }
        parts += levels.names.enumerated().map { (.level($0.offset), $0.element) }
        for (position, category) in categories.enumerated() {
            let key = FrameworkPart.categoryKey(category, position: position)
            parts.append((.categoryTitle(key), category.title))
            if !category.description.isEmpty { parts.append((.categoryDescription(key), category.description)) }
            for competency in category.competencies {
                parts.append((.competencyTitle(competency.code), competency.title))
                if !competency.description.isEmpty {
                    parts.append((.competencyDescription(competency.code), competency.description))
                }
                for standard in competency.standards {
                    for (index, behaviour) in standard.behaviours.enumerated() {
                        parts.append(
                            (.behaviour(competency.code, level: standard.level, position: index), behaviour))
                    }
                }
            }
        }
        return parts
    }

    /// The original text of a part, if the framework has that part.
    public func original(_ part: FrameworkPart) -> String? {
        switch part {
        case .name: return name
        case .description: return description
        case .level(let position): return levels.name(at: position)
        case .categoryTitle(let key), .categoryDescription(let key):
            guard
                let category = categories.enumerated().first(where: {
                    FrameworkPart.categoryKey($0.element, position: $0.offset) == key
                })?.element
            else { return nil }
            if case .categoryTitle = part { return category.title }
            return category.description
        case .competencyTitle(let code): return competencies.first { $0.code == code }?.title
        case .competencyDescription(let code): return competencies.first { $0.code == code }?.description
        case .behaviour(let code, let level, let position):
            guard let behaviours = competencies.first(where: { $0.code == code })?.standard(at: level)?.behaviours,
                behaviours.indices.contains(position)
            else { return nil }
            return behaviours[position]
        }
    }

    /// The same content without the translations that no longer say what the original says:
    /// those of parts whose text changed since `previous`, and of parts that are gone.
    public func keepingCurrentTranslations(since previous: FrameworkContent) -> FrameworkContent {
        var current = self
        let unchanged = Set(parts.filter { previous.original($0.part) == $0.original }.map(\.part.key))
        current.translations = translations.mapValues { texts in texts.filter { unchanged.contains($0.key) } }
            .filter { !$0.value.isEmpty }
        return current
    }

    /// The translation into `language` that a form sends as `part key → text`, checked:
    /// only parts the framework has, no longer than their original's limit; blank texts are
    /// left out, so that those parts show as written.
    public func translation(_ texts: [String: String], into language: Language) -> Result<
        [String: String], FrameworkTranslationProblems
    > {
        guard language != self.language.readerLanguage else {
            return .failure(
                FrameworkTranslationProblems(problems: [
                    ValidationProblem(
                        location: "language", wording: CatalogueText(FrameworkProblemMessage.translationIntoOwnLanguage)
                    )
                ]))
        }
        let known = Dictionary(parts.map { ($0.part.key, $0.part) }, uniquingKeysWith: { first, _ in first })
        var accepted: [String: String] = [:]
        var problems: [ValidationProblem] = []
        for (key, text) in texts.sorted(by: { $0.key < $1.key }) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let part = known[key] else {
                problems.append(
                    ValidationProblem(location: key, wording: CatalogueText(FrameworkProblemMessage.noSuchPart)))
                continue
            }
            let limit =
                switch part {
                case .name, .level, .categoryTitle, .competencyTitle: TextLimits.name
                case .behaviour: TextLimits.behaviour
                case .description, .categoryDescription, .competencyDescription: TextLimits.description
                }
            if trimmed.count > limit {
                problems.append(ValidationProblem(location: key, .tooLong, ["limit": "\(limit)"]))
            } else if !trimmed.isEmpty {
                accepted[key] = trimmed
            }
        }
        guard problems.isEmpty else { return .failure(FrameworkTranslationProblems(problems: problems)) }
        return .success(accepted)
    }

    /// Whether the name, the levels and every category's and competency's title read in
    /// `language`: what reports and dashboards show of a framework.
    public func translatesTitles(into language: Language) -> Bool {
        guard language != self.language.readerLanguage else { return true }
        let titles = parts.map(\.part).filter { part in
            switch part {
            case .name, .level, .categoryTitle, .competencyTitle: true
            default: false
            }
        }
        return titles.allSatisfy { !(translations[language]?[$0.key] ?? "").isEmpty }
    }

    /// The languages every part of the framework can be read in.
    public var completeLanguages: [Language] {
        let keys = parts.map(\.part.key)
        return Language.allCases.filter { language in
            language == self.language.readerLanguage
                || keys.allSatisfy { !(translations[language]?[$0] ?? "").isEmpty }
        }
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
                var renamed: [UUID: UUID] = [:]
                competency.indicators = competency.indicators.map { indicator in
                    var indicator = indicator
                    let fresh = UUID()
                    renamed[indicator.identifier] = fresh
                    indicator.identifier = fresh
                    indicator.parent = indicator.parent.flatMap { renamed[$0] }
                    return indicator
                }
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
    /// What an imported framework had below this competency, parents before their children.
    public var indicators: [IndicatorContent]

    public init(
        identifier: UUID = UUID(),
        code: String,
        title: String,
        description: String,
        standards: [LevelStandard],
        indicators: [IndicatorContent] = []
    ) {
        self.identifier = identifier
        self.code = code
        self.title = title
        self.description = description
        self.standards = standards
        self.indicators = indicators
    }

    private enum CodingKeys: String, CodingKey {
        case identifier, code, title, description, standards, indicators
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(UUID.self, forKey: .identifier)
        code = try container.decode(String.self, forKey: .code)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decode(String.self, forKey: .description)
        standards = try container.decode([LevelStandard].self, forKey: .standards)
        indicators = try container.decodeIfPresent([IndicatorContent].self, forKey: .indicators) ?? []
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

/// A translatable part of a framework, named by codes rather than identifiers, so that a
/// translation carries over to the framework's next version.
public enum FrameworkPart: Hashable, Sendable {
    case name
    case description
    case level(Int)
    /// A category by its code, or `#position` when it has none.
    case categoryTitle(String)
    case categoryDescription(String)
    case competencyTitle(String)
    case competencyDescription(String)
    case behaviour(String, level: Int, position: Int)

    /// The key in a stored translation: `name`, `level/1`, `competency/OM.1/title`,
    /// `behaviour/OM.1/0/2`. Codes hold only letters, digits, '.', '-' and '_', so '/' separates.
    public var key: String {
        switch self {
        case .name: "name"
        case .description: "description"
        case .level(let position): "level/\(position)"
        case .categoryTitle(let key): "category/\(key)/title"
        case .categoryDescription(let key): "category/\(key)/description"
        case .competencyTitle(let code): "competency/\(code)/title"
        case .competencyDescription(let code): "competency/\(code)/description"
        case .behaviour(let code, let level, let position): "behaviour/\(code)/\(level)/\(position)"
        }
    }

    /// The key of the category at `position`: its code, or its place when it has none.
    public static func categoryKey(_ category: CategoryContent, position: Int) -> String {
        category.code.isEmpty ? "#\(position + 1)" : category.code
    }
}

/// Why a translation was not saved, each problem located by the part's key.
public struct FrameworkTranslationProblems: Error, Hashable, Sendable {
    public var problems: [ValidationProblem]
}
