import AcumenCore
import AcumenStore
import Vapor

/// What every page's frame needs from the request: who is signed in, the CSRF token for
/// forms, and a one-time message from the previous action.
struct PageContext {
    var user: UserAccount?
    var csrf: String
    var flash: String?
    var path: String

    init(_ request: Request) {
        user = request.currentUser
        csrf = request.csrfToken
        // Only a stored session has messages; reading one would otherwise create a session.
        flash = request.hasStoredSession ? request.session.data[SessionKeys.flash] : nil
        if flash != nil { request.session.data[SessionKeys.flash] = nil }
        path = request.url.path
    }
}

extension Request {
    /// Shows a message on the next page this browser loads.
    func flash(_ message: String) {
        session.data[SessionKeys.flash] = message
    }
}
