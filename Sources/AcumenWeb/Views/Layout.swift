import AcumenCore
import Plot
import Vapor

/// The frame of every page: skip link, header with navigation by role, flash message, main, footer.
enum Layout {
    static func page(
        _ title: String, context: PageContext, status: HTTPResponseStatus = .ok,
        @ComponentBuilder content: @escaping () -> Component
    ) -> Response {
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) · Acumen"),
                .stylesheet("/styles.css")
            ),
            .body(
                .component(
                    ComponentGroup {
                        Link("Skip to content", url: "#content").class("skip-link")
                        header(context)
                        Tag("main") {
                            if let flash = context.flash {
                                Paragraph { Text(flash) }.class("flash").attribute(named: "role", value: "status")
                            }
                            content()
                        }.id("content")
                        Footer {
                            Paragraph { Text("Acumen: competency, assessment and development for account managers.") }
                        }.class("site-footer")
                    })
            )
        )
        let response = Response(status: status, body: .init(string: html.render()))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private static func header(_ context: PageContext) -> Component {
        Header {
            Link("Acumen", url: "/").class("brand")
            if let user = context.user {
                Navigation {
                    List(links(for: user.role)) { item in
                        let current = context.path == item.url || context.path.hasPrefix(item.url + "/")
                        return ListItem {
                            Link(item.title, url: item.url)
                                .attribute(named: "aria-current", value: current ? "page" : nil)
                        }
                    }
                }.accessibilityLabel("Main")
                Div {
                    Span { Text("\(user.email) · \(user.role.label)") }.class("who")
                    ActionButton(title: "Sign out", url: "/logout", csrf: context.csrf, style: "link-button")
                }.class("account")
            }
        }.class("site-header")
    }

    private struct NavigationItem {
        var title: String
        var url: String
    }

    private static func links(for role: Role) -> [NavigationItem] {
        var items = [NavigationItem(title: "Frameworks", url: "/frameworks")]
        if role != .customerReviewer {
            items.append(NavigationItem(title: "People", url: "/people"))
        }
        items.append(NavigationItem(title: "Accounts", url: "/accounts"))
        if role.seesEveryone {
            items.append(NavigationItem(title: "Import", url: "/import"))
        }
        return items
    }
}

enum ErrorPage {
    static func response(for error: AppError, request: Request) -> Response {
        let context = PageContext(request)
        return Layout.page(title(for: error.status), context: context, status: error.status) {
            H1(title(for: error.status))
            Paragraph(error.message)
            if !error.details.isEmpty {
                List(error.details)
            }
            Paragraph { Link("Go to the start page", url: "/") }
        }
    }

    private static func title(for status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "Not found"
        case .forbidden: "Not allowed"
        case .conflict: "Cannot do that now"
        case .unprocessableEntity, .badRequest: "Please check your input"
        case .tooManyRequests: "Too many attempts"
        default: status.code >= 500 ? "Something went wrong" : "Cannot do that"
        }
    }
}
