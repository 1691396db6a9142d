import AcumenCore
import Plot

enum ImportPage {
    static func render(context: PageContext, problems: [String], heading: String?)
        -> HTMLPage
    {
        Layout.page("Import", context: context) {
            H1("Import")
            if let heading {
                Div {
                    H2(heading)
                    List(problems)
                }.class("error").attribute(named: "role", value: "alert")
            }
            Paragraph(
                "Every import is all or nothing: a file with one bad row imports nothing, and every bad row is listed with its line number."
            )
            section(
                title: "People", action: SitePath.importPeople.url(), accept: ".csv,text/csv", context: context,
                help:
                    "CSV columns: name, email, job_title, hire_date (YYYY-MM-DD); optional organisation (blank for your own company), location (a city, or remote), country, team, supervisor_email, employment_status (active or left), end_date."
            )
            section(
                title: "Accounts", action: SitePath.importAccounts.url(), accept: ".csv,text/csv", context: context,
                help:
                    "CSV columns: account, customer, account_manager_email; optional team_member_emails and reviewer_emails, separated by semicolons. Import the people first."
            )
            section(
                title: "Competency framework", action: SitePath.importFramework.url(),
                accept: ".json,.csv,application/json,text/csv", context: context,
                help:
                    "A CASE 1.1 JSON package (CFPackage), or a competency framework exported from Moodle as CSV. It becomes a draft you can review and publish."
            )
        }
    }

    private static func section(title: String, action: String, accept: String, context: PageContext, help: String)
        -> Component
    {
        Tag("section") {
            H2(title)
            Paragraph(help).class("hint")
            Form(url: action, method: .post, contentType: .multipartData) {
                CSRFField(token: context.csrf)
                Label("File") {
                    Input(type: .file, name: "file", isRequired: true).attribute(named: "accept", value: accept)
                }.class("field")
                Button { Text("Import \(title.lowercased())") }.attribute(named: "type", value: "submit").class(
                    "button primary")
            }
        }.class("panel")
    }
}
