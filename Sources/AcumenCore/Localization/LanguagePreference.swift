import Foundation

/// Which shipped language a reader gets: their own choice, else the first language their
/// browser asks for that Acumen has, else the organisation's default.
public enum LanguagePreference {
    /// The languages of an `Accept-Language` header that Acumen ships, most wanted first.
    /// Ranges with `q=0`, unknown languages and malformed entries are left out; equal weights
    /// keep the header's order.
    public static func accepted(_ header: String) -> [Language] {
        let ranges = header.split(separator: ",").prefix(50).enumerated().compactMap {
            position, entry -> (Language, Double, Int)? in
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = parts.first, let language = Language(tag: range) else { return nil }
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                guard let value = Double(parameter.dropFirst(2)), (0...1).contains(value) else { return nil }
                weight = value
            }
            return weight > 0 ? (language, weight, position) : nil
        }
        var seen: Set<Language> = []
        return ranges.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }.map(\.0).filter { seen.insert($0).inserted }
    }

    /// The language to show: `chosen` when set, else the best of `acceptLanguage`, else `fallback`.
    /// `everyPage` leaves out languages that cover the rater's forms only.
    public static func resolve(
        chosen: Language?, acceptLanguage: String?, fallback: Language, everyPage: Bool
    ) -> Language {
        let usable = { (language: Language) in !everyPage || language.coversEveryPage }
        if let chosen, usable(chosen) { return chosen }
        return accepted(acceptLanguage ?? "").first(where: usable) ?? fallback
    }
}
