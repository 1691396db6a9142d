import AcumenCore
import Foundation
import Plot

/// The accounts the viewer may see, searched and paged; each card links to its annual review.
enum AccountListPage {
    static let pageSize = 30

    static func render(
        accounts page: PageOfResults<AccountSummary>, visible: Int, search: String, context: PageContext
    ) -> HTMLPage {
        Layout.page("Accounts", context: context) {
            H1("Customer accounts")
            if visible > 1 {
                Form(
                    url: SitePath.accounts.url(), method: .get,
                    content: {
                        Field(
                            label: "Find", name: "q", value: search, type: .search,
                            hint: "Words from the account, the customer, or a person on it.")
                        SubmitButton(title: "Search", style: "button")
                    }
                ).class("search")
                Paragraph(
                    "\(page.matching) of the \(visible) accounts you can see"
                        + (page.pages > 1 ? "; page \(page.page) of \(page.pages)." : ".")
                ).attribute(named: "role", value: "status")
            }
            if visible == 0 {
                Paragraph("No accounts you can see.")
            } else if page.items.isEmpty {
                Paragraph("No account matches. Try fewer words.")
            }
            Div {
                for account in page.items {
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
            if page.pages > 1 {
                Pager(
                    page: page.page, pages: page.pages, path: SitePath.accounts.url(),
                    query: [URLQueryItem(name: "q", value: search)])
            }
        }
    }
}
