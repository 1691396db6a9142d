/// Who manages logins. Only administrators create, disable and enable users; programme
/// managers run the programme but cannot hand out roles, their own included.
public enum AccessPolicy: Policy {
    public enum Action: Hashable, Sendable, CaseIterable {
        case manageUsers
    }

    /// Logins are one resource: the rules never depend on which user is changed.
    public struct Resource: Sendable {
        public init() {}
    }

    public static func mayAttempt(_ action: Action, _ viewer: Viewer) -> Bool {
        switch action {
        case .manageUsers: viewer.role == .administrator
        }
    }

    public static func allows(_ action: Action, _ viewer: Viewer, _ resource: Resource) -> Bool {
        mayAttempt(action, viewer)
    }
}
