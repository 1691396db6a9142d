import AcumenCore
import Plot

enum CategoryFormPage {
    static func render(
        summary: FrameworkSummary, category: CategoryContent, problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
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
