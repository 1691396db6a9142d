import AcumenCore
import Plot
import Vapor

/// The page shown for an `AppError` in a browser: the status decides the heading.
enum ErrorPage {
    static func response(for error: AppError, request: Request) -> Response {
        if let localized = error.localized { return translatedResponse(for: error, localized, request: request) }
        return Layout.page(title(for: error.status), context: PageContext(request)) {
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

    /// A rater's error, in the rater's language when it is known, else their browser's.
    private static func translatedResponse(for error: AppError, _ localized: LocalizedMessage, request: Request)
        -> Response
    {
        let context = PageContext(
            translated: request, language: localized.language ?? request.readerLanguage(everyPage: false))
        let text = context.localizer
        let heading: ErrorMessage =
            switch error.status {
            case .notFound: .notFound
            case .conflict: .conflict
            case .gone: .gone
            default: .other
            }
        return Layout.page(text.text(heading), context: context) {
            H1(text.text(heading))
            Paragraph(localized.text(text))
            if request.currentUser != nil {
                Paragraph { Link(text.text(ErrorMessage.home), url: SitePath.home.url()) }
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

/// The words of error pages that raters see.
enum ErrorMessage: String, MessageKey, CaseIterable {
    case notFound = "error.notFound"
    case conflict = "error.conflict"
    case gone = "error.gone"
    case other = "error.other"
    case home = "error.home"
}
