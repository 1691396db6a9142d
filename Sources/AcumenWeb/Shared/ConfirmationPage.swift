import AcumenCore
import Plot

/// The page before a step that cannot be undone (opening a cycle, publishing a version): what
/// it will do, what looks incomplete, and one button to go ahead. Blockers, when there are any,
/// replace the button.
struct ConfirmationPage {
    var title: String
    var subject: (name: String, url: String)
    var effects: [String]
    var concerns: [String]
    var blockers: [String] = []
    var action: (title: String, url: String)
    var hiddenFields: [(name: String, value: String)] = []

    func render(context: PageContext) -> HTMLPage {
        let text = context.localizer
        return Layout.page("\(title): \(subject.name)", context: context) {
            Paragraph { Link(subject.name, url: subject.url) }
            H1(text.text(ConfirmationMessage.question, ["action": title]))
            H2(text.text(ConfirmationMessage.effects))
            List(effects) { ListItem($0) }
            if !blockers.isEmpty {
                Div {
                    H2(text.text(ConfirmationMessage.blocked))
                    List(blockers) { ListItem($0) }
                }.class("error").attribute(named: "role", value: "alert")
            }
            if concerns.isEmpty {
                Paragraph(text.text(ConfirmationMessage.nothingIncomplete))
            } else {
                Div {
                    H2(text.text(ConfirmationMessage.concerns))
                    List(concerns) { ListItem($0) }
                }.class("warning-panel")
            }
            Form(
                url: action.url, method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    for field in hiddenFields { Input(type: .hidden, name: field.name, value: field.value) }
                    if blockers.isEmpty { SubmitButton(title: action.title) }
                    Link(text.text(blockers.isEmpty ? ConfirmationMessage.notNow : .back), url: subject.url)
                        .class("button")
                })
        }
    }
}

enum ConfirmationMessage: String, MessageKey, CaseIterable {
    case question = "confirm.question"
    case effects = "confirm.effects"
    case blocked = "confirm.blocked"
    case nothingIncomplete = "confirm.nothingIncomplete"
    case concerns = "confirm.concerns"
    case notNow = "confirm.notNow"
    case back = "confirm.back"
}
