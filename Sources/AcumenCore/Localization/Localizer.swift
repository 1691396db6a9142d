import Foundation

/// The messages and formats of one reader's language: what a page, an e-mail or a command
/// uses to say anything to a person.
public struct Localizer: Sendable {
    public let language: Language
    public let catalogue: MessageCatalogue
    private let locale: Locale

    public init(_ language: Language, catalogue: MessageCatalogue = .builtIn) {
        self.language = language
        self.catalogue = catalogue
        locale = language.locale
    }

    /// The message with its placeholders filled in; a message the language lacks is English,
    /// and a key no catalogue has is shown as itself so that the gap is seen, not hidden.
    public func text(_ key: some MessageKey, _ arguments: [String: String] = [:]) -> String {
        message(key.key, count: nil, arguments)
    }

    /// A plural message chosen by `count`, which is also the `{count}` placeholder, written
    /// in the reader's digits.
    public func text(_ key: some MessageKey, count: Int, _ arguments: [String: String] = [:]) -> String {
        var filled = arguments
        filled["count"] = integer(count)
        return message(key.key, count: count, filled)
    }

    private func message(_ key: String, count: Int?, _ arguments: [String: String]) -> String {
        guard let found = catalogue.entry(key, in: language) else { return key }
        switch found.entry {
        case .text(let text):
            return Self.fill(text, arguments)
        case .plural(let variants):
            // The plural rule is that of the language the text is in, which is English on fallback.
            let category = found.language.pluralCategory(of: count ?? 0)
            return Self.fill(variants[category] ?? variants[.other] ?? key, arguments)
        }
    }

    /// Whether the reader's language has its own text for `key`, rather than English.
    public func isTranslated(_ key: some MessageKey) -> Bool {
        catalogue.entry(key.key, in: language)?.language == language
    }

    private static func fill(_ text: String, _ arguments: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += arguments[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    // MARK: Formats, from Foundation's locale data

    private static let utc = TimeZone(identifier: "UTC")!

    /// A day as the reader writes it: "2 December 2026", "2 décembre 2026", "2026年12月2日".
    public func date(_ day: CalendarDate) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.utc
        guard let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) else {
            return day.description
        }
        var style = Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar)
        style.timeZone = Self.utc
        return date.formatted(style)
    }

    /// A moment as the reader writes it, in UTC (the server's clock, the same for every reader):
    /// "3 Dec 2026, 01:40".
    public func moment(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: locale)
        style.timeZone = Self.utc
        return date.formatted(style)
    }

    public func integer(_ value: Int) -> String {
        value.formatted(.number.locale(locale))
    }

    /// A number with exactly `fractionDigits` decimals, with the reader's decimal sign.
    public func decimal(_ value: Double, fractionDigits: Int) -> String {
        value.formatted(.number.precision(.fractionLength(fractionDigits)).locale(locale))
    }

    /// A language's name as the reader's language says it ("anglais" in French), from
    /// Foundation's locale data; the language's own name when the data has none.
    public func name(of other: ContentLanguage) -> String {
        locale.localizedString(forIdentifier: other.tag) ?? other.readerLanguage?.nativeName ?? other.tag
    }

    /// Items joined as the language lists them: "a, b and c", "a、b、c".
    public func list(_ items: [String]) -> String {
        items.formatted(.list(type: .and).locale(locale))
    }

    /// A message that reads inside a sentence ("in progress") made to stand alone, as a
    /// list's choice: its first letter in the language's capital, where it has capitals.
    public func standalone(_ text: String) -> String {
        text.prefix(1).uppercased(with: locale) + text.dropFirst()
    }

    /// A share from 0 to 1 as a whole percentage: "42 %" in French, "42%" in English.
    public func percent(_ share: Double) -> String {
        share.formatted(.percent.precision(.fractionLength(0)).locale(locale))
    }
}
