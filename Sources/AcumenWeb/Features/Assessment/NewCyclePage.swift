import AcumenCore
import Foundation
import Plot

enum NewCyclePage {
    struct Model {
        var form: NewCycleForm
        var frameworks: [FrameworkSummary]
        var teams: [(UUID, String)]
        var locations: [(UUID, String)]
        var problems: [ValidationProblem]
    }

    /// Each field's label, so that the summary names fields as the person sees them.
    static let labels = [
        "name": "Name", "frameworkID": "Framework", "scope": "Who is assessed", "sources": "Sources of ratings",
        "opensOn": "Opens on", "closesOn": "Closes on", "reminderDays": "Reminder days",
        "minimumPeers": "Minimum peers", "minimumCustomers": "Minimum customers",
        "minimumForComments": "Minimum responses before comments",
    ]

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let form = model.form
        let problem = { (field: String) in model.problems.message(for: field) }
        return Layout.page("New assessment cycle", context: context) {
            H1("New assessment cycle")
            ProblemList(problems: model.problems, labels: labels, heading: "The cycle was not created. Please fix:")
            Form(
                url: SitePath.cycles.url(), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(
                        label: "Name", name: "name", value: form.name, required: true, maxLength: TextLimits.name,
                        problem: problem("name"))
                    SelectField(
                        label: "Framework (published versions only)", name: "frameworkID",
                        choices: model.frameworks.map {
                            .init(value: $0.id.uuidString, label: "\($0.name), version \($0.version)")
                        }, selected: form.frameworkID, problem: problem("frameworkID"))
                    SelectField(
                        label: "Who is assessed", name: "scope",
                        choices: [.init(value: "all", label: "All account managers")]
                            + model.teams.map { .init(value: "team:\($0.0)", label: "Team: \($0.1)") }
                            + model.locations.map { .init(value: "location:\($0.0)", label: "Location: \($0.1)") },
                        selected: form.scope, problem: problem("scope"))
                    Tag("fieldset") {
                        Tag("legend") { Text("Sources of ratings") }
                        if let problem = problem("sources") {
                            Paragraph(FieldProblem.sentence(problem)).class("field-error")
                        }
                        for (name, label, value) in [
                            ("sourceSelf", "Self-assessment", form.sourceSelf),
                            ("sourceSupervisor", "Supervisor", form.sourceSupervisor),
                            ("sourcePeer", "Peers (nominated per account manager)", form.sourcePeer),
                            ("sourceCustomer", "Customers (the accounts' reviewers, anonymous)", form.sourceCustomer),
                        ] {
                            Tag("label") {
                                Input(type: .checkbox, name: name, value: "on")
                                    .attribute(named: "checked", value: value == "on" ? "checked" : nil)
                                Text(" \(label)")
                            }.class("check")
                        }
                    }
                    Div {
                        Field(
                            label: "Opens on", name: "opensOn", value: form.opensOn, type: .date, required: true,
                            problem: problem("opensOn"))
                        Field(
                            label: "Closes on", name: "closesOn", value: form.closesOn, type: .date, required: true,
                            problem: problem("closesOn"))
                    }.class("field-row")
                    Field(
                        label: "Reminder days before closing", name: "reminderDays", value: form.reminderDays,
                        hint: "Raters who have not submitted get a reminder on these days, e.g. 7, 3, 1.",
                        problem: problem("reminderDays"))
                    Tag("fieldset") {
                        Tag("legend") { Text("Anonymity") }
                        Paragraph(
                            "Peers' and customers' results are shown only when at least this many answered; smaller groups are combined or withheld. You can make these stricter after opening, never looser."
                        ).class("hint")
                        Field(
                            label: "Minimum peers", name: "minimumPeers", value: form.minimumPeers, type: .number,
                            required: true, problem: problem("minimumPeers"))
                        Field(
                            label: "Minimum customers", name: "minimumCustomers", value: form.minimumCustomers,
                            type: .number, required: true, problem: problem("minimumCustomers"))
                        Field(
                            label: "Minimum responses before comments are shown", name: "minimumForComments",
                            value: form.minimumForComments, type: .number, required: true,
                            problem: problem("minimumForComments"))
                    }
                    SubmitButton(title: "Create the cycle as a draft", style: "button primary")
                })
        }
    }
}
