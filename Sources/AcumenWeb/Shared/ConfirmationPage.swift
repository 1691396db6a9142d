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
        Layout.page("\(title): \(subject.name)", context: context) {
            Paragraph { Link(subject.name, url: subject.url) }
            H1("\(title)?")
            H2("What will happen")
            List(effects) { ListItem($0) }
            if !blockers.isEmpty {
                Div {
                    H2("This cannot be done yet")
                    List(blockers) { ListItem($0) }
                }.class("error").attribute(named: "role", value: "alert")
            }
            if concerns.isEmpty {
                Paragraph("Nothing looks incomplete.")
            } else {
                Div {
                    H2("Before you go ahead")
                    List(concerns) { ListItem($0) }
                }.class("warning-panel")
            }
            Form(
                url: action.url, method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    for field in hiddenFields { Input(type: .hidden, name: field.name, value: field.value) }
                    if blockers.isEmpty { SubmitButton(title: action.title) }
                    Link(blockers.isEmpty ? "Not now" : "Back", url: subject.url).class("button")
                })
        }
    }
}
