/// What someone looks for in the catalogue: words, and any of the filters. Built from a search
/// form's fields; a value that cannot be read is named back as a problem and its filter left
/// out, so a tampered address still shows a catalogue.
public struct CatalogueQuery: Hashable, Sendable {
    public var text = TextSearch("")
    public var category: String?
    public var format: OfferingFormat?
    public var competencyCode: String?
    /// Offerings that bring a competency up to this level (0 the lowest).
    public var level: Int?
    public var language: String?
    public var maximumMinutes: Int?
    public var phase: LearningPhase?

    public init() {}

    /// The query a search form sends (`q`, `category`, `format`, `competency`, `level`,
    /// `language`, `maxMinutes`, `phase`); blank fields ask nothing.
    public static func read(_ fields: [String: String]) -> (query: CatalogueQuery, problems: [ValidationProblem]) {
        var query = CatalogueQuery()
        var problems: [ValidationProblem] = []
        func value(_ name: String) -> String? {
            let trimmed = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return trimmed.isEmpty ? nil : String(trimmed.prefix(200))
        }
        func refuse(_ field: String) {
            problems.append(ValidationProblem(location: field, wording: CatalogueText(CatalogueMessage.unknownFilter)))
        }
        query.text = TextSearch(value("q") ?? "")
        query.category = value("category")
        query.competencyCode = value("competency")
        query.language = value("language")
        if let format = value("format") {
            query.format = OfferingFormat(rawValue: format)
            if query.format == nil { refuse("format") }
        }
        if let phase = value("phase") {
            query.phase = LearningPhase(rawValue: phase)
            if query.phase == nil { refuse("phase") }
        }
        if let level = value("level") {
            query.level = Int(level).flatMap { (0...9).contains($0) ? $0 : nil }
            if query.level == nil { refuse("level") }
        }
        if let minutes = value("maxMinutes") {
            query.maximumMinutes = Int(minutes).flatMap { $0 > 0 ? $0 : nil }
            if query.maximumMinutes == nil { refuse("maxMinutes") }
        }
        return (query, problems)
    }

    public var isEmpty: Bool { self == CatalogueQuery() }

    /// Whether an offering passes every filter but the words, which are matched against its
    /// folded fields.
    private func passesFilters(_ offering: Offering) -> Bool {
        if let category, offering.category.caseInsensitiveCompare(category) != .orderedSame { return false }
        if let format, offering.format != format { return false }
        if let language, offering.language.caseInsensitiveCompare(language) != .orderedSame { return false }
        if let maximumMinutes, offering.durationMinutes > maximumMinutes { return false }
        if let phase, offering.phase != phase { return false }
        if competencyCode != nil || level != nil {
            let developsIt = offering.targets.contains { target in
                (competencyCode.map { target.competencyCode.caseInsensitiveCompare($0) == .orderedSame } ?? true)
                    && (level.map { target.fromLevel < $0 && $0 <= target.toLevel } ?? true)
            }
            if !developsIt { return false }
        }
        return true
    }

    /// The matching offerings, by category in the catalogue's order and then by title.
    public func results(in offerings: [Offering], categories: [String]) -> [Offering] {
        results(in: ListedCatalogue(offerings, categories: categories))
    }

    /// The matching offerings of a catalogue already put in order, keeping that order.
    public func results(in catalogue: ListedCatalogue) -> [Offering] {
        zip(catalogue.offerings, catalogue.haystacks).compactMap { offering, haystack in
            passesFilters(offering) && text.matches(haystack) ? offering : nil
        }
    }
}

/// The catalogue in the order it is listed (by category in the catalogue's order, then title),
/// with each offering's searchable words folded: worked out once for a catalogue kept in memory,
/// so that each search only filters.
public struct ListedCatalogue: Sendable {
    public let offerings: [Offering]
    fileprivate let haystacks: [TextSearch.Haystack]

    public init(_ offerings: [Offering], categories: [String]) {
        let position = Dictionary(
            categories.enumerated().map { ($0.element.lowercased(), $0.offset) },
            uniquingKeysWith: { first, _ in first })
        self.offerings = offerings.map { (position[$0.category.lowercased()] ?? Int.max, $0) }.sorted {
            ($0.0, $0.1.title, $0.1.code) < ($1.0, $1.1.title, $1.1.code)
        }.map(\.1)
        haystacks = self.offerings.map {
            TextSearch.Haystack([$0.title, $0.summary, $0.code, $0.provider, $0.category])
        }
    }
}

/// The words of what the catalogue's rules find, for whoever shows them.
public enum CatalogueMessage: String, MessageKey, CaseIterable {
    case unknownFilter = "catalogueProblem.unknownFilter"
    case codeInvalid = "catalogueProblem.codeInvalid"
    case unknownCategory = "catalogueProblem.unknownCategory"
    case unknownFormat = "catalogueProblem.unknownFormat"
    case unknownPhase = "catalogueProblem.unknownPhase"
    case duration = "catalogueProblem.duration"
    case language = "catalogueProblem.language"
    case link = "catalogueProblem.link"
    case unknownPrerequisite = "catalogueProblem.unknownPrerequisite"
    case ownPrerequisite = "catalogueProblem.ownPrerequisite"
    case prerequisiteCycle = "catalogueProblem.prerequisiteCycle"
    case target = "catalogueProblem.target"
    case unknownCompetency = "catalogueProblem.unknownCompetency"
    case levels = "catalogueProblem.levels"
    case unknownFramework = "catalogueProblem.unknownFramework"
    case frameworkNeeded = "catalogueProblem.frameworkNeeded"
    case activityID = "catalogueProblem.activityID"
    case noOfferings = "catalogueProblem.noOfferings"
    case activityIDTaken = "catalogueProblem.activityIDTaken"
}
