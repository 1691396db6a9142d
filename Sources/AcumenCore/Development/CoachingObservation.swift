import Foundation

/// A supervisor's record of a real meeting or call, rated on a competency's behaviour grid (the
/// grid of the assessment forms), with notes and the next steps agreed. It is evidence on the
/// account manager's record, never an assessment result: reports do not count it.
public struct CoachingObservation: Hashable, Sendable, Identifiable {
    public enum Setting: String, Hashable, Sendable, CaseIterable {
        case meeting, call, rolePlay
        /// A verbal assessment: an assessor asked a knowledge check's script and ticked what the answers showed.
        case verbalAssessment

        /// What a supervisor may choose when recording an observation; a verbal assessment is recorded from its check.
        public static var observable: [Setting] { [.meeting, .call, .rolePlay] }
    }

    public var id: UUID
    public var personID: UUID
    public var frameworkID: UUID
    public var competencyCode: String
    public var setting: Setting
    public var observedOn: CalendarDate
    /// For each level, the positions of the behaviours seen.
    public var observed: [Int: Set<Int>]
    /// The level the ticks show; nil when nothing at the first level was seen.
    public var level: Int?
    public var notes: String
    public var nextSteps: String
    public var observerEmail: String
    /// The roadmap item it completed, if any.
    public var completedItemID: UUID?

    public init(
        id: UUID = UUID(), personID: UUID, frameworkID: UUID, competencyCode: String, setting: Setting,
        observedOn: CalendarDate, observed: [Int: Set<Int>], level: Int?, notes: String, nextSteps: String,
        observerEmail: String, completedItemID: UUID? = nil
    ) {
        self.id = id
        self.personID = personID
        self.frameworkID = frameworkID
        self.competencyCode = competencyCode
        self.setting = setting
        self.observedOn = observedOn
        self.observed = observed
        self.level = level
        self.notes = notes
        self.nextSteps = nextSteps
        self.observerEmail = observerEmail
        self.completedItemID = completedItemID
    }
}

/// An observation as the supervisor's form sends it, before it is checked.
public struct ObservationDraft: Hashable, Sendable {
    public var competencyCode: String
    public var setting: CoachingObservation.Setting?
    public var observedOn: CalendarDate?
    /// The grid as ticked (the assessment forms' fields), if the competency was on it.
    public var rating: CompetencyRatingInput?
    public var notes: String
    public var nextSteps: String

    public init(
        competencyCode: String, setting: CoachingObservation.Setting?, observedOn: CalendarDate?,
        rating: CompetencyRatingInput?, notes: String, nextSteps: String
    ) {
        self.competencyCode = competencyCode
        self.setting = setting
        self.observedOn = observedOn
        self.rating = rating
        self.notes = notes
        self.nextSteps = nextSteps
    }

    /// Every problem, located by the form's field: a competency of the framework, a setting, a
    /// day that has happened, something seen on the grid (a chosen level with its reason), notes
    /// within limits.
    public func problems(framework: FrameworkContent, today: CalendarDate) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if !framework.competencies.contains(where: { $0.code == competencyCode }) {
            problems.append(ValidationProblem(location: "competency", message: "choose a competency of the framework"))
        }
        if setting == nil {
            problems.append(ValidationProblem(location: "setting", message: "choose a meeting, a call or a role-play"))
        }
        switch observedOn {
        case nil: problems.append(ValidationProblem(location: "observedOn", message: "give the day (YYYY-MM-DD)"))
        case let day? where day > today:
            problems.append(ValidationProblem(location: "observedOn", message: "the day has not come yet"))
        default: break
        }
        let ticked = rating.map {
            !$0.notObserved && ($0.observed.values.contains { !$0.isEmpty } || $0.overrideLevel != nil)
        }
        if let rating, ticked == true {
            if rating.overrideLevel != nil && rating.overrideReason.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(
                    ValidationProblem(
                        location: "observed", message: "say why you chose another level than the ticks show"))
            }
        } else if problems.isEmpty {
            problems.append(
                ValidationProblem(
                    location: "observed", message: "tick the behaviours you saw (an observation records what was seen)")
            )
        }
        for (field, value) in [("notes", notes), ("nextSteps", nextSteps)] where value.count > TextLimits.description {
            problems.append(
                ValidationProblem(location: field, message: "keep it under \(TextLimits.description) characters"))
        }
        return problems
    }
}
