/// Who may take, assess and study knowledge checks. The vendor's people take checks for
/// themselves; a supervisor runs verbal assessments and scores written scenarios for the people
/// in their line, programme staff for everyone; programme staff keep the bank and the checks
/// and read the item analysis, which names no one but counts everyone's answers.
public enum KnowledgeCheckPolicy: Policy {
    public enum Action: Hashable, Sendable, CaseIterable {
        /// See the checks and take one: a person's own attempts only.
        case takeCheck
        /// Score a scenario answer, or run a verbal assessment, for someone else.
        case assess
        /// Write and import questions and checks, export the bank and the attempts, read the item analysis.
        case manageBank
    }

    /// Whose attempt, as the viewer stands to them.
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
        case .takeCheck: viewer.role != .customerReviewer
        case .assess: viewer.role.seesEveryone || viewer.role == .supervisor
        case .manageBank: viewer.role.seesEveryone
        }
    }

    public static func allows(_ action: Action, _ viewer: Viewer, _ resource: Resource) -> Bool {
        guard mayAttempt(action, viewer) else { return false }
        switch action {
        case .takeCheck: return resource.isOwn
        // Nobody assesses themselves, whatever their role.
        case .assess: return !resource.isOwn && (viewer.role.seesEveryone || resource.inViewersLine)
        case .manageBank: return true
        }
    }
}
