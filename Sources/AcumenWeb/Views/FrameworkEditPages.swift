import AcumenCore
import AcumenStore
import Plot
import Vapor

/// Lists what is wrong with a form, at the top, announced to screen readers.
struct ProblemList: Component {
    let problems: [ValidationProblem]

    var body: Component {
        Div {
            if !problems.isEmpty {
                H2("Nothing was saved. Please fix:")
                List(problems.map(\.description))
            }
        }.class(problems.isEmpty ? "" : "error").attribute(named: "role", value: problems.isEmpty ? nil : "alert")
    }
}

enum FrameworkDetailsPage {
    static func render(
        summary: FrameworkSummary, content: FrameworkContent, problems: [ValidationProblem], context: PageContext
    ) -> Response {
        Layout.page("Edit \(summary.name)", context: context) {
            H1("Edit framework details")
            ProblemList(problems: problems)
            Form(url: "/frameworks/\(summary.id)/edit", method: .post) {
                CSRFField(token: context.csrf)
                Field(label: "Name", name: "name", value: content.name, required: true, maxLength: TextLimits.name)
                AreaField(label: "Description", name: "description", value: content.description, rows: 4)
                Field(
                    label: "Owner", name: "owner", value: content.owner,
                    hint: "The person or team accountable for the model", maxLength: TextLimits.name)
                Button { Text("Save details") }.attribute(named: "type", value: "submit").class("button primary")
                Link("Cancel", url: "/frameworks/\(summary.id)").class("button")
            }
        }
    }
}

enum CompetencyFormPage {
    static func render(
        summary: FrameworkSummary, content: FrameworkContent, competency: CompetencyContent, categoryID: UUID?,
        isNew: Bool, problems: [ValidationProblem], context: PageContext
    ) -> Response {
        let action =
            isNew
            ? "/frameworks/\(summary.id)/competencies"
            : "/frameworks/\(summary.id)/competencies/\(competency.identifier)/edit"
        return Layout.page(isNew ? "Add a competency" : "Edit \(competency.code)", context: context) {
            H1(isNew ? "Add a competency" : "Edit \(competency.code) \(competency.title)")
            ProblemList(problems: problems)
            Form(url: action, method: .post) {
                CSRFField(token: context.csrf)
                if isNew {
                    Label("Category") {
                        Node<HTML.BodyContext>.element(
                            named: "select",
                            nodes: [.attribute(named: "name", value: "categoryID")]
                                + content.categories.map { category in
                                    Node<HTML.BodyContext>.element(
                                        named: "option",
                                        nodes: [
                                            .attribute(named: "value", value: category.identifier.uuidString),
                                            category.identifier == categoryID
                                                ? .attribute(named: "selected", value: "selected") : .empty,
                                            .text(category.title),
                                        ])
                                })
                    }.class("field")
                } else if let categoryID {
                    Input(type: .hidden, name: "categoryID", value: categoryID.uuidString)
                }
                Field(
                    label: "Code", name: "code", value: competency.code, required: true,
                    hint: "Unique in the framework, e.g. OM.8", maxLength: TextLimits.code)
                Field(
                    label: "Title", name: "title", value: competency.title, required: true, maxLength: TextLimits.name)
                AreaField(label: "Description", name: "description", value: competency.description, rows: 3)
                FieldSet {
                    Tag("legend") { Text("Observable behaviours, one per line") }
                    for (position, name) in content.levels.names.enumerated() {
                        AreaField(
                            label: name, name: "behaviours[\(position)]",
                            value: competency.standard(at: position)?.behaviours.joined(separator: "\n") ?? "", rows: 4,
                            hint: "What someone at \(name) visibly does")
                    }
                }
                Button { Text(isNew ? "Add competency" : "Save competency") }.attribute(named: "type", value: "submit")
                    .class("button primary")
                Link("Cancel", url: "/frameworks/\(summary.id)").class("button")
            }
        }
    }
}

enum NewFrameworkPage {
    static func render(
        form: FrameworksController.NewFrameworkForm?, problems: [ValidationProblem], context: PageContext
    ) -> Response {
        Layout.page("New framework", context: context) {
            H1("New competency framework")
            ProblemList(problems: problems)
            Form(url: "/frameworks", method: .post) {
                CSRFField(token: context.csrf)
                Field(label: "Name", name: "name", value: form?.name ?? "", required: true, maxLength: TextLimits.name)
                AreaField(label: "Description", name: "description", value: form?.description ?? "", rows: 3)
                Field(
                    label: "Owner", name: "owner", value: form?.owner ?? "",
                    hint: "The person or team accountable for the model", maxLength: TextLimits.name)
                Label("Start from") {
                    Node<HTML.BodyContext>.element(
                        named: "select",
                        nodes: [
                            .attribute(named: "name", value: "startFrom"),
                            option("", "An empty framework", form?.startFrom),
                        ]
                            + BuiltInLibrary.frameworks.map { option($0.name, "A copy of \($0.name)", form?.startFrom) }
                    )
                }.class("field")
                Field(
                    label: "Levels, lowest first", name: "levels", value: form?.levels ?? "Baseline, Advanced, Expert",
                    hint: "Separated by commas. Used for an empty framework; copies keep their levels.")
                Button { Text("Create draft") }.attribute(named: "type", value: "submit").class("button primary")
                Link("Cancel", url: "/frameworks").class("button")
            }
        }
    }

    private static func option(_ value: String, _ label: String, _ selected: String?) -> Node<HTML.BodyContext> {
        .element(
            named: "option",
            nodes: [
                .attribute(named: "value", value: value),
                value == (selected ?? "") ? .attribute(named: "selected", value: "selected") : .empty,
                .text(label),
            ])
    }
}

enum CategoryFormPage {
    static func render(
        summary: FrameworkSummary, category: CategoryContent, problems: [ValidationProblem], context: PageContext
    ) -> Response {
        let base = "/frameworks/\(summary.id)/categories/\(category.identifier)"
        return Layout.page("Edit \(category.title)", context: context) {
            H1("Edit category \(category.title)")
            ProblemList(problems: problems)
            Form(url: "\(base)/edit", method: .post) {
                CSRFField(token: context.csrf)
                Field(label: "Code", name: "code", value: category.code, required: true, maxLength: TextLimits.code)
                Field(label: "Title", name: "title", value: category.title, required: true, maxLength: TextLimits.name)
                AreaField(label: "Description", name: "description", value: category.description, rows: 3)
                Button { Text("Save category") }.attribute(named: "type", value: "submit").class("button primary")
                Link("Cancel", url: "/frameworks/\(summary.id)").class("button")
            }
            H2("Remove this category")
            Paragraph(
                "Removing it also removes its \(category.competencies.count) competencies from this draft. Published versions keep theirs."
            )
            ActionButton(title: "Remove category \(category.title)", url: "\(base)/archive", csrf: context.csrf)
        }
    }
}
