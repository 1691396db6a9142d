import AcumenCore
import Plot

enum CategoryFormPage {
    static func render(
        summary: FrameworkSummary, category: CategoryContent, problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = ["category": category.title]
        return Layout.page(text.text(FrameworkFormMessage.editTitle, ["name": category.title]), context: context) {
            H1(text.text(FrameworkEditMessage.editCategory, title))
            ProblemList(problems: problems, heading: text.text(FrameworkFormMessage.nothingSaved))
            Form(url: SitePath.frameworkCategoryEdit.url(summary.id, category.identifier), method: .post) {
                CSRFField(token: context.csrf)
                Field(
                    label: text.text(FrameworkEditMessage.code), name: "code", value: category.code, required: true,
                    maxLength: TextLimits.code)
                Field(
                    label: text.text(FrameworkEditMessage.title), name: "title", value: category.title,
                    required: true, maxLength: TextLimits.name)
                AreaField(
                    label: text.text(FrameworkEditMessage.description), name: "description",
                    value: category.description, rows: 3)
                Button { Text(text.text(FrameworkEditMessage.saveCategory)) }.attribute(named: "type", value: "submit")
                    .class("button primary")
                Link(text.text(FrameworkFormMessage.cancel), url: SitePath.framework.url(summary.id)).class("button")
            }
            H2(text.text(FrameworkEditMessage.removeCategoryHeading))
            Paragraph(text.text(FrameworkEditMessage.removeCategoryHint, count: category.competencies.count))
            ActionButton(
                title: text.text(FrameworkEditMessage.removeCategory, title),
                url: SitePath.frameworkCategoryArchive.url(summary.id, category.identifier), csrf: context.csrf)
        }
    }
}
