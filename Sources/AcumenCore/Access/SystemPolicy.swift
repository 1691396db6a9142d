/// Who may use the system's own tools: the mail outbox and the statistics service.
public enum SystemPolicy: Policy {
    public enum Action: Hashable, Sendable, CaseIterable {
        /// The outbox shows every message's recipient, so only programme staff read and retry it.
        case readOutbox
        /// The agreement statistics of an uploaded table: pure computation on the caller's own data.
        case computeStatistics
    }

    public struct Resource: Sendable {
        public init() {}
    }

    public static func mayAttempt(_ action: Action, _ viewer: Viewer) -> Bool {
        switch action {
        case .readOutbox: viewer.role.seesEveryone
        case .computeStatistics: true
        }
    }

    public static func allows(_ action: Action, _ viewer: Viewer, _ resource: Resource) -> Bool {
        mayAttempt(action, viewer)
    }
}
