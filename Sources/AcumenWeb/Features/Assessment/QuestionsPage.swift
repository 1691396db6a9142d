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
        let text = context.localizer
        return Layout.page(text.text(QuestionsMessage.pageTitle, ["cycle": cycle.name]), context: context) {
            H1(text.text(QuestionsMessage.title))
            Paragraph {
                Text(
                    text.text(
                        QuestionsMessage.size, count: questionnaire.questions.count,
                        ["minutes": text.integer(questionnaire.estimatedMinutes)]) + " ")
                Link(text.text(PreviewMessage.back, ["cycle": cycle.name]), url: SitePath.cycle.url(cycle.id))
            }
            if cycle.status != .draft {
                Paragraph(text.text(QuestionsMessage.fixed, ["status": text.text(StatusMessage(cycle.status))]))
                    .class("hint")
            }
            languages(cycle: cycle, questionnaire: questionnaire, shown: translating, text: text)
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
                                            ? nil : text.text(QuestionsMessage.rewordingDrops),
                                        required: true)
                                    SubmitButton(
                                        title: text.text(QuestionsMessage.save, ["code": question.code]),
                                        style: "button")
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
    private static func languages(
        cycle: AssessmentCycle, questionnaire: Questionnaire, shown: Language?, text: Localizer
    ) -> Component {
        Tag("nav") {
            Text(text.text(QuestionsMessage.wording) + " ")
            Link(
                text.text(QuestionsMessage.original, ["language": text.name(of: questionnaire.language)]),
                url: SitePath.cycleQuestions.url(cycle.id)
            ).attribute(named: "aria-current", value: shown == nil ? "page" : nil)
            for language in Language.allCases where language != questionnaire.language.readerLanguage {
                let done = questionnaire.questions.filter { $0.translations[language] != nil }.count
                Text(" · ")
                Link(
                    text.text(
                        QuestionsMessage.languageProgress,
                        [
                            "language": text.name(of: ContentLanguage(language)), "done": text.integer(done),
                            "total": text.integer(questionnaire.questions.count),
                        ]),
                    url: address(cycle, language)
                ).attribute(named: "aria-current", value: shown == language ? "page" : nil)
            }
        }.attribute(named: "aria-label", value: text.text(QuestionsMessage.languages)).class("form-sections")
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
        let text = context.localizer
        let name = text.name(of: ContentLanguage(language))
        return Div {
            Paragraph {
                Span(text.text(QuestionsMessage.originalOf, ["code": question.code]) + " ").class("hint")
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
                            label: text.text(QuestionsMessage.inLanguage, ["code": question.code, "language": name]),
                            name: "text", value: translated, rows: 2,
                            hint: text.text(QuestionsMessage.leaveEmpty, ["language": name]),
                            valueLanguage: language.tag)
                        SubmitButton(
                            title: text.text(QuestionsMessage.saveIn, ["code": question.code, "language": name]),
                            style: "button")
                    })
            } else {
                Paragraph(translated.isEmpty ? text.text(QuestionsMessage.notTranslated) : translated)
                    .attribute(named: "lang", value: translated.isEmpty ? nil : language.tag)
            }
        }
    }
}

/// The words of a cycle's questionnaire page, which programme staff read (English for now).
enum QuestionsMessage: String, MessageKey, CaseIterable {
    case pageTitle = "questions.pageTitle"
    case title = "questions.title"
    case size = "questions.size"
    case fixed = "questions.fixed"
    case rewordingDrops = "questions.rewordingDrops"
    case save = "questions.save"
    case wording = "questions.wording"
    case original = "questions.original"
    case languageProgress = "questions.languageProgress"
    case languages = "questions.languages"
    case originalOf = "questions.originalOf"
    case inLanguage = "questions.inLanguage"
    case leaveEmpty = "questions.leaveEmpty"
    case saveIn = "questions.saveIn"
    case notTranslated = "questions.notTranslated"
}
