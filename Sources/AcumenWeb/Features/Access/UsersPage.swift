import AcumenCore
import Plot

enum UsersPage {
    static func render(
        users: [UserAccount], form: UsersController.NewUserForm?, problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(UsersMessage.title), context: context) {
            H1(text.text(UsersMessage.title))
            DataTable(
                caption: text.text(UsersMessage.caption),
                headings: [UsersMessage.email, .role, .status, .action].map { text.text($0) },
                rows: users.map { user in
                    [
                        Text(user.email), Text(text.text(RoleMessage(user.role))),
                        Text(text.text(user.isDisabled ? UsersMessage.disabled : .active)),
                        Div {
                            if user.email != context.user?.email {
                                ActionButton(
                                    title: text.text(
                                        user.isDisabled ? UsersMessage.enable : .disable, ["email": user.email]),
                                    url: (user.isDisabled ? SitePath.userEnable : SitePath.userDisable).url(user.id),
                                    csrf: context.csrf)
                            }
                            ActionButton(
                                title: text.text(UsersMessage.endSessions, ["email": user.email]),
                                url: SitePath.userEndSessions.url(user.id), csrf: context.csrf)
                        },
                    ]
                })
            Tag("section") {
                H2(text.text(UsersMessage.addHeading)).id("add-user")
                ProblemList(
                    problems: problems,
                    labels: ["email": UsersMessage.email, "role": .role, "password": .password].mapValues {
                        text.text($0)
                    }, heading: text.text(FrameworkFormMessage.nothingSaved), text: text)
                Form(url: SitePath.users.url(), method: .post) {
                    CSRFField(token: context.csrf)
                    Field(
                        label: text.text(UsersMessage.email), name: "email", value: form?.email ?? "", type: .email,
                        required: true, problem: problems.message(for: "email", in: text))
                    SelectField(
                        label: text.text(UsersMessage.role), name: "role",
                        choices: Role.allCases.map { .init(value: $0.rawValue, label: text.text(RoleMessage($0))) },
                        selected: form?.role ?? Role.accountManager.rawValue,
                        problem: problems.message(for: "role", in: text))
                    Field(
                        label: text.text(UsersMessage.password), name: "password", type: .password, required: true,
                        hint: text.text(UsersMessage.passwordHint), autocomplete: "new-password",
                        problem: problems.message(for: "password", in: text))
                    Button { Text(text.text(UsersMessage.add)) }.attribute(named: "type", value: "submit")
                        .class("button primary")
                }
            }.class("panel")
        }
    }
}

/// The words of the users page (administrators, English for now).
enum UsersMessage: String, MessageKey, CaseIterable {
    case title = "users.title"
    case caption = "users.caption"
    case email = "users.email"
    case role = "users.role"
    case status = "users.status"
    case action = "users.action"
    case disabled = "users.disabled"
    case active = "users.active"
    case enable = "users.enable"
    case disable = "users.disable"
    case addHeading = "users.addHeading"
    case password = "users.password"
    case passwordHint = "users.passwordHint"
    case add = "users.add"
    case created = "users.created"
    case disabledNow = "users.disabledNow"
    case enabledAgain = "users.enabledAgain"
    case endSessions = "users.endSessions"
    case sessionsEnded = "users.sessionsEnded"
    case chooseRole = "users.problem.chooseRole"
    case passwordTooShort = "users.problem.passwordTooShort"
    case passwordTooLong = "users.problem.passwordTooLong"
    case notAnAddress = "users.problem.notAnAddress"
    case addressTaken = "users.problem.addressTaken"
}
