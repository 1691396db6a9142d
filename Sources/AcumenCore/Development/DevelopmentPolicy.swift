/// Who may see and change the learning catalogue. The vendor's people browse it; customer
/// reviewers are outside the vendor and do not; programme staff keep it.
public enum DevelopmentPolicy: Policy {
    public enum Action: Hashable, Sendable, CaseIterable {
        case browseCatalogue
        /// Add and change offerings and categories, import and export the catalogue.
        case manageCatalogue
    }

    public struct Resource: Sendable {
        public init() {}
    }

    public static func mayAttempt(_ action: Action, _ viewer: Viewer) -> Bool {
        switch action {
        case .browseCatalogue: viewer.role != .customerReviewer
        case .manageCatalogue: viewer.role.seesEveryone
        }
    }

    public static func allows(_ action: Action, _ viewer: Viewer, _ resource: Resource) -> Bool {
        mayAttempt(action, viewer)
    }
}
