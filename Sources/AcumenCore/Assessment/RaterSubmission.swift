import Foundation

/// A rater's form, read once: its fields checked one by one, what is still missing for a
/// submission, and the rows a submission stores.
///
/// The HTML form, the JSON API and autosave all read fields through this type, so a field is
/// judged the same wherever it arrives, and the store receives finished rows: it decides nothing.
public struct RaterSubmission: Sendable {
    /// Fields that are not part of this form, or whose values are not acceptable.
    public let fieldProblems: [ValidationProblem]
    /// What a submission still lacks (unrated competencies, unanswered questions, levels chosen
    /// without a reason). Empty when the form can be submitted.
    public let completenessProblems: [ValidationProblem]
    /// The fields worth keeping as a draft: the form's own control fields are left out.
    public let draftFields: [String: String]
    /// What a submission stores.
    public let content: ResponseContent

    /// Control fields of the HTML form (the submit button's intent, the CSRF token, the
    /// language the form is shown in).
    public static let controlFields: Set<String> = ["intent", "_csrf", "language"]

    public init(
        fields: [String: String], source: RaterSource, framework: FrameworkContent, questionnaire: Questionnaire
    ) {
        let answered = fields.filter { !Self.controlFields.contains($0.key) }
        draftFields = answered
        fieldProblems = answered.sorted { $0.key < $1.key }.compactMap { name, value in
            RaterFormFields.problem(
                name: name, value: value, source: source, framework: framework, questionnaire: questionnaire
            ).map { ValidationProblem(location: name, message: $0) }
        }
        if source == .customer {
            let answers = RaterFormFields.answers(from: answered, questionnaire: questionnaire)
            let comments = RaterFormFields.answerComments(from: answered, questionnaire: questionnaire)
            completenessProblems =
                RaterFormFields.invalidAnswers(in: answered, questionnaire: questionnaire)
                + QuestionnaireValidation.problems(answers, questionnaire: questionnaire)
            content = .answers(
                answers.sorted { $0.key < $1.key }.map {
                    AnswerRecord(questionCode: $0.key, answer: $0.value, comment: comments[$0.key] ?? "")
                })
        } else {
            let ratings = RaterFormFields.ratings(from: answered, framework: framework)
            completenessProblems = InternalFormValidation.problems(ratings, framework: framework)
            content = .ratings(ratings.map { RatingRecord($0, framework: framework) })
        }
    }
}

/// What one submitted response holds, as the store writes it.
public enum ResponseContent: Sendable, Hashable {
    case ratings([RatingRecord])
    case answers([AnswerRecord])
}

/// One competency rating with the levels it comes to, decided here rather than in the store.
public struct RatingRecord: Sendable, Hashable {
    public var competencyCode: String
    public var observed: [Int: Set<Int>]
    /// The level that counts: the rater's chosen level, else the level the ticks show; nil when not observed.
    public var level: Int?
    /// The level the ticks alone show; nil when not observed.
    public var derivedLevel: Int?
    public var overrideReason: String
    public var notObserved: Bool
    public var comment: String

    public init(_ rating: CompetencyRatingInput, framework: FrameworkContent) {
        let standards = framework.competencies.first { $0.code == rating.competencyCode }?.standards ?? []
        let derived = DerivedLevel.derive(levels: framework.levels, standards: standards, observed: rating.observed)
        competencyCode = rating.competencyCode
        observed = rating.observed
        level = rating.level(in: framework)
        derivedLevel = rating.notObserved ? nil : derived.level
        overrideReason = rating.overrideReason
        notObserved = rating.notObserved
        comment = rating.comment
    }
}

/// One customer answer with the comment written beside it.
public struct AnswerRecord: Sendable, Hashable {
    public var questionCode: String
    public var answer: FrequencyAnswer
    public var comment: String

    public init(questionCode: String, answer: FrequencyAnswer, comment: String) {
        self.questionCode = questionCode
        self.answer = answer
        self.comment = comment
    }
}

/// Who answered, as stored with the response: the rater's name only for sources that are not
/// anonymous, and whether their calibration was valid on the day, for the sources it qualifies.
public struct ResponseAttribution: Sendable, Hashable {
    public var raterKey: String
    public var submittedOn: CalendarDate
    public var raterCalibrated: Bool?
    public var raterBias: Double?

    /// - Parameter calibration: the rater's calibration status, for supervisors and peers only;
    ///   self-assessments and customers' questionnaires are not judged against a master.
    public init(
        invitation: Invitation, raterKey: String, today: CalendarDate, settings: CycleSettings,
        calibration: CalibrationStatus?
    ) {
        self.raterKey = raterKey
        submittedOn = ReminderSchedule.recordedSubmissionDay(for: invitation.source, actual: today, settings: settings)
        let judged = Self.isJudged(invitation.source)
        raterCalibrated = judged ? calibration?.isValid(on: today) ?? false : nil
        raterBias = judged ? calibration?.bias : nil
    }

    /// Supervisors' and peers' ratings are what calibration qualifies.
    public static func isJudged(_ source: RaterSource) -> Bool { source == .supervisor || source == .peer }
}
