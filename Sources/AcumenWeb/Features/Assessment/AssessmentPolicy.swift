import AcumenCore
import AcumenStore
import Foundation

/// Who may do what with assessment cycles and their results. Decided here only.
///
/// Programme staff run cycles and read everything. A supervisor reads the reports of the people
/// they see (their line) once the cycle is closed; an account manager reads their own only once
/// it is released. Raters reach their forms through their personal links, not through roles.
enum AssessmentPolicy {
    static func canManage(_ user: UserAccount) -> Bool {
        user.role.seesEveryone
    }

    /// `visible` is `PeopleRepository.visiblePersonIDs`: nil means everyone.
    static func canReadReport(
        subjectID: UUID, cycle: AssessmentCycle, user: UserAccount, visible: Set<UUID>?
    ) -> Bool {
        if user.role.seesEveryone { return true }
        if user.personID == subjectID { return cycle.status == .released }
        guard user.role == .supervisor, visible?.contains(subjectID) == true else { return false }
        return cycle.status == .closed || cycle.status == .released
    }

    /// The account manager proposes peers; their supervisor and programme staff nominate directly.
    static func canNominatePeers(subjectID: UUID, user: UserAccount, visible: Set<UUID>?) -> Bool {
        user.role.seesEveryone || user.personID == subjectID
            || (user.role == .supervisor && visible?.contains(subjectID) == true)
    }

    /// Approving a peer is the supervisor's decision (or programme staff's), never the account manager's.
    static func canApprovePeers(subjectID: UUID, user: UserAccount, visible: Set<UUID>?) -> Bool {
        user.role.seesEveryone
            || (user.role == .supervisor && user.personID != subjectID && visible?.contains(subjectID) == true)
    }

    /// Customers interview candidate account managers; programme staff run and read interviews.
    static func canInterview(_ user: UserAccount) -> Bool {
        user.role.seesEveryone || user.role == .customerReviewer
    }

    /// Customers see their account's questionnaire results once the cycle is released.
    static func canReadAccountResults(cycle: AssessmentCycle, user: UserAccount) -> Bool {
        user.role.seesEveryone || cycle.status == .released
    }
}
