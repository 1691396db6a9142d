/// Who may see and change the organisation's records: people, accounts and their imports.
///
/// Which people a viewer sees is a query (`PeopleRepository.visiblePersonIDs`: everyone for
/// programme staff, their line for a supervisor, themselves otherwise); this policy decides
/// which lists they may open at all.
public enum OrganisationPolicy: Policy {
    public enum Action: Hashable, Sendable, CaseIterable {
        /// The people directory. Customer reviewers are outside the vendor and do not browse its staff.
        case browsePeople
        /// The accounts list: everyone signed in sees the accounts they are part of.
        case browseAccounts
        /// People, accounts and frameworks from files.
        case importRecords
    }

    public struct Resource: Sendable {
        public init() {}
    }

    public static func mayAttempt(_ action: Action, _ viewer: Viewer) -> Bool {
        switch action {
        case .browsePeople: viewer.role != .customerReviewer
        case .browseAccounts: true
        case .importRecords: viewer.role.seesEveryone
        }
    }

    public static func allows(_ action: Action, _ viewer: Viewer, _ resource: Resource) -> Bool {
        mayAttempt(action, viewer)
    }
}
