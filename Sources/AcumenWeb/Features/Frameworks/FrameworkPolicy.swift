import AcumenCore
import AcumenStore
import Foundation

/// Who may do what with a competency framework. Decided here only; controllers ask.
///
/// Published and retired versions are the organisation's standard and any signed-in user
/// may read them. A draft is visible to those who edit frameworks and to its named reviewers.
enum FrameworkPolicy {
    static func canView(_ framework: FrameworkSummary, user: UserAccount, isReviewer: Bool) -> Bool {
        framework.status != .draft || user.role.editsFrameworks || isReviewer
    }

    static func canEdit(_ user: UserAccount) -> Bool {
        user.role.editsFrameworks
    }

    static func canComment(_ framework: FrameworkSummary, user: UserAccount, isReviewer: Bool) -> Bool {
        framework.status == .draft && (user.role.editsFrameworks || isReviewer)
    }

    /// Drafts and the CASE service: CASE publishes only the organisation's adopted standards.
    static func isPublic(_ framework: FrameworkSummary) -> Bool {
        framework.status != .draft
    }
}
