import AcumenCore
import Foundation
import Plot

enum NewCyclePage {
    struct Model {
        var form: NewCycleForm
        var frameworks: [FrameworkSummary]
        var teams: [(UUID, String)]
        var locations: [(UUID, String)]
        var problems: [String]
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let form = model.form
        return Layout.page("New assessment cycle", context: context) {
            H1("New assessment cycle")
            if !model.problems.isEmpty {
                Div {
                    H2("The cycle was not created. Please fix:")
                    List(model.problems.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." })
                }.class("error").attribute(named: "role", value: "alert")
            }
            Form(
                url: SitePath.cycles.url(), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(label: "Name", name: "name", value: form.name, required: true, maxLength: TextLimits.name)
                    SelectField(
                        label: "Framework (published versions only)", name: "frameworkID",
                        choices: model.frameworks.map {
                            .init(value: $0.id.uuidString, label: "\($0.name), version \($0.version)")
                        }, selected: form.frameworkID)
                    SelectField(
                        label: "Who is assessed", name: "scope",
                        choices: [.init(value: "all", label: "All account managers")]
                            + model.teams.map { .init(value: "team:\($0.0)", label: "Team: \($0.1)") }
                            + model.locations.map { .init(value: "location:\($0.0)", label: "Location: \($0.1)") },
                        selected: form.scope)
                    Tag("fieldset") {
                        Tag("legend") { Text("Sources of ratings") }
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
                        Field(label: "Opens on", name: "opensOn", value: form.opensOn, type: .date, required: true)
                        Field(label: "Closes on", name: "closesOn", value: form.closesOn, type: .date, required: true)
                    }.class("field-row")
                    Field(
                        label: "Reminder days before closing", name: "reminderDays", value: form.reminderDays,
                        hint: "Raters who have not submitted get a reminder on these days, e.g. 7, 3, 1.")
                    Tag("fieldset") {
                        Tag("legend") { Text("Anonymity") }
                        Paragraph(
                            "Peers' and customers' results are shown only when at least this many answered; smaller groups are combined or withheld. You can make these stricter after opening, never looser."
                        ).class("hint")
                        Field(
                            label: "Minimum peers", name: "minimumPeers", value: form.minimumPeers, type: .number,
                            required: true)
                        Field(
                            label: "Minimum customers", name: "minimumCustomers", value: form.minimumCustomers,
                            type: .number, required: true)
                        Field(
                            label: "Minimum responses before comments are shown", name: "minimumForComments",
                            value: form.minimumForComments, type: .number, required: true)
                    }
                    SubmitButton(title: "Create the cycle as a draft", style: "button primary")
                })
        }
    }
}
