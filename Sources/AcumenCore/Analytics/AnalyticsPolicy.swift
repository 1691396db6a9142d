/// Who may read the dashboards. The programme's own figures (uptake, promotions, turnover, the
/// customers' service rating) and the rows they are made from name every account manager, so
/// they are for those who run the programme: administrators and programme managers. A person's
/// own dashboard is read by them, their supervisors and programme staff, as their roadmap is.
/// Group results are read by programme staff over everyone and by supervisors over their line.
/// The vendor scorecard is the customer's own: its reviewers keep it, and nobody at the vendor
/// reads the scores the customer gave other vendors.
public enum AnalyticsPolicy: Policy {
    public enum Action: Hashable, Sendable, CaseIterable {
        case readProgramme
        case readIndividual
        case readGroups
        /// A customer's reviewers score each of their vendors' account teams side by side.
        case keepVendorScorecard
    }

    /// Whose dashboard, as the viewer stands to them.
    public struct Resource: Sendable {
        public var isOwn: Bool
        public var inViewersLine: Bool

        public init(isOwn: Bool = false, inViewersLine: Bool = false) {
            self.isOwn = isOwn
            self.inViewersLine = inViewersLine
        }
    }

    public static func mayAttempt(_ action: Action, _ viewer: Viewer) -> Bool {
        switch action {
        case .readProgramme: viewer.role.seesEveryone
        case .readIndividual: viewer.role != .customerReviewer
        case .readGroups: viewer.role.seesEveryone || viewer.role == .supervisor
        case .keepVendorScorecard: viewer.role == .customerReviewer
        }
    }

    public static func allows(_ action: Action, _ viewer: Viewer, _ resource: Resource) -> Bool {
        guard mayAttempt(action, viewer) else { return false }
        switch action {
        case .readProgramme, .readGroups, .keepVendorScorecard: return true
        case .readIndividual: return viewer.role.seesEveryone || resource.isOwn || resource.inViewersLine
        }
    }
}
