import AcumenCore
import Foundation
import Plot

enum CompetencyFormPage {
    static func render(
        summary: FrameworkSummary, content: FrameworkContent, competency: CompetencyContent, categoryID: UUID?,
        isNew: Bool, problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        let action =
            isNew
            ? SitePath.frameworkCompetencies.url(summary.id)
            : SitePath.frameworkCompetencyEdit.url(summary.id, competency.identifier)
        return Layout.page(isNew ? "Add a competency" : "Edit \(competency.code)", context: context) {
            H1(isNew ? "Add a competency" : "Edit \(competency.code) \(competency.title)")
            ProblemList(problems: problems)
            Form(url: action, method: .post) {
                CSRFField(token: context.csrf)
                if isNew {
                    SelectField(
                        label: "Category", name: "categoryID",
                        choices: content.categories.map { .init(value: $0.identifier.uuidString, label: $0.title) },
                        selected: categoryID?.uuidString)
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
                Link("Cancel", url: SitePath.framework.url(summary.id)).class("button")
            }
        }
    }
}
