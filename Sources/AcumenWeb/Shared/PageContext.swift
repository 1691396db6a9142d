import AcumenCore
import Vapor

/// What every page's frame needs from the request: who is signed in, the CSRF token for
/// forms, a one-time message from the previous action, the application's render cache, and
/// the language the page is written in. Views read it; only this initialiser touches the request.
struct PageContext {
    var user: UserAccount?
    var csrf: String
    var flash: String?
    var path: String
    var renderCache: RenderCache
    /// The page's language and formats, from the application's catalogue. English unless the
    /// page is one that has been translated, so that `lang` always names the language the page
    /// is really in.
    var localizer: Localizer

    /// The context of a translated page, in the reader's language.
    init(translated request: Request, language: Language? = nil) {
        self.init(request)
        localizer = request.localizer(language ?? request.readerLanguage())
    }

    /// The context of a page both programme staff and the people they serve read: in the
    /// reader's language, except for programme staff, whose pages are all English for now, so
    /// that one person's pages do not switch language from one page to the next.
    init(readers request: Request) {
        self.init(request)
        localizer = request.readersLocalizer
    }

    init(_ request: Request) {
        renderCache = request.application.renderCache
        user = request.currentUser
        csrf = request.csrfToken
        // Only a stored session has messages; reading one would otherwise create a session.
        flash = request.hasStoredSession ? request.session.data[SessionKeys.flash] : nil
        if flash != nil { request.session.data[SessionKeys.flash] = nil }
        path = request.url.path
        localizer = request.localizer(.english)
    }
}

extension Request {
    /// The language of pages that programme staff and the people they serve both read, and of
    /// the messages those pages pass on to the next one: English for programme staff.
    var readersLocalizer: Localizer {
        currentUser?.role.seesEveryone == true ? localizer(.english) : localizer(readerLanguage())
    }

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
