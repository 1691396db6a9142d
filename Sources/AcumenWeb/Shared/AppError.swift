import AcumenCore
import AcumenStore
import Vapor

/// An error a person can act on: an HTTP status, a stable code for API clients, a sentence
/// saying what to do, and the field at fault when there is one.
public struct AppError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPResponseStatus
    public var code: String
    public var message: String
    public var field: String?
    /// Further problems, for imports and validation that find several at once.
    public var details: [String]
    /// Seconds to wait before trying again, sent as `Retry-After` (throttled sign-ins).
    public var retryAfter: Int?
    /// The methods the path does take, sent as `Allow` with 405.
    public var allowedMethods: [String] = []
    /// The message in the catalogue, for pages that readers of other languages see (a rater's
    /// link that no longer works); API clients get `message`, in English.
    var localized: LocalizedMessage?

    public init(
        _ status: HTTPResponseStatus, code: String, message: String, field: String? = nil, details: [String] = []
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.details = details
    }

    public var description: String { message }

    public static let unauthorised = AppError(
        .unauthorized, code: "unauthorised", message: "Sign in, or send a valid bearer token, to use this.")
    public static let forbidden = AppError(
        .forbidden, code: "forbidden", message: "Your role does not allow this action.")

    public static func notFound(_ what: String = "That page") -> AppError {
        AppError(.notFound, code: "not_found", message: "\(what) was not found.")
    }

    public static func badRequest(_ message: String, field: String? = nil) -> AppError {
        AppError(.badRequest, code: "bad_request", message: message, field: field)
    }

    /// Maps any error to what the user sees. Unknown errors become a 500 with a message that
    /// reveals nothing internal; they are logged by the middleware.
    public static func from(_ error: any Error) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let error as StoreError:
            switch error {
            case .notFound(let what): return .notFound(what)
            case .conflict(let message): return AppError(.conflict, code: "conflict", message: message)
            case .refused(let problem):
                return AppError(.conflict, code: "conflict", message: FieldProblem.sentence(problem.message) + ".")
            case .invalid(let problems):
                return AppError(
                    .unprocessableEntity, code: "invalid",
                    message: problems.count == 1
                        ? problems[0].description : "The content has \(problems.count) problems.",
                    field: problems.first?.location, details: problems.map(\.description))
            }
        case let error as ImportReport:
            return AppError(
                .unprocessableEntity, code: "import_rejected",
                message:
                    "Nothing was imported: \(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") found.",
                details: error.problems.map(\.description))
        case let error as CASEImportError:
            return AppError(
                .unprocessableEntity, code: "import_rejected", message: "The CASE package cannot be imported.",
                details: error.problems)
        case let error as DecodingError:
            return AppError(
                .badRequest, code: "bad_request",
                message: "The request body is not valid: \(JSONProblem.describe(error)).",
                field: JSONProblem.fieldPath(error))
        case let error as any AbortError:
            return AppError(error.status, code: code(for: error.status), message: message(for: error))
        default:
            if let state = DatabaseUnavailable(error) { return unavailable(state) }
            return AppError(
                .internalServerError, code: "internal",
                message: "Something went wrong on our side. Nothing was changed; please try again.")
        }
    }

    /// The headers the error calls for (`Retry-After`, `Allow`), whether it is answered as JSON
    /// or as a page.
    func addHeaders(to response: Response) {
        if let retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter)) }
        if !allowedMethods.isEmpty {
            response.headers.replaceOrAdd(name: .allow, value: allowedMethods.joined(separator: ", "))
        }
    }

    /// 503, saying that nothing was saved: every change is one transaction, and the database
    /// refused it whole. Retry-After tells clients when trying again makes sense.
    static func unavailable(_ state: DatabaseUnavailable) -> AppError {
        let message =
            switch state {
            case .unreachable:
                "The database cannot be reached just now. Nothing was saved; please try again in a minute."
            case .full:
                "The server's disk is full, so nothing was saved. Please tell your administrator, and try again once it has room."
            case .readOnly:
                "The database is read-only just now, so nothing was saved. Please tell your administrator, and try again later."
            case .busy: "The database is too busy to answer. Nothing was saved; please try again in a moment."
            }
        var error = AppError(.serviceUnavailable, code: "unavailable", message: message)
        error.retryAfter = state == .busy ? 5 : 30
        return error
    }

    private static func code(for status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "not_found"
        case .unauthorized: "unauthorised"
        case .forbidden: "forbidden"
        case .payloadTooLarge: "too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        case .methodNotAllowed: "method_not_allowed"
        default: status.code < 500 ? "bad_request" : "internal"
        }
    }

    private static func message(for error: any AbortError) -> String {
        switch error.status {
        case .notFound: "That page was not found."
        case .payloadTooLarge: "The upload is too large."
        default: error.reason
        }
    }
}

/// A message named in the catalogue, with its arguments and, when known, its reader's language.
struct LocalizedMessage: Sendable {
    var key: any MessageKey
    var arguments: [String: String] = [:]
    /// Days among the arguments, written as the page's language writes dates.
    var dates: [String: CalendarDate] = [:]
    /// The number that chooses a plural form, also the `{count}` placeholder.
    var count: Int?
    var language: Language?

    func text(_ localizer: Localizer) -> String {
        let filled = arguments.merging(dates.mapValues(localizer.date)) { _, date in date }
        guard let count else { return localizer.text(key, filled) }
        return localizer.text(key, count: count, filled)
    }
}
