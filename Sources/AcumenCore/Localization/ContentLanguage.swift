import Foundation

/// The language content was written in: any BCP 47 tag, since a framework imported from
/// another system keeps its own (Italian, Hebrew), not only the languages Acumen's pages ship in.
public struct ContentLanguage: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Normalised: `en`, `fr-CA`, `zh-Hans`.
    public let tag: String

    public static let english = ContentLanguage(.english)

    public init(_ language: Language) {
        tag = language.tag
    }

    /// A well-formed tag (letters and digits in hyphenated subtags, a 2 or 3 letter language
    /// first), else nil. Case follows BCP 47's conventions: `pt-BR`, `zh-Hans`.
    public init?(tag text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
            .map(String.init)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
            parts.count <= 8,
            parts.dropFirst().allSatisfy({
                (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            })
        else { return nil }
        tag =
            ([first.lowercased()]
            + parts.dropFirst().map { part in
                switch part.count {
                case 2 where part.allSatisfy(\.isLetter): part.uppercased()
                case 4 where part.allSatisfy(\.isLetter): part.prefix(1).uppercased() + part.dropFirst().lowercased()
                default: part.lowercased()
                }
            }).joined(separator: "-")
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let language = ContentLanguage(tag: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a BCP 47 language tag"))
        }
        self = language
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tag)
    }

    public var description: String { tag }

    /// The shipped language a reader would choose for this content, if any.
    public var readerLanguage: Language? { Language(rawValue: tag) ?? Language(tag: tag) }

    /// Scripts written right to left, by the language's primary subtag.
    public var isRightToLeft: Bool {
        let primary = tag.split(separator: "-").first.map(String.init) ?? tag
        return ["ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"].contains(primary)
    }
}
