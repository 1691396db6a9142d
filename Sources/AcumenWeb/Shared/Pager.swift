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

    var body: Component {
        Tag("nav") {
            if page > 1 { Link("Previous page", url: address(page - 1)) }
            Text(" Page \(page) of \(pages) ")
            if page < pages { Link("Next page", url: address(page + 1)) }
        }.attribute(named: "aria-label", value: "Pages").class("pager")
    }

    private func address(_ page: Int) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query + [URLQueryItem(name: "page", value: "\(page)")]
        return components.string ?? path
    }
}
