import Foundation

/// Words typed into a search box, matched against a record's fields ignoring case and accents;
/// every word must appear in some field.
public struct TextSearch: Hashable, Sendable {
    public let words: [String]

    public init(_ text: String) {
        words = Self.fold(String(text.prefix(200))).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    public func matches(_ fields: [String]) -> Bool {
        words.isEmpty || matches(Haystack(fields))
    }

    /// For records searched again and again (a catalogue kept in memory): their fields folded
    /// once rather than at every search.
    public func matches(_ haystack: Haystack) -> Bool {
        words.allSatisfy { haystack.contains(Array($0.utf8)) }
    }

    /// A record's fields as searches compare them: folded, and as bytes, since words folded the
    /// same way match byte for byte and a byte scan is many times quicker than comparing
    /// characters.
    public struct Haystack: Sendable {
        private let folded: [UInt8]

        public init(_ fields: [String]) {
            folded = Array(TextSearch.fold(fields.joined(separator: " ")).utf8)
        }

        fileprivate func contains(_ word: [UInt8]) -> Bool {
            guard let first = word.first else { return true }
            guard word.count <= folded.count else { return false }
            for start in 0...(folded.count - word.count)
            where folded[start] == first && folded[start..<(start + word.count)].elementsEqual(word) {
                return true
            }
            return false
        }
    }

    fileprivate static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
