import AcumenCore
import Fluent
import Plot

/// Signing in, in the language the visitor's browser asks for: nobody is known yet.
enum LoginPage {
    static func render(
        context: PageContext, email: String, next: String?, error: String?
    ) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(LoginMessage.title), context: context) {
            Div {
                H1(text.text(LoginMessage.title))
                if let error {
                    Paragraph { Text(error) }.class("error").attribute(named: "role", value: "alert")
                }
                Form(url: SitePath.login.url(), method: .post) {
                    CSRFField(token: context.csrf)
                    if let next { Input(type: .hidden, name: "next", value: next) }
                    Field(
                        label: text.text(LoginMessage.email), name: "email", value: email, type: .email,
                        required: true, autocomplete: "email")
                    Field(
                        label: text.text(LoginMessage.password), name: "password", type: .password, required: true,
                        autocomplete: "current-password")
                    Button { Text(text.text(LoginMessage.signIn)) }.attribute(named: "type", value: "submit")
                        .class("button primary")
                }
                Paragraph { Link(text.text(PasswordResetMessage.forgot), url: SitePath.passwordForgot.url()) }
            }.class("narrow")
        }
    }
}

/// The words of the sign-in page and its refusals.
enum LoginMessage: String, MessageKey, CaseIterable {
    case title = "login.title"
    case email = "login.email"
    case password = "login.password"
    case signIn = "login.signIn"
    case mismatch = "login.mismatch"
    case throttled = "login.throttled"
}
