/// Who may read the programme's dashboards. The programme's own figures (uptake, promotions,
/// turnover, the customers' service rating) and the rows they are made from name every account
/// manager, so they are for those who run the programme: administrators and programme managers.
public enum AnalyticsPolicy: Policy {
    public enum Action: Hashable, Sendable, CaseIterable {
        case readProgramme
    }

    public typealias Resource = Void

    public static func mayAttempt(_ action: Action, _ viewer: Viewer) -> Bool {
        switch action {
        case .readProgramme: viewer.role.seesEveryone
        }
    }

    public static func allows(_ action: Action, _ viewer: Viewer, _ resource: Void) -> Bool {
        mayAttempt(action, viewer)
    }
}
