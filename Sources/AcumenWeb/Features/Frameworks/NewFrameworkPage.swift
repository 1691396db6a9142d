import AcumenCore
import Plot

enum NewFrameworkPage {
    static func render(
        form: FrameworksController.NewFrameworkForm?, problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        Layout.page("New framework", context: context) {
            H1("New competency framework")
            ProblemList(problems: problems)
            Form(url: SitePath.frameworks.url(), method: .post) {
                CSRFField(token: context.csrf)
                Field(label: "Name", name: "name", value: form?.name ?? "", required: true, maxLength: TextLimits.name)
                AreaField(label: "Description", name: "description", value: form?.description ?? "", rows: 3)
                Field(
                    label: "Owner", name: "owner", value: form?.owner ?? "",
                    hint: "The person or team accountable for the model", maxLength: TextLimits.name)
                SelectField(
                    label: "Start from", name: "startFrom",
                    choices: [.init(value: "", label: "An empty framework")]
                        + BuiltInFrameworks.frameworks.map { .init(value: $0.name, label: "A copy of \($0.name)") },
                    selected: form?.startFrom ?? "")
                Field(
                    label: "Levels, lowest first", name: "levels", value: form?.levels ?? "Baseline, Advanced, Expert",
                    hint: "Separated by commas. Used for an empty framework; copies keep their levels.")
                Button { Text("Create draft") }.attribute(named: "type", value: "submit").class("button primary")
                Link("Cancel", url: SitePath.frameworks.url()).class("button")
            }
        }
    }

}
