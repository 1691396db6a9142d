import AcumenCore

/// The words calibration's participants read: their exercises and second ratings, rating a
/// reference case, and their calibration status. The manager's pages are English for now.
enum ParticipantMessage: String, MessageKey, CaseIterable {
    case title = "participant.title"
    case noExercise = "participant.noExercise"
    case exercises = "participant.exercises"
    case cases = "participant.cases"
    case submittedOn = "participant.submittedOn"
    case submittedOnSentence = "participant.submittedOnSentence"
    case toDo = "participant.toDo"
    case closed = "participant.closed"
    case secondRatings = "participant.secondRatings"
    case notYetCalibrated = "participant.notYetCalibrated"
    case calibratedUntil = "participant.calibratedUntil"
    case ranOut = "participant.ranOut"
    case lastAttemptFailed = "participant.lastAttemptFailed"
    case thresholds = "participant.thresholds"
    case howTo = "participant.howTo"
    case notSubmitted = "participant.notSubmitted"
    case closedBeforeSubmitting = "participant.closedBeforeSubmitting"
    case casesCaption = "participant.casesCaption"
    case caseColumn = "participant.col.case"
    case competenciesColumn = "participant.col.competencies"
    case ratedColumn = "participant.col.rated"
    case ratedOf = "participant.ratedOf"
    case submit = "participant.submit"
    case caseTitle = "participant.caseTitle"
    case caseOf = "participant.caseOf"
    case save = "participant.save"
    case saveAndNext = "participant.saveAndNext"
    case watch = "participant.watch"
    case material = "participant.material"
    case scenario = "participant.kind.scenario"
    case transcript = "participant.kind.transcript"
    case recording = "participant.kind.recording"
    case secondRatingOf = "participant.secondRatingOf"
    case secondRatingIntro = "participant.secondRatingIntro"
    case finishLater = "participant.finishLater"
    case submitSecond = "participant.submitSecond"
    case ratingsSaved = "participant.ratingsSaved"
    case secondSaved = "participant.secondSaved"
    case secondSubmitted = "participant.secondSubmitted"

    /// Keys are `participant.kind.` and the kind's raw value; `MessageKeyTests` holds every kind.
    init(kind: ReferenceCaseKind) {
        self.init(rawValue: "participant.kind.\(kind.rawValue)")!
    }
}
