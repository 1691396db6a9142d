import AcumenCore
import Plot

/// The pages of a password reset: asking for a link, the answer, setting the new password, and
/// a link that no longer works.
enum PasswordResetPage {
    enum RequestProblem {
        case emailNeeded, throttled
    }

    static func request(email: String, problem: RequestProblem?, context: PageContext) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(PasswordResetMessage.requestTitle), context: context) {
            Div {
                H1(text.text(PasswordResetMessage.requestTitle))
                Paragraph(text.text(PasswordResetMessage.requestExplain))
                if problem == .throttled {
                    Paragraph { Text(text.text(PasswordResetMessage.throttled)) }.class("error")
                        .attribute(named: "role", value: "alert")
                }
                Form(url: SitePath.passwordForgot.url(), method: .post) {
                    CSRFField(token: context.csrf)
                    Field(
                        label: text.text(LoginMessage.email), name: "email", value: email, type: .email,
                        required: true, autocomplete: "email",
                        problem: problem == .emailNeeded ? text.text(PasswordResetMessage.emailNeeded) : nil)
                    SubmitButton(title: text.text(PasswordResetMessage.send))
                }
                Paragraph { Link(text.text(LoginMessage.title), url: SitePath.login.url()) }
            }.class("narrow")
        }
    }

    static func sent(email: String, context: PageContext) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(PasswordResetMessage.requestTitle), context: context) {
            Div {
                H1(text.text(PasswordResetMessage.requestTitle))
                Paragraph(text.text(PasswordResetMessage.sent, ["email": email]))
                    .attribute(named: "role", value: "status")
                Paragraph { Link(text.text(LoginMessage.title), url: SitePath.login.url()) }
            }.class("narrow")
        }
    }

    static func reset(token: String, problems: [ValidationProblem], context: PageContext) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(PasswordResetMessage.resetTitle), context: context) {
            Div {
                H1(text.text(PasswordResetMessage.resetTitle))
                ProblemList(
                    problems: problems,
                    labels: ["new": PasswordMessage.new, "confirm": .confirm].mapValues { text.text($0) },
                    heading: text.text(FrameworkFormMessage.nothingSaved), text: text)
                Form(url: SitePath.passwordResetSave.url(), method: .post) {
                    CSRFField(token: context.csrf)
                    Input(type: .hidden, name: "token", value: token)
                    Field(
                        label: text.text(PasswordMessage.new), name: "new", type: .password, required: true,
                        hint: text.text(PasswordResetMessage.hint), autocomplete: "new-password",
                        maxLength: PasswordRule.longest, problem: problems.message(for: "new", in: text))
                    Field(
                        label: text.text(PasswordMessage.confirm), name: "confirm", type: .password, required: true,
                        autocomplete: "new-password", maxLength: PasswordRule.longest,
                        problem: problems.message(for: "confirm", in: text))
                    SubmitButton(title: text.text(PasswordResetMessage.save))
                }
            }.class("narrow")
        }
    }

    static func unusable(context: PageContext) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(PasswordResetMessage.unusableTitle), context: context) {
            Div {
                H1(text.text(PasswordResetMessage.unusableTitle))
                Paragraph(text.text(PasswordResetMessage.unusableExplain))
                Paragraph { Link(text.text(PasswordResetMessage.askAgain), url: SitePath.passwordForgot.url()) }
            }.class("narrow")
        }
    }
}

enum PasswordResetMessage: String, MessageKey, CaseIterable {
    case forgot = "passwordReset.forgot"
    case requestTitle = "passwordReset.request.title"
    case requestExplain = "passwordReset.request.explain"
    case send = "passwordReset.request.send"
    case sent = "passwordReset.request.sent"
    case emailNeeded = "passwordReset.request.emailNeeded"
    case throttled = "passwordReset.request.throttled"
    case resetTitle = "passwordReset.reset.title"
    case hint = "passwordReset.reset.hint"
    case save = "passwordReset.reset.save"
    case done = "passwordReset.reset.done"
    case unusableTitle = "passwordReset.unusable.title"
    case unusableExplain = "passwordReset.unusable.explain"
    case askAgain = "passwordReset.unusable.askAgain"
    case mailSubject = "passwordReset.mail.subject"
    case mailGreeting = "passwordReset.mail.greeting"
    case mailAsked = "passwordReset.mail.asked"
    case mailIgnore = "passwordReset.mail.ignore"
}
