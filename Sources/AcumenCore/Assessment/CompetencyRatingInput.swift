/// What an internal rater (self, peer or supervisor) says about one competency.
public struct CompetencyRatingInput: Hashable, Codable, Sendable {
    public var competencyCode: String
    /// For each level, the positions of the behaviours the rater saw.
    public var observed: [Int: Set<Int>]
    public var notObserved: Bool
    /// A level the rater chooses instead of the derived one, which needs a reason.
    public var overrideLevel: Int?
    public var overrideReason: String
    public var comment: String

    public init(
        competencyCode: String, observed: [Int: Set<Int>] = [:], notObserved: Bool = false, overrideLevel: Int? = nil,
        overrideReason: String = "", comment: String = ""
    ) {
        self.competencyCode = competencyCode
        self.observed = observed
        self.notObserved = notObserved
        self.overrideLevel = overrideLevel
        self.overrideReason = overrideReason
        self.comment = comment
    }

    /// The level this rating stands for: the override when there is one, else the derived level.
    public func level(in framework: FrameworkContent) -> Int? {
        if notObserved { return nil }
        if let overrideLevel { return overrideLevel }
        guard let competency = framework.competencies.first(where: { $0.code == competencyCode }) else { return nil }
        return DerivedLevel.derive(levels: framework.levels, standards: competency.standards, observed: observed).level
    }
}

/// Checks a whole internal form on submission: every competency answered one way or another,
/// and nothing out of range. Problems name the competency so the form can point at it.
public enum InternalFormValidation {
    public static func problems(_ ratings: [CompetencyRatingInput], framework: FrameworkContent) -> [ValidationProblem]
    {
        var problems: [ValidationProblem] = []
        let byCode = Dictionary(ratings.map { ($0.competencyCode, $0) }, uniquingKeysWith: { first, _ in first })
        let known = Set(framework.competencies.map(\.code))
        for code in Set(ratings.map(\.competencyCode)).subtracting(known).sorted() {
            problems.append(ValidationProblem(location: code, .notACompetency))
        }
        for competency in framework.competencies {
            let location = "\(competency.code) \(competency.title)"
            guard let rating = byCode[competency.code] else {
                problems.append(ValidationProblem(location: location, .rateCompetency))
                continue
            }
            let ticked = rating.observed.values.reduce(0) { $0 + $1.count }
            if !rating.notObserved && ticked == 0 && rating.overrideLevel == nil {
                problems.append(ValidationProblem(location: location, .rateCompetency))
            }
            if rating.notObserved && (ticked > 0 || rating.overrideLevel != nil) {
                problems.append(ValidationProblem(location: location, .notObservedButRated))
            }
            for (level, positions) in rating.observed {
                let count = competency.standard(at: level)?.behaviours.count ?? 0
                if positions.contains(where: { !(0..<count).contains($0) }) {
                    problems.append(ValidationProblem(location: location, .unknownBehaviour))
                }
            }
            if let level = rating.overrideLevel {
                if !(0..<framework.levels.count).contains(level) {
                    problems.append(ValidationProblem(location: location, .unknownLevel))
                }
                if rating.overrideReason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    problems.append(ValidationProblem(location: location, .sayWhyLevel))
                }
            }
            if rating.comment.count > TextLimits.description || rating.overrideReason.count > TextLimits.description {
                problems.append(ValidationProblem(location: location, .tooLong, ["limit": "\(TextLimits.description)"]))
            }
        }
        return problems
    }
}

/// Checks a customer questionnaire on submission: every question answered ("Don't know" is an
/// answer), no unknown questions.
public enum QuestionnaireValidation {
    public static func problems(_ answers: [String: FrequencyAnswer], questionnaire: Questionnaire)
        -> [ValidationProblem]
    {
        let codes = Set(questionnaire.questions.map(\.code))
        var problems = Set(answers.keys).subtracting(codes).sorted().map {
            ValidationProblem(location: $0, .notAQuestion)
        }
        for (number, question) in questionnaire.questions.enumerated() where answers[question.code] == nil {
            problems.append(ValidationProblem(location: "question \(number + 1)", .chooseAnswer))
        }
        return problems
    }
}
