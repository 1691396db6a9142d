import Foundation

/// Who may do what with calibration.
///
/// Programme staff prepare exercises, set master ratings, assign second ratings and read every
/// result. They read the master ratings, so they never rate blind and are never participants.
/// Participants see an exercise once it is open and only if they take part; before they submit
/// they see neither the master ratings nor anyone else's, afterwards only their own beside the
/// master and the anonymous distribution of the others' (`CalibrationResults`).
public enum CalibrationPolicy: Policy {
    public enum Action: Hashable, Sendable, CaseIterable {
        /// Create and open exercises, set master ratings, read results, the due list and drift,
        /// and set up second ratings of a cycle.
        case prepare
        /// Find calibration in the menu. Account managers are rated, not raters who calibrate;
        /// they can still open an exercise they were added to.
        case browse
        /// Open one exercise.
        case see
        /// Rate the cases of an exercise.
        case rate
        /// Give a second rating of a cycle's subject, assigned to them whatever their role.
        case secondRate
    }

    public enum Resource: Sendable {
        case exercise(status: CalibrationExerciseStatus, viewerTakesPart: Bool)
        case secondRating(raterUserID: UUID)
    }

    public static func mayAttempt(_ action: Action, _ viewer: Viewer) -> Bool {
        switch action {
        case .prepare: viewer.role.seesEveryone
        case .browse: viewer.role != .accountManager
        case .see: true
        case .rate: !viewer.role.seesEveryone
        case .secondRate: true
        }
    }

    public static func allows(_ action: Action, _ viewer: Viewer, _ resource: Resource) -> Bool {
        guard mayAttempt(action, viewer) else { return false }
        switch (action, resource) {
        case (.prepare, _), (.browse, _):
            return true
        case (.see, .exercise(let status, let takesPart)):
            return viewer.role.seesEveryone || (status != .draft && takesPart)
        case (.rate, .exercise(let status, let takesPart)):
            return takesPart && status != .draft
        case (.secondRate, .secondRating(let rater)):
            return rater == viewer.userID
        case (.see, .secondRating), (.rate, .secondRating), (.secondRate, .exercise):
            return false
        }
    }

    /// Whether someone with this role can be added to an exercise: everyone but programme staff.
    public static func canTakePart(_ role: Role) -> Bool { !role.seesEveryone }
}
