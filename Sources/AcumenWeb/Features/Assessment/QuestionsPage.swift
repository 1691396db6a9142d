import AcumenCore
import Plot

enum QuestionsPage {
    static func render(cycle: AssessmentCycle, questionnaire: Questionnaire, context: PageContext) -> HTMLPage {
        Layout.page("Questionnaire: \(cycle.name)", context: context) {
            H1("Customer questionnaire")
            Paragraph {
                Text("\(questionnaire.questions.count) questions, about \(questionnaire.estimatedMinutes) minutes. ")
                Link("Back to \(cycle.name)", url: SitePath.cycle.url(cycle.id))
            }
            if cycle.status != .draft {
                Paragraph(
                    "The cycle is \(cycle.status.label.lowercased()): every customer answers the same questions, so they can no longer be changed."
                )
                .class("hint")
            }
            Tag("ol") {
                for question in questionnaire.questions {
                    ListItem {
                        if cycle.status == .draft {
                            Form(
                                url: SitePath.cycleQuestions.url(cycle.id), method: .post,
                                content: {
                                    CSRFField(token: context.csrf)
                                    Input(type: .hidden, name: "code", value: question.code)
                                    AreaField(
                                        label: "\(question.code) (\(question.competencyCode))", name: "text",
                                        value: question.text, rows: 2, required: true)
                                    SubmitButton(title: "Save \(question.code)", style: "button")
                                })
                        } else {
                            Paragraph("\(question.code) (\(question.competencyCode)): \(question.text)")
                        }
                    }.id("q-\(question.code)")
                }
            }
        }
    }
}
