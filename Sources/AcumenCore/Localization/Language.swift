import Foundation

/// A language Acumen ships messages in, named by its BCP 47 tag.
///
/// Everything a rater or an account manager reads exists in the first seven; Arabic covers the
/// rater's forms, which proves that their layout reads right to left. Programme pages may be in
/// English only: a missing message falls back to English.
public enum Language: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Hashable {
    case english = "en"
    case french = "fr"
    case german = "de"
    case spanish = "es"
    case simplifiedChinese = "zh-Hans"
    case japanese = "ja"
    case brazilianPortuguese = "pt-BR"
    case arabic = "ar"

    /// The BCP 47 tag, for `lang` attributes, `Content-Language` and CASE `language` fields.
    public var tag: String { rawValue }

    public var isRightToLeft: Bool { self == .arabic }

    /// The locale whose formats the language's readers expect. Acumen's English is British,
    /// as its texts are: "2 December 2026", "a, b and c".
    public var locale: Locale {
        Locale(identifier: self == .english ? "en_GB" : tag)
    }

    /// The language's name in itself, as a reader looks for it in a list of languages.
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .french: "Français"
        case .german: "Deutsch"
        case .spanish: "Español"
        case .simplifiedChinese: "简体中文"
        case .japanese: "日本語"
        case .brazilianPortuguese: "Português (Brasil)"
        case .arabic: "العربية"
        }
    }

    /// Whether every page a rater or account manager reads is translated; Arabic is for the
    /// rater's forms only, and elsewhere a reader who prefers it gets their next choice.
    public var coversEveryPage: Bool { self != .arabic }

    /// The language a tag names, if Acumen ships it: `fr-CA` is French, `pt` and `pt-PT` are
    /// the Brazilian Portuguese Acumen has, any Chinese is Simplified Chinese.
    public init?(tag: String) {
        let subtags = tag.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "-" || $0 == "_" })
            .map { $0.lowercased() }
        guard let primary = subtags.first else { return nil }
        switch primary {
        case "en": self = .english
        case "fr": self = .french
        case "de": self = .german
        case "es": self = .spanish
        case "zh": self = .simplifiedChinese
        case "ja": self = .japanese
        case "pt": self = .brazilianPortuguese
        case "ar": self = .arabic
        default: return nil
        }
    }
}
