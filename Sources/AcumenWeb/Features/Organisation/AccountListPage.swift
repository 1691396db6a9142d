import AcumenCore
import Foundation
import Plot

/// The accounts the viewer may see, searched and paged; each card links to its annual review.
enum AccountListPage {
    static let pageSize = 30

    static func render(
        accounts page: PageOfResults<AccountSummary>, visible: Int, search: String, context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(AccountMessage.listTitle), context: context) {
            H1(text.text(AccountMessage.listHeading))
            if visible > 1 {
                Form(
                    url: SitePath.accounts.url(), method: .get,
                    content: {
                        Field(
                            label: text.text(AccountMessage.find), name: "q", value: search, type: .search,
                            hint: text.text(AccountMessage.findHint))
                        SubmitButton(title: text.text(AccountMessage.search), style: "button")
                    }
                ).class("search")
                Paragraph(
                    text.text(AccountMessage.matching, count: visible, ["matching": text.integer(page.matching)])
                        + (page.pages > 1
                            ? " "
                                + text.text(
                                    AccountMessage.pageOf,
                                    ["page": text.integer(page.page), "pages": text.integer(page.pages)]) : "")
                ).attribute(named: "role", value: "status")
            }
            if visible == 0 {
                Paragraph(text.text(AccountMessage.noneVisible))
            } else if page.items.isEmpty {
                Paragraph(text.text(AccountMessage.noMatch))
            }
            Div {
                for account in page.items {
                    Tag("article") {
                        H2 { Link(account.name, url: SitePath.account.url(account.id)) }
                        Tag("dl") {
                            Tag("dt") { Text(text.text(AccountMessage.customer)) }
                            Tag("dd") { Text(account.customer) }
                            Tag("dt") { Text(text.text(AccountMessage.accountManager)) }
                            Tag("dd") {
                                Link(account.accountManagerName, url: SitePath.person.url(account.accountManagerID))
                            }
                            Tag("dt") { Text(text.text(AccountMessage.team)) }
                            Tag("dd") { Text(names(account.memberNames, text: text)) }
                            Tag("dt") { Text(text.text(AccountMessage.reviewers)) }
                            Tag("dd") { Text(names(account.reviewerNames, text: text)) }
                        }.class("facts")
                    }.class("card")
                }
            }.class("cards")
            if page.pages > 1 {
                Pager(
                    page: page.page, pages: page.pages, path: SitePath.accounts.url(),
                    query: [URLQueryItem(name: "q", value: search)], text: text)
            }
        }
    }

    private static func names(_ names: [String], text: Localizer) -> String {
        names.isEmpty ? text.text(AccountMessage.nobody) : text.list(names)
    }
}
