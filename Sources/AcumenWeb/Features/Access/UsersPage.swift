import AcumenCore
import Plot

enum UsersPage {
    static func render(
        users: [UserAccount], form: UsersController.NewUserForm?, problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        Layout.page("Users", context: context) {
            H1("Users")
            DataTable(
                caption: "Everyone who can sign in", headings: ["Email", "Role", "Status", "Action"],
                rows: users.map { user in
                    [
                        Text(user.email), Text(user.role.label), Text(user.isDisabled ? "Disabled" : "Active"),
                        user.email == context.user?.email
                            ? Text("")
                            : ActionButton(
                                title: user.isDisabled ? "Enable \(user.email)" : "Disable \(user.email)",
                                url: (user.isDisabled ? SitePath.userEnable : SitePath.userDisable).url(user.id),
                                csrf: context.csrf),
                    ]
                })
            Tag("section") {
                H2("Add a user").id("add-user")
                ProblemList(
                    problems: problems, labels: ["email": "Email", "role": "Role", "password": "Initial password"],
                    heading: "Nothing was saved. Please fix:")
                Form(url: SitePath.users.url(), method: .post) {
                    CSRFField(token: context.csrf)
                    Field(
                        label: "Email", name: "email", value: form?.email ?? "", type: .email, required: true,
                        problem: problems.message(for: "email"))
                    SelectField(
                        label: "Role", name: "role",
                        choices: Role.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                        selected: form?.role ?? Role.accountManager.rawValue, problem: problems.message(for: "role"))
                    Field(
                        label: "Initial password", name: "password", type: .password, required: true,
                        hint: "At least 10 characters. Give it to the person in a safe way.",
                        autocomplete: "new-password", problem: problems.message(for: "password"))
                    Button { Text("Add user") }.attribute(named: "type", value: "submit").class("button primary")
                }
            }.class("panel")
        }
    }
}
