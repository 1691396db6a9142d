import AcumenCore
import Fluent
import Plot

enum LoginPage {
    static func render(
        context: PageContext, email: String, next: String?, error: String?
    ) -> HTMLPage {
        Layout.page("Sign in", context: context) {
            Div {
                H1("Sign in")
                if let error {
                    Paragraph { Text(error) }.class("error").attribute(named: "role", value: "alert")
                }
                Form(url: SitePath.login.url(), method: .post) {
                    CSRFField(token: context.csrf)
                    if let next { Input(type: .hidden, name: "next", value: next) }
                    Field(
                        label: "Email", name: "email", value: email, type: .email, required: true,
                        autocomplete: "email")
                    Field(
                        label: "Password", name: "password", type: .password, required: true,
                        autocomplete: "current-password")
                    Button { Text("Sign in") }.attribute(named: "type", value: "submit").class("button primary")
                }
            }.class("narrow")
        }
    }
}
