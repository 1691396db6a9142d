import Foundation

/// The names of a rater form's fields, and how a set of field values becomes ratings or answers.
///
/// The same names are used by the HTML form, by autosave (one field at a time) and by the saved
/// draft, so a draft is simply the form's fields as the rater left them. The competency or
/// question code always comes last in a name, so codes may contain any character.
public enum RaterFormFields {
    public static func behaviour(_ code: String, level: Int, position: Int) -> String {
        "b:\(level):\(position):\(code)"
    }
    public static func notObserved(_ code: String) -> String { "none:\(code)" }
    public static func overrideLevel(_ code: String) -> String { "override:\(code)" }
    public static func overrideReason(_ code: String) -> String { "reason:\(code)" }
    public static func comment(_ code: String) -> String { "comment:\(code)" }
    public static func answer(_ questionCode: String) -> String { "q:\(questionCode)" }
    public static func answerComment(_ questionCode: String) -> String { "qc:\(questionCode)" }

    /// Checks one field as autosave receives it; nil when it is a field of this form with an acceptable value.
    public static func problem(
        name: String, value: String, source: RaterSource, framework: FrameworkContent, questionnaire: Questionnaire
    ) -> String? {
        guard source == .customer else { return gridProblem(name: name, value: value, framework: framework) }
        if value.count > TextLimits.description { return "at most \(TextLimits.description) characters are allowed" }
        let parts = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let question = questionnaire.questions.first(where: { $0.code == parts[1] }) else {
            return "'\(name)' is not a field of this form"
        }
        switch parts[0] {
        case "q":
            return value.isEmpty || FrequencyAnswer(rawValue: value) != nil
                ? nil : "'\(value)' is not an answer to question \(question.code)"
        case "qc": return nil
        default: return "'\(name)' is not a field of this form"
        }
    }

    /// Checks one field of a behaviour grid, wherever the grid is used (raters' forms,
    /// calibration cases, master and second ratings); nil when it is a field of the grid of
    /// `framework` with an acceptable value.
    public static func gridProblem(name: String, value: String, framework: FrameworkContent) -> String? {
        if value.count > TextLimits.description { return "at most \(TextLimits.description) characters are allowed" }
        let parts = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return "'\(name)' is not a field of this form" }
        let (kind, rest) = (parts[0], parts[1])
        if kind == "b" {
            let pieces = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard pieces.count == 3, let level = Int(pieces[0]), let position = Int(pieces[1]),
                let competency = framework.competencies.first(where: { $0.code == pieces[2] }),
                let standard = competency.standard(at: level), standard.behaviours.indices.contains(position)
            else { return "'\(name)' is not a field of this form" }
            return value.isEmpty || value == "on" ? nil : "a behaviour is either ticked or not"
        }
        guard framework.competencies.contains(where: { $0.code == rest }) else {
            return "'\(name)' is not a field of this form"
        }
        switch kind {
        case "none": return value.isEmpty || value == "on" ? nil : "not observed is either ticked or not"
        case "override":
            if value.isEmpty { return nil }
            guard let level = Int(value), framework.levels.names.indices.contains(level) else {
                return "'\(value)' is not a level of this framework"
            }
            return nil
        case "reason", "comment": return nil
        default: return "'\(name)' is not a field of this form"
        }
    }

    /// The ratings an internal rater's fields describe, one per competency the fields mention.
    public static func ratings(from fields: [String: String], framework: FrameworkContent) -> [CompetencyRatingInput] {
        framework.competencies.compactMap { competency in
            let code = competency.code
            var observed: [Int: Set<Int>] = [:]
            for standard in competency.standards {
                for position in standard.behaviours.indices
                where fields[behaviour(code, level: standard.level, position: position)] == "on" {
                    observed[standard.level, default: []].insert(position)
                }
            }
            let none = fields[notObserved(code)] == "on"
            let overrideText = fields[overrideLevel(code)] ?? ""
            let reason = fields[overrideReason(code)] ?? ""
            let note = fields[comment(code)] ?? ""
            guard !observed.isEmpty || none || !overrideText.isEmpty || !reason.isEmpty || !note.isEmpty else {
                return nil
            }
            return CompetencyRatingInput(
                competencyCode: code, observed: observed, notObserved: none,
                overrideLevel: overrideText.isEmpty ? nil : Int(overrideText) ?? -1, overrideReason: reason,
                comment: note)
        }
    }

    /// The fields that describe `ratings`: the inverse of `ratings(from:framework:)`, so stored
    /// ratings can be shown in the form again and changed one field at a time.
    public static func fields(from ratings: [CompetencyRatingInput]) -> [String: String] {
        var fields: [String: String] = [:]
        for rating in ratings {
            let code = rating.competencyCode
            for (level, positions) in rating.observed {
                for position in positions { fields[behaviour(code, level: level, position: position)] = "on" }
            }
            if rating.notObserved { fields[notObserved(code)] = "on" }
            if let level = rating.overrideLevel { fields[overrideLevel(code)] = "\(level)" }
            if !rating.overrideReason.isEmpty { fields[overrideReason(code)] = rating.overrideReason }
            if !rating.comment.isEmpty { fields[comment(code)] = rating.comment }
        }
        return fields
    }

    /// The customer's answers the fields describe; blank answers are left out.
    public static func answers(from fields: [String: String], questionnaire: Questionnaire) -> [String: FrequencyAnswer]
    {
        var answers: [String: FrequencyAnswer] = [:]
        for question in questionnaire.questions {
            guard let text = fields[answer(question.code)], !text.isEmpty else { continue }
            // An unknown value is kept visible to validation as a missing answer, never guessed.
            if let value = FrequencyAnswer(rawValue: text) { answers[question.code] = value }
        }
        return answers
    }

    /// Answer values that are present but not on the scale: reported instead of silently dropped.
    public static func invalidAnswers(in fields: [String: String], questionnaire: Questionnaire) -> [ValidationProblem]
    {
        questionnaire.questions.enumerated().compactMap { number, question in
            guard let text = fields[answer(question.code)], !text.isEmpty, FrequencyAnswer(rawValue: text) == nil
            else { return nil }
            return ValidationProblem(location: "question \(number + 1)", .notOnScale, ["answer": text])
        }
    }

    public static func answerComments(from fields: [String: String], questionnaire: Questionnaire) -> [String: String] {
        var comments: [String: String] = [:]
        for question in questionnaire.questions {
            let text = (fields[answerComment(question.code)] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { comments[question.code] = text }
        }
        return comments
    }
}
