/// The life of an assessment cycle. Each step only goes forward; results become visible to
/// account managers and customers only once a programme manager releases them.
public enum CycleStatus: String, Codable, Sendable, CaseIterable {
    case draft
    case open
    case closed
    case released

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .open: "Open"
        case .closed: "Closed"
        case .released: "Released"
        }
    }

    /// The one status that may follow this one, if any.
    public var next: CycleStatus? {
        switch self {
        case .draft: .open
        case .open: .closed
        case .closed: .released
        case .released: nil
        }
    }

    /// Raters may answer only while the cycle is open.
    public var acceptsResponses: Bool { self == .open }

    /// Closed or released: responses and anonymity rules are fixed, and results may be read.
    public var isSettled: Bool { self == .closed || self == .released }
}
