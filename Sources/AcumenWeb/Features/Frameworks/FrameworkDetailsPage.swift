import AcumenCore
import Plot

enum FrameworkDetailsPage {
    static func render(
        summary: FrameworkSummary, content: FrameworkContent, problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(FrameworkFormMessage.editTitle, ["name": summary.name]), context: context) {
            H1(text.text(FrameworkFormMessage.editHeading))
            ProblemList(problems: problems, heading: text.text(FrameworkFormMessage.nothingSaved))
            Form(url: SitePath.frameworkEdit.url(summary.id), method: .post) {
                CSRFField(token: context.csrf)
                Field(
                    label: text.text(FrameworkFormMessage.name), name: "name", value: content.name, required: true,
                    maxLength: TextLimits.name)
                AreaField(
                    label: text.text(FrameworkFormMessage.description), name: "description",
                    value: content.description, rows: 4)
                Field(
                    label: text.text(FrameworkFormMessage.owner), name: "owner", value: content.owner,
                    hint: text.text(FrameworkFormMessage.ownerHint), maxLength: TextLimits.name)
                Button { Text(text.text(FrameworkFormMessage.save)) }.attribute(named: "type", value: "submit")
                    .class("button primary")
                Link(text.text(FrameworkFormMessage.cancel), url: SitePath.framework.url(summary.id)).class("button")
            }
        }
    }
}
