import AcumenCore
import Plot

/// Lists what is wrong with a form, at the top, announced to screen readers.
struct ProblemList: Component {
    let problems: [ValidationProblem]
    /// Says what did not happen: "Nothing was saved" for edits, "not submitted" for submissions.
    var heading = "Nothing was saved. Please fix:"

    var body: Component {
        Div {
            if !problems.isEmpty {
                H2(heading)
                List(problems.map(\.description))
            }
        }.class(problems.isEmpty ? "" : "error").attribute(named: "role", value: problems.isEmpty ? nil : "alert")
    }
}
