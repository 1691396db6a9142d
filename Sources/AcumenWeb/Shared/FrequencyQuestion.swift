import AcumenCore
import Plot

/// One questionnaire question answered on the Never-to-Always scale: its number and words (in
/// the reader's language, or marked as written in its own), then one radio button per answer.
/// The customer's form and the vendor scorecard's questionnaire ask the same way.
struct FrequencyQuestion: Component {
    var number: Int
    var question: Questionnaire.Question
    /// The language the questionnaire was written in.
    var original: ContentLanguage
    /// The form field the answer goes in.
    var name: String
    /// The answer already chosen (a draft, or a refused form coming back).
    var chosen: String?
    var text: Localizer

    var body: Component {
        Tag("fieldset") {
            Tag("legend") {
                let shown = question.text(in: text.language, original: original)
                Text("\(text.integer(number)). ")
                Span(shown.text).written(in: shown.language, on: text)
            }
            Div {
                for answer in FrequencyAnswer.allCases {
                    Tag("label") {
                        Input(type: .radio, name: name, value: answer.rawValue)
                            .attribute(named: "checked", value: chosen == answer.rawValue ? "checked" : nil)
                        Text(" " + answer.label(in: text))
                    }.class("choice")
                }
            }.class("scale")
        }
    }
}
