import AcumenCore
import AcumenStore
import Vapor

/// One field as the forms' save-as-you-go script posts it (`RaterFormScript`).
struct AutosaveField: Decodable {
    var name: String
    var value: String?
}

/// What autosave answers the script: for a behaviour tick, the level the competency's ticks
/// now show, with its explanation, which the script writes under the competency.
struct AutosaveResult: Content {
    var saved: Bool
    var derivedLevel: String?
    var competency: String?

    /// The answer after `name` was saved and the grid's fields are now `fields`.
    static func after(
        saving name: String, fields: [String: String], framework: FrameworkContent, text: Localizer
    ) -> AutosaveResult {
        guard name.hasPrefix("b:") || name.hasPrefix("none:"),
            let code = name.split(separator: ":", maxSplits: 3).last.map(String.init)
        else { return AutosaveResult(saved: true) }
        return AutosaveResult(
            saved: true,
            derivedLevel: BehaviourGrid.derivedLevel(code, framework: framework, fields: fields)?.explanation(in: text),
            competency: code)
    }
}

/// Behaviour-grid answers kept as ratings rather than as draft fields (calibration cases and
/// second ratings): the posted fields are checked against the grid, then read as ratings.
enum GridAnswers {
    /// The ratings the fields describe; 422 naming every field that is not on the grid.
    static func ratings(from fields: [String: String], framework: FrameworkContent) throws
        -> [CompetencyRatingInput]
    {
        let problems = fields.sorted { $0.key < $1.key }.compactMap { name, value in
            RaterFormFields.gridProblem(name: name, value: value, framework: framework).map {
                ValidationProblem(location: name, message: $0)
            }
        }
        guard problems.isEmpty else { throw AppError.from(StoreError.invalid(problems)) }
        return RaterFormFields.ratings(from: fields, framework: framework)
    }
}
