import AcumenCore
import Plot

/// Lists what is wrong with a form, at the top, announced to screen readers.
struct ProblemList: Component {
    let problems: [ValidationProblem]
    /// Says what did not happen: "Nothing was saved" for edits, "not submitted" for submissions.
    let heading: String

    init(problems: [ValidationProblem], heading: String = "Nothing was saved. Please fix:") {
        self.problems = problems
        self.heading = heading
    }

    /// Problems located by form field names, listed by the fields' labels as the person sees them.
    init(problems: [ValidationProblem], labels: [String: String], heading: String) {
        self.init(
            problems: problems.map {
                ValidationProblem(location: labels[$0.location] ?? $0.location, message: $0.message)
            }, heading: heading)
    }

    var body: Component {
        Div {
            if !problems.isEmpty {
                H2(heading)
                List(problems.map(\.description))
            }
        }.class(problems.isEmpty ? "" : "error").attribute(named: "role", value: problems.isEmpty ? nil : "alert")
    }
}
