import AcumenCore
import Foundation
import Plot

/// Running a verbal assessment: the assessor chooses whom they assess, asks the script's
/// questions, chooses for each answer the step of its rubric it reached, ticks on the level
/// standards the behaviours the person showed, and adds notes. The result is evidence like an
/// observation, and passing completes the check on the person's roadmap.
enum VerbalAssessmentPage {
    private typealias Message = KnowledgeCheckMessage

    static func render(
        _ check: KnowledgeCheck, script: [BankQuestion], people: [PersonSummary], framework: FrameworkContent,
        fields: [String: String], problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = text.text(Message.verbalTitle, ["title": check.title])
        return Layout.page(title, context: context) {
            Paragraph { Link(check.title, url: SitePath.check.url(check.id)) }
            H1(title)
            Paragraph(text.text(Message.verbalIntro, ["mark": text.percent(check.passMark)])).class("hint")
            ProblemList(
                problems: problems,
                labels: [
                    "person": text.text(Message.assessedPerson), "heldOn": text.text(Message.heldOn),
                    "observed": text.text(Message.levelStandards), "steps": text.text(Message.script),
                ], heading: text.text(Message.notRecorded), text: text)
            Form(
                url: SitePath.checkVerbal.url(check.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Div {
                        SelectField(
                            label: text.text(Message.assessedPerson), name: "person",
                            choices: [.init(value: "", label: text.text(Message.choosePerson))]
                                + people.map { .init(value: $0.id.uuidString.lowercased(), label: $0.name) },
                            selected: fields["person"]?.lowercased())
                        Field(
                            label: text.text(Message.heldOn), name: "heldOn", value: fields["heldOn"] ?? "",
                            type: .date, required: true)
                    }.class("field-row")
                    H2(text.text(Message.script))
                    for (position, question) in script.enumerated() {
                        let id = question.id.uuidString.lowercased()
                        Tag("fieldset") {
                            Tag("legend") { Text("\(text.integer(position + 1)). \(question.prompt)") }
                            for (step, description) in question.rubric.enumerated() {
                                Tag("label") {
                                    Input(type: .radio, name: "step.\(id)", value: "\(step)")
                                        .attribute(
                                            named: "checked", value: fields["step.\(id)"] == "\(step)" ? "checked" : nil
                                        )
                                    Text(" \(text.integer(step + 1)). \(description.description)")
                                }.class("choice")
                            }
                        }.class("question")
                        AreaField(
                            label: text.text(Message.answerNotes), name: AttemptForm.fieldName(question.id),
                            value: fields[AttemptForm.fieldName(question.id)] ?? "", rows: 2)
                    }
                    H2(text.text(Message.levelStandards))
                    Paragraph(text.text(Message.levelStandardsHint)).class("hint")
                    BehaviourGrid(framework: framework, fields: fields, showsCategories: false, text: text)
                    AreaField(
                        label: text.text(Message.overallNotes), name: "notes", value: fields["notes"] ?? "", rows: 3)
                    SubmitButton(title: text.text(Message.recordVerbal))
                })
        }
    }
}
