import AcumenCore
import Foundation
import Plot

/// A cycle's customer questionnaire: its wording, editable while the cycle is a draft, and its
/// translations, one language at a time, each question beside its original.
enum QuestionsPage {
    static func render(
        cycle: AssessmentCycle, questionnaire: Questionnaire, language: Language?, context: PageContext
    ) -> HTMLPage {
        let original = questionnaire.language
        let translating = language.flatMap { $0 == original.readerLanguage ? nil : $0 }
        return Layout.page("Questionnaire: \(cycle.name)", context: context) {
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
            languages(cycle: cycle, questionnaire: questionnaire, shown: translating)
            Tag("ol") {
                for question in questionnaire.questions {
                    ListItem {
                        if let translating {
                            translation(
                                question, into: translating, cycle: cycle, questionnaire: questionnaire,
                                context: context)
                        } else if cycle.status == .draft {
                            Form(
                                url: SitePath.cycleQuestions.url(cycle.id), method: .post,
                                content: {
                                    CSRFField(token: context.csrf)
                                    Input(type: .hidden, name: "code", value: question.code)
                                    AreaField(
                                        label: "\(question.code) (\(question.competencyCode))", name: "text",
                                        value: question.text, rows: 2,
                                        hint: question.translations.isEmpty
                                            ? nil
                                            : "Changing the wording drops its translations, which said the old words.",
                                        required: true)
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

    /// Links to the original wording and to each language, with how much of each is translated.
    private static func languages(cycle: AssessmentCycle, questionnaire: Questionnaire, shown: Language?) -> Component {
        let english = Localizer(.english)
        return Tag("nav") {
            Text("Wording: ")
            Link(
                "\(english.name(of: questionnaire.language)) (original)", url: SitePath.cycleQuestions.url(cycle.id)
            ).attribute(named: "aria-current", value: shown == nil ? "page" : nil)
            for language in Language.allCases where language != questionnaire.language.readerLanguage {
                let done = questionnaire.questions.filter { $0.translations[language] != nil }.count
                Text(" · ")
                Link(
                    "\(language.englishName) (\(done) of \(questionnaire.questions.count))",
                    url: address(cycle, language)
                ).attribute(named: "aria-current", value: shown == language ? "page" : nil)
            }
        }.attribute(named: "aria-label", value: "Languages of the questionnaire").class("form-sections")
    }

    static func address(_ cycle: AssessmentCycle, _ language: Language) -> String {
        var components = URLComponents()
        components.path = SitePath.cycleQuestions.url(cycle.id)
        components.queryItems = [URLQueryItem(name: "language", value: language.tag)]
        return components.string ?? SitePath.cycleQuestions.url(cycle.id)
    }

    private static func translation(
        _ question: Questionnaire.Question, into language: Language, cycle: AssessmentCycle,
        questionnaire: Questionnaire, context: PageContext
    ) -> Component {
        let translated = question.translations[language] ?? ""
        return Div {
            Paragraph {
                Span("\(question.code), original: ").class("hint")
                Span(question.text).attribute(named: "lang", value: questionnaire.language.tag)
            }
            if cycle.status == .draft {
                Form(
                    url: SitePath.cycleQuestions.url(cycle.id), method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        Input(type: .hidden, name: "code", value: question.code)
                        Input(type: .hidden, name: "language", value: language.tag)
                        AreaField(
                            label: "\(question.code) in \(language.englishName)", name: "text", value: translated,
                            rows: 2, hint: "Leave empty to show the original to \(language.englishName) readers.",
                            valueLanguage: language.tag)
                        SubmitButton(title: "Save \(question.code) in \(language.englishName)", style: "button")
                    })
            } else {
                Paragraph(translated.isEmpty ? "Not translated." : translated)
                    .attribute(named: "lang", value: translated.isEmpty ? nil : language.tag)
            }
        }
    }
}
