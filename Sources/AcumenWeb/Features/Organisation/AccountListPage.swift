import AcumenCore
import Plot

enum AccountListPage {
    static func render(accounts: [AccountSummary], context: PageContext) -> HTMLPage {
        Layout.page("Accounts", context: context) {
            H1("Customer accounts")
            if accounts.isEmpty {
                Paragraph("No accounts you can see.")
            }
            Div {
                for account in accounts {
                    Tag("article") {
                        H2 { Link(account.name, url: SitePath.account.url(account.id)) }
                        Tag("dl") {
                            Tag("dt") { Text("Customer") }
                            Tag("dd") { Text(account.customer) }
                            Tag("dt") { Text("Account manager") }
                            Tag("dd") {
                                Link(account.accountManagerName, url: SitePath.person.url(account.accountManagerID))
                            }
                            Tag("dt") { Text("Account team") }
                            Tag("dd") {
                                Text(account.memberNames.isEmpty ? "None" : account.memberNames.joined(separator: ", "))
                            }
                            Tag("dt") { Text("Customer reviewers") }
                            Tag("dd") {
                                Text(
                                    account.reviewerNames.isEmpty
                                        ? "None" : account.reviewerNames.joined(separator: ", "))
                            }
                        }.class("facts")
                    }.class("card")
                }
            }.class("cards")
        }
    }
}
