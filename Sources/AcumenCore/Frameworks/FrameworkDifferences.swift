import Foundation

/// What changed between two versions of a framework, matched by code: a new version has fresh
/// identifiers, and a version fetched again from a CASE provider may too, but codes carry over.
public struct FrameworkDifferences: Hashable, Sendable {
    public struct Change: Hashable, Sendable {
        public var code: String
        public var title: String
        /// Which parts differ, for a changed item: "title", "description", "behaviours", "indicators", "category".
        public var parts: [String]
    }

    public var addedCategories: [Change] = []
    public var removedCategories: [Change] = []
    public var changedCategories: [Change] = []
    public var addedCompetencies: [Change] = []
    public var removedCompetencies: [Change] = []
    public var changedCompetencies: [Change] = []
    /// Whether the name, description, owner or levels differ.
    public var changedFramework: [String] = []

    public var isEmpty: Bool {
        addedCategories.isEmpty && removedCategories.isEmpty && changedCategories.isEmpty
            && addedCompetencies.isEmpty && removedCompetencies.isEmpty && changedCompetencies.isEmpty
            && changedFramework.isEmpty
    }

    public init(from previous: FrameworkContent, to current: FrameworkContent) {
        if previous.name != current.name { changedFramework.append("name") }
        if previous.description != current.description { changedFramework.append("description") }
        if previous.owner != current.owner { changedFramework.append("owner") }
        if previous.levels != current.levels { changedFramework.append("levels") }

        let key = { (category: CategoryContent, position: Int) in
            FrameworkPart.categoryKey(category, position: position)
        }
        let before = Dictionary(
            previous.categories.enumerated().map { (key($0.element, $0.offset).uppercased(), $0.element) },
            uniquingKeysWith: { first, _ in first })
        let after = Dictionary(
            current.categories.enumerated().map { (key($0.element, $0.offset).uppercased(), $0.element) },
            uniquingKeysWith: { first, _ in first })
        for (position, category) in current.categories.enumerated() {
            let code = key(category, position)
            guard let old = before[code.uppercased()] else {
                addedCategories.append(Change(code: code, title: category.title, parts: []))
                continue
            }
            var parts: [String] = []
            if old.title != category.title { parts.append("title") }
            if old.description != category.description { parts.append("description") }
            if !parts.isEmpty { changedCategories.append(Change(code: code, title: category.title, parts: parts)) }
        }
        for (position, category) in previous.categories.enumerated()
        where after[key(category, position).uppercased()] == nil {
            removedCategories.append(Change(code: key(category, position), title: category.title, parts: []))
        }

        func placed(_ content: FrameworkContent) -> [String: (competency: CompetencyContent, category: String)] {
            var result: [String: (CompetencyContent, String)] = [:]
            for (position, category) in content.categories.enumerated() {
                for competency in category.competencies where result[competency.code.uppercased()] == nil {
                    result[competency.code.uppercased()] = (competency, key(category, position).uppercased())
                }
            }
            return result
        }
        let oldCompetencies = placed(previous)
        let newCompetencies = placed(current)
        for competency in current.competencies {
            guard let old = oldCompetencies[competency.code.uppercased()] else {
                addedCompetencies.append(Change(code: competency.code, title: competency.title, parts: []))
                continue
            }
            var parts: [String] = []
            if old.competency.title != competency.title { parts.append("title") }
            if old.competency.description != competency.description { parts.append("description") }
            if old.competency.standards.map(\.behaviours) != competency.standards.map(\.behaviours) {
                parts.append("behaviours")
            }
            let indicatorText = { (indicators: [IndicatorContent]) in
                indicators.map { [$0.code, $0.title, $0.description] }
            }
            if indicatorText(old.competency.indicators) != indicatorText(competency.indicators) {
                parts.append("indicators")
            }
            if old.category != newCompetencies[competency.code.uppercased()]?.category { parts.append("category") }
            if !parts.isEmpty {
                changedCompetencies.append(Change(code: competency.code, title: competency.title, parts: parts))
            }
        }
        for competency in previous.competencies where newCompetencies[competency.code.uppercased()] == nil {
            removedCompetencies.append(Change(code: competency.code, title: competency.title, parts: []))
        }
    }
}
