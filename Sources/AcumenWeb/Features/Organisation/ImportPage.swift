import AcumenCore
import Plot

enum ImportPage {
    static func render(context: PageContext, problems: [String], heading: String?, address: String = "")
        -> HTMLPage
    {
        let text = context.localizer
        return Layout.page(text.text(ImportMessage.title), context: context) {
            H1(text.text(ImportMessage.title))
            if let heading {
                // Each problem names its line and column, as the importer found it.
                Div {
                    H2(heading)
                    List(problems)
                }.class("error").attribute(named: "role", value: "alert")
            }
            Paragraph(text.text(ImportMessage.allOrNothing))
            section(
                ImportMessage.people, button: .importPeople, help: .peopleHelp, action: SitePath.importPeople.url(),
                accept: ".csv,text/csv", context: context)
            section(
                ImportMessage.accounts, button: .importAccounts, help: .accountsHelp,
                action: SitePath.importAccounts.url(), accept: ".csv,text/csv", context: context)
            section(
                ImportMessage.framework, button: .importFramework, help: .frameworkHelp,
                action: SitePath.importFramework.url(), accept: ".json,.csv,application/json,text/csv", context: context
            )
            fetchSection(address: address, context: context)
        }
    }

    /// A package fetched from another CASE provider by its address.
    private static func fetchSection(address: String, context: PageContext) -> Component {
        let text = context.localizer
        return Tag("section") {
            H2(text.text(ImportMessage.fetchFramework))
            Form(url: SitePath.importFrameworkAddress.url(), method: .post) {
                CSRFField(token: context.csrf)
                Field(
                    label: text.text(ImportMessage.address), name: "url", value: address, type: .url, required: true,
                    hint: text.text(ImportMessage.fetchHelp), maxLength: 2_000)
                Button { Text(text.text(ImportMessage.fetch)) }.attribute(named: "type", value: "submit")
                    .class("button primary")
            }
        }.class("panel")
    }

    private static func section(
        _ title: ImportMessage, button: ImportMessage, help: ImportMessage, action: String, accept: String,
        context: PageContext
    ) -> Component {
        let text = context.localizer
        return Tag("section") {
            H2(text.text(title))
            Paragraph(text.text(help)).class("hint")
            Form(url: action, method: .post, contentType: .multipartData) {
                CSRFField(token: context.csrf)
                Label(text.text(ImportMessage.file)) {
                    Input(type: .file, name: "file", isRequired: true).attribute(named: "accept", value: accept)
                }.class("field")
                Button { Text(text.text(button)) }.attribute(named: "type", value: "submit").class("button primary")
            }
        }.class("panel")
    }
}

/// The words of the import page (programme staff, English for now). Column names stay as
/// the files must spell them.
enum ImportMessage: String, MessageKey, CaseIterable {
    case title = "import.title"
    case allOrNothing = "import.allOrNothing"
    case people = "import.people"
    case accounts = "import.accounts"
    case framework = "import.framework"
    case peopleHelp = "import.peopleHelp"
    case accountsHelp = "import.accountsHelp"
    case frameworkHelp = "import.frameworkHelp"
    case importPeople = "import.importPeople"
    case importAccounts = "import.importAccounts"
    case importFramework = "import.importFramework"
    case fetchFramework = "import.fetchFramework"
    case fetchHelp = "import.fetchHelp"
    case address = "import.address"
    case fetch = "import.fetch"
    case file = "import.file"
    case importedFramework = "import.importedFramework"
    case importedFrameworkNext = "import.importedFrameworkNext"
    case nothingImported = "import.nothingImported"
}
