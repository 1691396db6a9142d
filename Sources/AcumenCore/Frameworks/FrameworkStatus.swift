/// The life of one framework version: drafted, then published (frozen), then retired.
public enum FrameworkStatus: String, Codable, Sendable, CaseIterable {
    case draft
    case published
    case retired

    /// Only a draft may be edited; a published version is referenced by ratings and never changes.
    public var isEditable: Bool { self == .draft }

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .published: "Published"
        case .retired: "Retired"
        }
    }
}
