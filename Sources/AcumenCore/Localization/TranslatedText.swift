import Foundation

/// A piece of content (a question, a competency's title) as a reader gets it: in their
/// language when it has been translated, else as written, saying which language it is in so
/// that a page can mark it (`lang`) and tell the reader the translation is missing.
public struct TranslatedText: Hashable, Sendable {
    public var text: String
    public var language: ContentLanguage

    public init(text: String, language: ContentLanguage) {
        self.text = text
        self.language = language
    }

    /// `translated` (the text's translation into `language`) if there is a usable one, else the original.
    public static func pick(
        _ language: Language, original: ContentLanguage, text: String, translated: String?
    ) -> TranslatedText {
        if original.readerLanguage != language, let translated,
            !translated.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            return TranslatedText(text: translated, language: ContentLanguage(language))
        }
        return TranslatedText(text: text, language: original)
    }
}
