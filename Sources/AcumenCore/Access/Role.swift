/// What a signed-in user may do. One role per user; a person who is both supervisor and
/// account manager is a supervisor, who also sees their own records.
public enum Role: String, Codable, Sendable, CaseIterable {
    case administrator
    case programmeManager
    case supervisor
    case accountManager
    case customerReviewer

    public var label: String {
        switch self {
        case .administrator: "Administrator"
        case .programmeManager: "Programme manager"
        case .supervisor: "Supervisor"
        case .accountManager: "Account manager"
        case .customerReviewer: "Customer reviewer"
        }
    }

    /// Administrators and programme managers run the programme and see every record.
    public var seesEveryone: Bool { self == .administrator || self == .programmeManager }

    /// Who may write and publish competency frameworks.
    public var editsFrameworks: Bool { seesEveryone }

    /// Accepts the spelling in code and a few forms people type (`programme-manager`, `Programme manager`).
    public init?(parsing text: String) {
        let folded = text.lowercased().filter { $0.isLetter }
        guard let role = Role.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = role
    }
}
