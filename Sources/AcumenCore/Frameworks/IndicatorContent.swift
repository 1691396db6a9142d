import Foundation

/// Something a source framework had below a competency (a sub-competency, an indicator, an
/// outcome): kept under its competency, shown with it and exported again where it was, but not
/// rated; ratings stay at the competency's behaviours.
public struct IndicatorContent: Hashable, Codable, Sendable {
    public var identifier: UUID
    public var code: String
    public var title: String
    public var description: String
    /// The indicator it sits under; nil when it is directly under the competency. A parent
    /// always comes before its children in `CompetencyContent.indicators`.
    public var parent: UUID?

    public init(identifier: UUID = UUID(), code: String, title: String, description: String = "", parent: UUID? = nil) {
        self.identifier = identifier
        self.code = code
        self.title = title
        self.description = description
        self.parent = parent
    }
}

extension CompetencyContent {
    /// The indicators as a tree for display: each with how deep it is (0 directly under the competency).
    public var indicatorOutline: [(indicator: IndicatorContent, depth: Int)] {
        var depth: [UUID: Int] = [:]
        return indicators.map { indicator in
            let level = indicator.parent.flatMap { depth[$0].map { $0 + 1 } } ?? 0
            depth[indicator.identifier] = level
            return (indicator, level)
        }
    }
}
