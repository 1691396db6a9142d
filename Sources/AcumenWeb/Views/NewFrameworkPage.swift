import AcumenCore
import AcumenStore
import Plot
import Vapor

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
