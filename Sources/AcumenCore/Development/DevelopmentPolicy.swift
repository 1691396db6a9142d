/// Who may see and change the learning catalogue and roadmaps. The vendor's people browse the
/// catalogue; customer reviewers are outside the vendor and do not; programme staff keep it.
/// A roadmap is read by its account manager, their supervisors and programme staff; the
/// supervisors and programme staff draft, change and approve it; the account manager reports
/// their own progress. The vendor's people take seats on sessions; a session's trainer and
/// programme staff keep its register.
public enum DevelopmentPolicy: Policy {
    public enum Action: Hashable, Sendable, CaseIterable {
        case browseCatalogue
        /// Add and change offerings and categories, import and export the catalogue.
        case manageCatalogue
        case readRoadmap
        case shapeRoadmap
        case reportProgress
        /// Ask for a seat on a session, or give it up.
        case enrol
        /// See a session's register, take attendance and attach its recording: its trainer and programme staff.
        case runSession
    }

    /// Whose roadmap, as the viewer stands to them.
    public struct Resource: Sendable {
        public var isOwn: Bool
        public var inViewersLine: Bool
        /// The viewer trains the session in question.
        public var isTrainer: Bool

        public init(isOwn: Bool = false, inViewersLine: Bool = false, isTrainer: Bool = false) {
            self.isOwn = isOwn
            self.inViewersLine = inViewersLine
            self.isTrainer = isTrainer
        }
    }

    public static func mayAttempt(_ action: Action, _ viewer: Viewer) -> Bool {
        switch action {
        // A seat is a person's: users without a person record (an administrator) are refused where they ask.
        case .browseCatalogue, .readRoadmap, .reportProgress, .runSession, .enrol: viewer.role != .customerReviewer
        case .manageCatalogue: viewer.role.seesEveryone
        case .shapeRoadmap: viewer.role.seesEveryone || viewer.role == .supervisor
        }
    }

    public static func allows(_ action: Action, _ viewer: Viewer, _ resource: Resource) -> Bool {
        guard mayAttempt(action, viewer) else { return false }
        switch action {
        case .browseCatalogue, .manageCatalogue: return true
        case .readRoadmap: return viewer.role.seesEveryone || resource.isOwn || resource.inViewersLine
        case .shapeRoadmap: return viewer.role.seesEveryone || (resource.inViewersLine && !resource.isOwn)
        case .reportProgress: return resource.isOwn || viewer.role.seesEveryone || resource.inViewersLine
        case .enrol: return true
        case .runSession: return viewer.role.seesEveryone || resource.isTrainer
        }
    }
}
