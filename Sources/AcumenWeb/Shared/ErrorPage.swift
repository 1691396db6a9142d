import AcumenCore
import Plot
import Vapor

/// The page shown for an `AppError` in a browser: the status decides the heading.
enum ErrorPage {
    static func response(for error: AppError, request: Request) -> Response {
        if let localized = error.localized { return translatedResponse(for: error, localized, request: request) }
        let context = PageContext(readers: request)
        let text = context.localizer
        let heading = text.text(ErrorMessage(heading: error.status))
        let response = Layout.page(heading, context: context) {
            H1(heading)
            // The error's own sentence is English (API clients read it too); a reader of another
            // language gets the status explained in theirs instead.
            if text.language == .english {
                Paragraph(error.message)
                if !error.details.isEmpty {
                    List(error.details)
                }
            } else {
                Paragraph(text.text(ErrorMessage(explaining: error.status)))
            }
            // Raters who follow a link have no account: a sign-in page is no way on for them.
            if request.currentUser != nil {
                Paragraph { Link(text.text(ErrorMessage.home), url: SitePath.home.url()) }
            } else if !request.url.path.hasPrefix(RaterFormController.pathPrefix) {
                Paragraph { Link(text.text(ErrorMessage.signIn), url: SitePath.login.url()) }
            }
        }.response(status: error.status)
        error.addHeaders(to: response)
        return response
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

}

/// The words of error pages.
enum ErrorMessage: String, MessageKey, CaseIterable {
    case notFound = "error.notFound"
    case conflict = "error.conflict"
    case gone = "error.gone"
    case other = "error.other"
    case home = "error.home"
    case signIn = "error.signIn"
    case forbidden = "error.forbidden"
    case checkInput = "error.checkInput"
    case tooMany = "error.tooMany"
    case failed = "error.failed"
    case unavailable = "error.unavailable"
    case notFoundExplained = "error.explain.notFound"
    case forbiddenExplained = "error.explain.forbidden"
    case conflictExplained = "error.explain.conflict"
    case checkInputExplained = "error.explain.checkInput"
    case tooManyExplained = "error.explain.tooMany"
    case failedExplained = "error.explain.failed"
    case unavailableExplained = "error.explain.unavailable"
    case otherExplained = "error.explain.other"

    init(heading status: HTTPResponseStatus) {
        switch status {
        case .notFound: self = .notFound
        case .forbidden: self = .forbidden
        case .conflict: self = .conflict
        case .gone: self = .gone
        case .unprocessableEntity, .badRequest: self = .checkInput
        case .tooManyRequests: self = .tooMany
        case .serviceUnavailable: self = .unavailable
        default: self = status.code >= 500 ? .failed : .other
        }
    }

    init(explaining status: HTTPResponseStatus) {
        switch status {
        case .notFound, .gone: self = .notFoundExplained
        case .forbidden: self = .forbiddenExplained
        case .conflict: self = .conflictExplained
        case .unprocessableEntity, .badRequest: self = .checkInputExplained
        case .tooManyRequests: self = .tooManyExplained
        case .serviceUnavailable: self = .unavailableExplained
        default: self = status.code >= 500 ? .failedExplained : .otherExplained
        }
    }
}
