import Foundation

/// Who may do what with assessment cycles and their results.
///
/// Programme staff run cycles and read everything. A supervisor reads the reports of the people
/// in their line once the cycle is closed; an account manager reads their own only once it is
/// released. Raters reach their forms through their personal links, not through roles, so no
/// action here is about answering.
public enum AssessmentPolicy: Policy {
    public enum Action: Hashable, Sendable, CaseIterable {
        /// Create, open, close and release cycles; change their rules and questions; read the
        /// outbox, previews, exports and measurement quality.
        case runCycles
        /// Open the assessments section: one's own forms and the reports one may read.
        case browseCycles
        case readReport
        /// The account manager proposes peers; their supervisor and programme staff nominate directly.
        case nominatePeers
        /// Approving or revoking a rater is the supervisor's decision (or programme staff's), never the subject's.
        case approvePeers
        /// Customers interview candidate account managers; programme staff run and read interviews.
        case interview
        /// Customers see their account's questionnaire results once the cycle is released.
        case readAccountResults
    }

    public enum Resource: Sendable {
        /// One person being assessed in one cycle. `inViewersLine` says whether the viewer sees
        /// the person (`PeopleRepository.visiblePersonIDs`), which only a query can tell.
        case subject(personID: UUID, cycleStatus: CycleStatus, inViewersLine: Bool)
        case cycle(CycleStatus)
        /// An interview scorecard, which belongs to the one who conducts it.
        case scorecard(interviewerUserID: UUID)
    }

    public static func mayAttempt(_ action: Action, _ viewer: Viewer) -> Bool {
        let role = viewer.role
        switch action {
        case .runCycles: return role.seesEveryone
        case .interview: return role.seesEveryone || role == .customerReviewer
        case .browseCycles, .readReport, .nominatePeers, .readAccountResults: return true
        case .approvePeers: return role.seesEveryone || role == .supervisor
        }
    }

    public static func allows(_ action: Action, _ viewer: Viewer, _ resource: Resource) -> Bool {
        guard mayAttempt(action, viewer) else { return false }
        let role = viewer.role
        switch (action, resource) {
        case (.runCycles, _), (.browseCycles, _):
            return true
        case (.readReport, .subject(let personID, let status, let inLine)):
            if role.seesEveryone { return true }
            if viewer.personID == personID { return status == .released }
            return role == .supervisor && inLine && status.isSettled
        case (.nominatePeers, .subject(let personID, _, let inLine)):
            return role.seesEveryone || viewer.personID == personID || (role == .supervisor && inLine)
        case (.approvePeers, .subject(let personID, _, let inLine)):
            return role.seesEveryone || (role == .supervisor && viewer.personID != personID && inLine)
        case (.readAccountResults, .cycle(let status)):
            return role.seesEveryone || status == .released
        case (.interview, .scorecard(let interviewer)):
            return role.seesEveryone || interviewer == viewer.userID
        case (.interview, _):
            return true
        case (.readReport, _), (.nominatePeers, _), (.approvePeers, _), (.readAccountResults, _):
            return false
        }
    }
}
