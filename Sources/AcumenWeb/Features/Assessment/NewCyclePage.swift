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
    static func labels(_ text: Localizer) -> [String: String] {
        [
            "name": NewCycleMessage.name, "frameworkID": .framework, "scope": .scope, "sources": .sources,
            "opensOn": .opensOn, "closesOn": .closesOn, "reminderDays": .reminderDaysShort,
            "minimumPeers": .minimumPeers, "minimumCustomers": .minimumCustomers,
            "minimumForComments": .minimumForCommentsShort,
        ].mapValues { text.text($0) }
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let form = model.form
        let text = context.localizer
        let problem = { (field: String) in model.problems.message(for: field, in: text) }
        return Layout.page(text.text(NewCycleMessage.title), context: context) {
            H1(text.text(NewCycleMessage.title))
            ProblemList(
                problems: model.problems, labels: labels(text), heading: text.text(NewCycleMessage.notCreated),
                text: text)
            Form(
                url: SitePath.cycles.url(), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(
                        label: text.text(NewCycleMessage.name), name: "name", value: form.name, required: true,
                        maxLength: TextLimits.name, problem: problem("name"))
                    SelectField(
                        label: text.text(NewCycleMessage.frameworkPublished), name: "frameworkID",
                        choices: model.frameworks.map {
                            .init(
                                value: $0.id.uuidString,
                                label: text.text(
                                    FrameworkMessage.pageTitle, ["name": $0.name, "version": text.integer($0.version)]))
                        }, selected: form.frameworkID, problem: problem("frameworkID"))
                    SelectField(
                        label: text.text(NewCycleMessage.scope), name: "scope",
                        choices: [.init(value: "all", label: text.text(NewCycleMessage.everyone))]
                            + model.teams.map {
                                .init(value: "team:\($0.0)", label: text.text(NewCycleMessage.team, ["team": $0.1]))
                            }
                            + model.locations.map {
                                .init(
                                    value: "location:\($0.0)",
                                    label: text.text(NewCycleMessage.location, ["location": $0.1]))
                            },
                        selected: form.scope, problem: problem("scope"))
                    Tag("fieldset") {
                        Tag("legend") { Text(text.text(NewCycleMessage.sources)) }
                        if let problem = problem("sources") {
                            Paragraph(FieldProblem.sentence(problem)).class("field-error")
                        }
                        for (name, label, value) in [
                            ("sourceSelf", NewCycleMessage.sourceSelf, form.sourceSelf),
                            ("sourceSupervisor", .sourceSupervisor, form.sourceSupervisor),
                            ("sourcePeer", .sourcePeer, form.sourcePeer),
                            ("sourceCustomer", .sourceCustomer, form.sourceCustomer),
                        ] {
                            Tag("label") {
                                Input(type: .checkbox, name: name, value: "on")
                                    .attribute(named: "checked", value: value == "on" ? "checked" : nil)
                                Text(" " + text.text(label))
                            }.class("check")
                        }
                    }
                    Div {
                        Field(
                            label: text.text(NewCycleMessage.opensOn), name: "opensOn", value: form.opensOn,
                            type: .date, required: true, problem: problem("opensOn"))
                        Field(
                            label: text.text(NewCycleMessage.closesOn), name: "closesOn", value: form.closesOn,
                            type: .date, required: true, problem: problem("closesOn"))
                    }.class("field-row")
                    Field(
                        label: text.text(NewCycleMessage.reminderDays), name: "reminderDays", value: form.reminderDays,
                        hint: text.text(NewCycleMessage.reminderHint), problem: problem("reminderDays"))
                    Tag("fieldset") {
                        Tag("legend") { Text(text.text(NewCycleMessage.anonymity)) }
                        Paragraph(text.text(NewCycleMessage.anonymityHint)).class("hint")
                        Field(
                            label: text.text(NewCycleMessage.minimumPeers), name: "minimumPeers",
                            value: form.minimumPeers, type: .number, required: true, problem: problem("minimumPeers"))
                        Field(
                            label: text.text(NewCycleMessage.minimumCustomers), name: "minimumCustomers",
                            value: form.minimumCustomers, type: .number, required: true,
                            problem: problem("minimumCustomers"))
                        Field(
                            label: text.text(NewCycleMessage.minimumForComments), name: "minimumForComments",
                            value: form.minimumForComments, type: .number, required: true,
                            problem: problem("minimumForComments"))
                    }
                    SubmitButton(title: text.text(NewCycleMessage.create), style: "button primary")
                })
        }
    }
}

/// The words of the new-cycle form, which programme staff read (English for now).
enum NewCycleMessage: String, MessageKey, CaseIterable {
    case title = "newCycle.title"
    case notCreated = "newCycle.notCreated"
    case name = "newCycle.name"
    case framework = "newCycle.framework"
    case frameworkPublished = "newCycle.frameworkPublished"
    case scope = "newCycle.scope"
    case everyone = "newCycle.everyone"
    case team = "newCycle.team"
    case location = "newCycle.location"
    case sources = "newCycle.sources"
    case sourceSelf = "newCycle.source.self"
    case sourceSupervisor = "newCycle.source.supervisor"
    case sourcePeer = "newCycle.source.peer"
    case sourceCustomer = "newCycle.source.customer"
    case opensOn = "newCycle.opensOn"
    case closesOn = "newCycle.closesOn"
    case reminderDays = "newCycle.reminderDays"
    case reminderDaysShort = "newCycle.reminderDaysShort"
    case reminderHint = "newCycle.reminderHint"
    case anonymity = "newCycle.anonymity"
    case anonymityHint = "newCycle.anonymityHint"
    case minimumPeers = "newCycle.minimumPeers"
    case minimumCustomers = "newCycle.minimumCustomers"
    case minimumForComments = "newCycle.minimumForComments"
    case minimumForCommentsShort = "newCycle.minimumForCommentsShort"
    case create = "newCycle.create"
}
