import Foundation

/// An exercise as lists show it.
public struct CalibrationExerciseSummary: Sendable, Hashable {
    public var exercise: CalibrationExercise
    public var frameworkName: String
    public var cases: Int
    public var participants: Int
    public var submitted: Int
    /// In a participant's list: when they submitted their own ratings.
    public var submittedByParticipantOn: CalendarDate?

    public init(
        exercise: CalibrationExercise, frameworkName: String, cases: Int, participants: Int, submitted: Int,
        submittedByParticipantOn: CalendarDate? = nil
    ) {
        self.exercise = exercise
        self.frameworkName = frameworkName
        self.cases = cases
        self.participants = participants
        self.submitted = submitted
        self.submittedByParticipantOn = submittedByParticipantOn
    }
}

/// Someone taking part in an exercise.
public struct CalibrationParticipant: Sendable, Hashable {
    public var userID: UUID
    public var email: String
    /// The person's name from the people records; their e-mail address when there is none.
    public var name: String
    public var role: Role
    public var submittedOn: CalendarDate?
    /// 1 for the first participant to submit, 2 for the next...; nil before submitting (and for
    /// submissions made before Acumen kept the order).
    public var submissionOrder: Int?

    public init(
        userID: UUID, email: String, name: String? = nil, role: Role, submittedOn: CalendarDate? = nil,
        submissionOrder: Int? = nil
    ) {
        self.userID = userID
        self.email = email
        self.name = name ?? email
        self.role = role
        self.submittedOn = submittedOn
        self.submissionOrder = submissionOrder
    }
}

/// One stored rating of a competency in a case, by a participant.
public struct StoredCalibrationRating: Sendable, Hashable {
    public var userID: UUID
    public var caseID: UUID
    public var rating: CompetencyRatingInput
    public var level: Int?

    public init(userID: UUID, caseID: UUID, rating: CompetencyRatingInput, level: Int? = nil) {
        self.userID = userID
        self.caseID = caseID
        self.rating = rating
        self.level = level
    }
}
