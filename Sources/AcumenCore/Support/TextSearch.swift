import Foundation

/// Words typed into a search box, matched against a record's fields ignoring case and accents;
/// every word must appear in some field.
public struct TextSearch: Hashable, Sendable {
    public let words: [String]

    public init(_ text: String) {
        words = Self.fold(String(text.prefix(200))).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    public func matches(_ fields: [String]) -> Bool {
        guard !words.isEmpty else { return true }
        let haystack = Self.fold(fields.joined(separator: " "))
        return words.allSatisfy { haystack.contains($0) }
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
