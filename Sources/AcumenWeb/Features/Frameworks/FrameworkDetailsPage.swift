import AcumenCore
import Plot

enum FrameworkDetailsPage {
    static func render(
        summary: FrameworkSummary, content: FrameworkContent, problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        Layout.page("Edit \(summary.name)", context: context) {
            H1("Edit framework details")
            ProblemList(problems: problems)
            Form(url: SitePath.frameworkEdit.url(summary.id), method: .post) {
                CSRFField(token: context.csrf)
                Field(label: "Name", name: "name", value: content.name, required: true, maxLength: TextLimits.name)
                AreaField(label: "Description", name: "description", value: content.description, rows: 4)
                Field(
                    label: "Owner", name: "owner", value: content.owner,
                    hint: "The person or team accountable for the model", maxLength: TextLimits.name)
                Button { Text("Save details") }.attribute(named: "type", value: "submit").class("button primary")
                Link("Cancel", url: SitePath.framework.url(summary.id)).class("button")
            }
        }
    }
}
