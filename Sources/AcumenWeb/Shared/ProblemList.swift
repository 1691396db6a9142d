import AcumenCore
import Plot

/// The summary of what is wrong with a form, shown above it and announced to screen readers.
struct ProblemList: Component {
    let problems: [ValidationProblem]
    /// Says what did not happen: "Nothing was saved" for edits, "not submitted" for submissions.
    let heading: String
    /// Names each field by its label as the person sees it; a problem of no known field keeps its location.
    let labels: [String: String]
    let text: Localizer

    /// Problems located by form field names, listed by the fields' labels in the reader's language.
    init(
        problems: [ValidationProblem], labels: [String: String] = [:], heading: String,
        text: Localizer = Localizer(.english)
    ) {
        self.problems = problems
        self.heading = heading
        self.labels = labels
        self.text = text
    }

    var body: Component {
        Div {
            if !problems.isEmpty {
                H2(heading)
                List(
                    problems.map { problem in
                        let message = problem.message(in: text)
                        let location = labels[problem.location] ?? problem.location
                        return location.isEmpty
                            ? message : text.text(ProblemListMessage.line, ["field": location, "problem": message])
                    })
            }
        }.class(problems.isEmpty ? "" : "error").attribute(named: "role", value: problems.isEmpty ? nil : "alert")
    }
}

enum ProblemListMessage: String, MessageKey, CaseIterable {
    case line = "problem.line"
}
