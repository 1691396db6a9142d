import AcumenCore
import Plot

enum CategoryFormPage {
    static func render(
        summary: FrameworkSummary, category: CategoryContent, problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        return Layout.page("Edit \(category.title)", context: context) {
            H1("Edit category \(category.title)")
            ProblemList(problems: problems)
            Form(url: SitePath.frameworkCategoryEdit.url(summary.id, category.identifier), method: .post) {
                CSRFField(token: context.csrf)
                Field(label: "Code", name: "code", value: category.code, required: true, maxLength: TextLimits.code)
                Field(label: "Title", name: "title", value: category.title, required: true, maxLength: TextLimits.name)
                AreaField(label: "Description", name: "description", value: category.description, rows: 3)
                Button { Text("Save category") }.attribute(named: "type", value: "submit").class("button primary")
                Link("Cancel", url: SitePath.framework.url(summary.id)).class("button")
            }
            H2("Remove this category")
            Paragraph(
                "Removing it also removes its \(category.competencies.count) competencies from this draft. Published versions keep theirs."
            )
            ActionButton(
                title: "Remove category \(category.title)",
                url: SitePath.frameworkCategoryArchive.url(summary.id, category.identifier), csrf: context.csrf)
        }
    }
}
