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
        let text = context.localizer
        let heading =
            isNew
            ? text.text(FrameworkEditMessage.addCompetencyHeading)
            : text.text(
                FrameworkEditMessage.editCompetencyHeading, ["code": competency.code, "title": competency.title])
        return Layout.page(
            isNew ? heading : text.text(FrameworkFormMessage.editTitle, ["name": competency.code]), context: context
        ) {
            H1(heading)
            ProblemList(problems: problems, heading: text.text(FrameworkFormMessage.nothingSaved))
            Form(url: action, method: .post) {
                CSRFField(token: context.csrf)
                if isNew {
                    SelectField(
                        label: text.text(FrameworkEditMessage.category), name: "categoryID",
                        choices: content.categories.map { .init(value: $0.identifier.uuidString, label: $0.title) },
                        selected: categoryID?.uuidString)
                } else if let categoryID {
                    Input(type: .hidden, name: "categoryID", value: categoryID.uuidString)
                }
                Field(
                    label: text.text(FrameworkEditMessage.code), name: "code", value: competency.code, required: true,
                    hint: text.text(FrameworkEditMessage.competencyCodeHint), maxLength: TextLimits.code)
                Field(
                    label: text.text(FrameworkEditMessage.title), name: "title", value: competency.title,
                    required: true, maxLength: TextLimits.name)
                AreaField(
                    label: text.text(FrameworkEditMessage.description), name: "description",
                    value: competency.description, rows: 3)
                FieldSet {
                    Tag("legend") { Text(text.text(FrameworkEditMessage.behaviours)) }
                    for (position, name) in content.levels.names.enumerated() {
                        AreaField(
                            label: name, name: "behaviours[\(position)]",
                            value: competency.standard(at: position)?.behaviours.joined(separator: "\n") ?? "", rows: 4,
                            hint: text.text(FrameworkEditMessage.behavioursHint, ["level": name]))
                    }
                }
                if !competency.indicators.isEmpty {
                    Paragraph(
                        text.text(
                            FrameworkEditMessage.indicatorsKept, ["count": text.integer(competency.indicators.count)])
                    ).class("hint")
                }
                Button {
                    Text(text.text(isNew ? FrameworkEditMessage.addCompetencyButton : .saveCompetency))
                }.attribute(named: "type", value: "submit").class("button primary")
                Link(text.text(FrameworkFormMessage.cancel), url: SitePath.framework.url(summary.id)).class("button")
            }
        }
    }
}
