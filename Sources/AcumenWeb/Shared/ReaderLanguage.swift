import AcumenCore
import Vapor

/// Acumen's languages, not Plot's type of the same name, wherever the web target says `Language`.
typealias Language = AcumenCore.Language

extension Application {
    private struct DefaultLanguageKey: StorageKey {
        typealias Value = Language
    }

    /// The organisation's default language (`ACUMEN_DEFAULT_LANGUAGE`).
    var defaultLanguage: Language {
        get { storage[DefaultLanguageKey.self] ?? .english }
        set { storage[DefaultLanguageKey.self] = newValue }
    }
}

extension Request {
    /// The language this reader gets: `chosen` (an invitation's), else the signed-in user's
    /// choice, else the best their browser asks for, else the organisation's default.
    /// `everyPage` leaves out languages that cover the rater's forms only.
    func readerLanguage(chosen: Language? = nil, everyPage: Bool = true) -> Language {
        LanguagePreference.resolve(
            chosen: chosen ?? currentUser?.language, acceptLanguage: headers.first(name: .acceptLanguage),
            fallback: application.defaultLanguage, everyPage: everyPage)
    }
}
