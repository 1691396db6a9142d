import AcumenCore
import Plot

/// One question of an attempt as the person answers it: its words and the options in the order
/// the paper shows them, with what was saved already. It reads nothing of which option is right
/// and no explanation: the page must not carry the answers before the attempt is submitted.
struct QuestionField: Component {
    var number: Int
    var question: BankQuestion
    var optionOrder: [String]
    var fields: [String: String]
    var text: Localizer

    private typealias Message = KnowledgeCheckMessage

    var body: Component {
        let options = optionOrder.compactMap { key in question.options.first { $0.key == key } }
        let name = AttemptForm.fieldName(question.id)
        return Tag("fieldset") {
            Tag("legend") { Text("\(text.integer(number)). \(question.prompt)") }
            switch question.kind {
            case .singleChoice, .trueFalse:
                Div {
                    for option in options {
                        Tag("label") {
                            Input(type: .radio, name: name, value: option.key)
                                .attribute(named: "checked", value: fields[name] == option.key ? "checked" : nil)
                            Text(" " + option.text)
                        }.class("choice")
                    }
                }.class("options")
            case .multipleChoice:
                Paragraph(text.text(Message.chooseAll)).class("hint")
                Div {
                    for option in options {
                        let field = AttemptForm.fieldName(question.id, option: option.key)
                        Tag("label") {
                            Input(type: .checkbox, name: field, value: "on")
                                .attribute(named: "checked", value: fields[field] == "on" ? "checked" : nil)
                            Text(" " + option.text)
                        }.class("choice")
                    }
                }.class("options")
            case .numeric:
                Tag("label") {
                    Text(text.text(Message.yourNumber) + " ")
                    Input(type: .text, name: name, value: fields[name] ?? "")
                        .attribute(named: "inputmode", value: "decimal")
                        .attribute(named: "autocomplete", value: "off")
                }
            case .ordering:
                Paragraph(text.text(Message.orderHint)).class("hint")
                Div {
                    for option in options {
                        SelectField(
                            label: option.text, name: AttemptForm.fieldName(question.id, option: option.key),
                            choices: [.init(value: "", label: "–")]
                                + (1...max(1, options.count)).map { .init(value: "\($0)", label: text.integer($0)) },
                            selected: fields[AttemptForm.fieldName(question.id, option: option.key)])
                    }
                }.class("options")
            case .scenario:
                Tag("label") {
                    Span(text.text(Message.yourAnswer)).class("hint")
                    TextArea(text: fields[name] ?? "", name: name, numberOfRows: 6)
                }
            }
        }.class("question")
    }
}
