import Plot
import Vapor

/// The page shown for an `AppError` in a browser: the status decides the heading.
enum ErrorPage {
    static func response(for error: AppError, request: Request) -> Response {
        Layout.page(title(for: error.status), context: PageContext(request)) {
            H1(title(for: error.status))
            Paragraph(error.message)
            if !error.details.isEmpty {
                List(error.details)
            }
            // Raters who follow a link have no account: a sign-in page is no way on for them.
            if request.currentUser != nil {
                Paragraph { Link("Go to your home page", url: SitePath.home.url()) }
            } else if !request.url.path.hasPrefix(RaterFormController.pathPrefix) {
                Paragraph { Link("Sign in", url: SitePath.login.url()) }
            }
        }.response(status: error.status)
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
