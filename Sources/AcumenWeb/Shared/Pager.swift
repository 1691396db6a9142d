import AcumenCore
import Foundation
import Plot

/// Links to the previous and next page of a long list, keeping the search in the address so
/// that a page can be shared or reloaded.
struct Pager: Component {
    let page: Int
    let pages: Int
    /// The list's address; `page` is added to these query items.
    let path: String
    let query: [URLQueryItem]
    var text = Localizer(.english)

    var body: Component {
        Tag("nav") {
            if page > 1 { Link(text.text(PagerMessage.previous), url: address(page - 1)) }
            Text(
                " "
                    + text.text(PagerMessage.pageOf, ["page": text.integer(page), "pages": text.integer(pages)])
                    + " ")
            if page < pages { Link(text.text(PagerMessage.next), url: address(page + 1)) }
        }.attribute(named: "aria-label", value: text.text(PagerMessage.label)).class("pager")
    }

    private func address(_ page: Int) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query + [URLQueryItem(name: "page", value: "\(page)")]
        return components.string ?? path
    }
}

enum PagerMessage: String, MessageKey, CaseIterable {
    case previous = "pager.previous"
    case next = "pager.next"
    case pageOf = "pager.pageOf"
    case label = "pager.label"
}
