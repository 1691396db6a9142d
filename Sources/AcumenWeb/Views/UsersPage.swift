import AcumenCore
import AcumenStore
import Plot
import Vapor

enum UsersPage {
    static func render(
        users: [UserAccount], form: UsersController.NewUserForm?, problems: [String], context: PageContext
    ) -> Response {
        Layout.page("Users", context: context) {
            H1("Users")
            Div {
                Tag("table") {
                    Tag("caption") { Text("Everyone who can sign in") }
                    Tag("thead") {
                        Tag("tr") {
                            for heading in ["Email", "Role", "Status", "Action"] {
                                Tag("th") { Text(heading) }.attribute(named: "scope", value: "col")
                            }
                        }
                    }
                    Tag("tbody") {
                        for user in users {
                            Tag("tr") {
                                Tag("th") { Text(user.email) }.attribute(named: "scope", value: "row")
                                Tag("td") { Text(user.role.label) }
                                Tag("td") { Text(user.isDisabled ? "Disabled" : "Active") }
                                Tag("td") {
                                    if user.email != context.user?.email {
                                        ActionButton(
                                            title: user.isDisabled ? "Enable \(user.email)" : "Disable \(user.email)",
                                            url: "/users/\(user.id)/\(user.isDisabled ? "enable" : "disable")",
                                            csrf: context.csrf)
                                    }
                                }
                            }
                        }
                    }
                }.class("table")
            }.class("table-scroll").attribute(named: "tabindex", value: "0").accessibilityLabel("Users table")
            Tag("section") {
                H2("Add a user")
                if !problems.isEmpty {
                    Div {
                        H3("Nothing was saved. Please fix:")
                        List(problems)
                    }.class("error").attribute(named: "role", value: "alert")
                }
                Form(url: "/users", method: .post) {
                    CSRFField(token: context.csrf)
                    Field(label: "Email", name: "email", value: form?.email ?? "", type: .email, required: true)
                    SelectField(
                        label: "Role", name: "role",
                        choices: Role.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                        selected: form?.role ?? Role.accountManager.rawValue)
                    Field(
                        label: "Initial password", name: "password", type: .password, required: true,
                        hint: "At least 10 characters. Give it to the person in a safe way.",
                        autocomplete: "new-password")
                    Button { Text("Add user") }.attribute(named: "type", value: "submit").class("button primary")
                }
            }.class("panel")
        }
    }
}
