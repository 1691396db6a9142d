/// Who is giving an assessment, relative to the account manager assessed.
public enum RaterSource: String, Codable, Sendable, CaseIterable, Comparable {
    case `self`
    case supervisor
    case peer
    case customer

    public var label: String {
        switch self {
        case .self: "Self"
        case .supervisor: "Supervisor"
        case .peer: "Peers"
        case .customer: "Customers"
        }
    }

    /// Self and supervisor are one known person each; peers and customers answer anonymously.
    public var isAnonymous: Bool { self == .peer || self == .customer }

    public static func < (lhs: RaterSource, rhs: RaterSource) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
