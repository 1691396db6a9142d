import Foundation

/// Who may do what with a competency framework.
///
/// Published and retired versions are the organisation's standard and any signed-in user may
/// read them. A draft is visible to those who edit frameworks and to its named reviewers, who
/// may comment on it; CASE publishes only adopted standards, never drafts.
public enum FrameworkPolicy: Policy {
    public enum Action: Hashable, Sendable, CaseIterable {
        case read
        case edit
        /// Translating changes no original text, so published versions can be translated;
        /// retired ones are history.
        case translate
        case comment
        case publishOverCASE
    }

    public struct Resource: Sendable {
        public var status: FrameworkStatus
        public var viewerIsReviewer: Bool

        public init(status: FrameworkStatus, viewerIsReviewer: Bool = false) {
            self.status = status
            self.viewerIsReviewer = viewerIsReviewer
        }
    }

    public static func mayAttempt(_ action: Action, _ viewer: Viewer) -> Bool {
        switch action {
        case .edit, .translate: viewer.role.editsFrameworks
        // Reviewers of a draft can have any role, and CASE is read without signing in.
        case .read, .comment, .publishOverCASE: true
        }
    }

    public static func allows(_ action: Action, _ viewer: Viewer, _ resource: Resource) -> Bool {
        guard mayAttempt(action, viewer) else { return false }
        switch action {
        case .read: return resource.status != .draft || viewer.role.editsFrameworks || resource.viewerIsReviewer
        case .edit: return true
        case .translate: return resource.status != .retired
        case .comment: return resource.status == .draft && (viewer.role.editsFrameworks || resource.viewerIsReviewer)
        case .publishOverCASE: return resource.status != .draft
        }
    }

    /// CASE is read without signing in, so its rule needs no viewer.
    public static func isPublic(_ status: FrameworkStatus) -> Bool { status != .draft }
}
