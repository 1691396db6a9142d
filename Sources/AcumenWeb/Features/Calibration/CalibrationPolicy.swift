import AcumenCore
import AcumenStore

/// Who may do what with calibration. Decided here only.
///
/// Programme staff prepare exercises, set master ratings and read every result. Participants
/// see an exercise once it is open and only if they take part; before they submit they see
/// neither the master ratings nor anyone else's, afterwards only their own beside the master
/// and the anonymous distribution of the others'.
enum CalibrationPolicy {
    static func canManage(_ user: UserAccount) -> Bool {
        user.role.seesEveryone
    }
}
