import AcumenCore
import Vapor

/// What every page's frame needs from the request: who is signed in, the CSRF token for
/// forms, a one-time message from the previous action, and the application's render cache.
/// Views read it; only this initialiser touches the request.
struct PageContext {
    var user: UserAccount?
    var csrf: String
    var flash: String?
    var path: String
    var renderCache: RenderCache

    init(_ request: Request) {
        renderCache = request.application.renderCache
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

extension Application {
    private struct RenderCacheKey: StorageKey {
        typealias Value = RenderCache
    }

    /// The one render cache of this application (`RenderCache`), made on first use.
    var renderCache: RenderCache {
        if let cache = storage[RenderCacheKey.self] { return cache }
        let cache = RenderCache()
        storage[RenderCacheKey.self] = cache
        return cache
    }
}
