import Foundation

/// A message's key: each room names its messages in an enum whose raw values are the keys of
/// the catalogue files, so that a key used in code is a key a test can find in every file.
public protocol MessageKey: Sendable {
    var key: String { get }
}

extension MessageKey where Self: RawRepresentable, RawValue == String {
    public var key: String { rawValue }
}

/// A message chosen now and worded later, in whichever language the page is read: a rule in
/// Core says what is wrong, and the page that shows it says it in the reader's words.
public struct CatalogueText: MessageKey, Hashable {
    public var key: String
    public var arguments: [String: String]
    /// For a message with plural forms: the number that chooses the form, as `{count}`.
    public var count: Int?

    public init(_ key: some MessageKey, _ arguments: [String: String] = [:]) {
        self.key = key.key
        self.arguments = arguments
    }

    public init(_ key: some MessageKey, count: Int, _ arguments: [String: String] = [:]) {
        self.init(key, arguments)
        self.count = count
    }

    public func text(in localizer: Localizer) -> String {
        count.map { localizer.text(self, count: $0, arguments) } ?? localizer.text(self, arguments)
    }

    /// "Place: problem", as every problem list lines them up.
    static let problemLine = CatalogueText(RawKey(key: "problem.line"))

    private struct RawKey: MessageKey {
        var key: String
    }
}

/// One message as a catalogue file holds it: a text, or one text per plural category.
/// Placeholders are named in braces, `{subject}`; a plural message is chosen by `{count}`.
public enum CatalogueEntry: Sendable, Hashable, Decodable {
    case text(String)
    case plural([PluralCategory: String])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
            return
        }
        let variants = try container.decode([String: String].self)
        var byCategory: [PluralCategory: String] = [:]
        for (name, text) in variants {
            guard let category = PluralCategory(rawValue: name) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(name)' is not a CLDR plural category")
            }
            byCategory[category] = text
        }
        guard byCategory[.other] != nil else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a plural message needs an 'other' variant")
        }
        self = .plural(byCategory)
    }

    /// Every text of the entry, for checks that look at all variants.
    public var texts: [String] {
        switch self {
        case .text(let text): [text]
        case .plural(let variants): PluralCategory.allCases.compactMap { variants[$0] }
        }
    }

    /// The placeholder names used in `text`, e.g. `["count", "subject"]`.
    public static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// Every language's messages, with English as the fallback for a message a language lacks.
public struct MessageCatalogue: Sendable {
    private let entries: [Language: [String: CatalogueEntry]]

    public init(_ entries: [Language: [String: CatalogueEntry]]) {
        self.entries = entries
    }

    /// Reads one language's file: a JSON object from key to text or to plural variants.
    public static func decodeFile(_ data: Data) throws -> [String: CatalogueEntry] {
        try JSONDecoder().decode([String: CatalogueEntry].self, from: data)
    }

    /// The entry for `key` in `language`, else in English, with the language it was found in.
    public func entry(_ key: String, in language: Language) -> (entry: CatalogueEntry, language: Language)? {
        if let entry = entries[language]?[key] { return (entry, language) }
        if let entry = entries[.english]?[key] { return (entry, .english) }
        return nil
    }

    /// A pseudo-locale for checking pages: the English messages, each wrapped in ⟦ ⟧, and no
    /// other language, so that every page renders in it. A page's text outside the brackets
    /// did not come from the catalogue.
    public func pseudoLocalized() -> MessageCatalogue {
        let wrap = { (text: String) in "⟦" + text + "⟧" }
        let english = entries[.english, default: [:]].mapValues { entry -> CatalogueEntry in
            switch entry {
            case .text(let text): .text(wrap(text))
            case .plural(let variants): .plural(variants.mapValues(wrap))
            }
        }
        return MessageCatalogue([.english: english])
    }

    public func keys(in language: Language) -> Set<String> {
        Set(entries[language, default: [:]].keys)
    }

    /// What is wrong with the catalogue, in words: keys a translation has that English does not,
    /// placeholders a translation adds or drops, plural categories a language needs but lacks.
    public var problems: [String] {
        let english = entries[.english, default: [:]]
        var problems: [String] = []
        for language in Language.allCases {
            for (key, entry) in entries[language, default: [:]].sorted(by: { $0.key < $1.key }) {
                guard let original = english[key] else {
                    problems.append("\(language.tag): \(key) is not an English message")
                    continue
                }
                let expected = original.texts.map(CatalogueEntry.placeholders).reduce(into: Set<String>()) {
                    $0.formUnion($1)
                }
                for text in entry.texts {
                    // A plural variant may leave out {count} ("one file", "un fichier").
                    let found = CatalogueEntry.placeholders(in: text)
                    if !found.isSubset(of: expected) {
                        problems.append(
                            "\(language.tag): \(key) uses \(found.subtracting(expected).sorted()) unknown in English")
                    }
                    if case .text = entry, found != expected {
                        problems.append(
                            "\(language.tag): \(key) has placeholders \(found.sorted()), not \(expected.sorted())")
                    }
                }
                if case .plural(let variants) = entry {
                    let missing = language.pluralCategories.filter { variants[$0] == nil }
                    if !missing.isEmpty {
                        problems.append("\(language.tag): \(key) lacks the plural forms \(missing.map(\.rawValue))")
                    }
                } else if case .plural = original {
                    problems.append("\(language.tag): \(key) must have plural forms, as in English")
                }
            }
        }
        return problems
    }
}

extension MessageCatalogue {
    /// The catalogue shipped with Acumen, read once from the package's message files.
    public static let builtIn: MessageCatalogue = {
        var entries: [Language: [String: CatalogueEntry]] = [:]
        for language in Language.allCases {
            guard
                let url = Bundle.module.url(
                    forResource: language.tag, withExtension: "json", subdirectory: "Messages"),
                let data = try? Data(contentsOf: url)
            else { continue }
            do {
                entries[language] = try decodeFile(data)
            } catch {
                // A broken file is caught by the catalogue tests; at run time its language falls back to English.
                continue
            }
        }
        return MessageCatalogue(entries)
    }()
}
