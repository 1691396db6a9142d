import AcumenCore
import Vapor

/// Acumen's languages, not Plot's type of the same name, wherever the web target says `Language`.
typealias Language = AcumenCore.Language

extension Application {
    private struct DefaultLanguageKey: StorageKey {
        typealias Value = Language
    }

    private struct CatalogueKey: StorageKey {
        typealias Value = MessageCatalogue
    }

    /// The messages pages and e-mails are written with: the shipped catalogue, or in the
    /// catalogue test a pseudo-locale that marks every message, so that a sentence written
    /// outside the catalogue shows up unmarked.
    var messageCatalogue: MessageCatalogue {
        get { storage[CatalogueKey.self] ?? .builtIn }
        set { storage[CatalogueKey.self] = newValue }
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
    /// The words and formats of `language`, from the application's catalogue.
    func localizer(_ language: Language) -> Localizer {
        Localizer(language, catalogue: application.messageCatalogue)
    }

    func readerLanguage(chosen: Language? = nil, everyPage: Bool = true) -> Language {
        LanguagePreference.resolve(
            chosen: chosen ?? currentUser?.language, acceptLanguage: headers.first(name: .acceptLanguage),
            fallback: application.defaultLanguage, everyPage: everyPage)
    }
}
