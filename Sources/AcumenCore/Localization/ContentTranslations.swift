import Foundation

/// Translations of built-in content (the questionnaire, the Global Mobility model), written
/// for Acumen and shipped as one JSON file per piece of content: per language, a title, an
/// introduction, questions by code, and framework texts by part key (`FrameworkPart.key`).
public struct ContentTranslations: Decodable, Sendable, Hashable {
    public var title: String?
    public var introduction: String?
    public var questions: [String: String]
    public var texts: [String: String]

    private enum CodingKeys: String, CodingKey {
        case title, introduction, questions, texts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        introduction = try container.decodeIfPresent(String.self, forKey: .introduction)
        questions = try container.decodeIfPresent([String: String].self, forKey: .questions) ?? [:]
        texts = try container.decodeIfPresent([String: String].self, forKey: .texts) ?? [:]
    }

    /// Reads a file's translations by language; languages Acumen does not ship are left out.
    public static func decode(_ data: Data) throws -> [Language: ContentTranslations] {
        let byTag = try JSONDecoder().decode([String: ContentTranslations].self, from: data)
        return Dictionary(
            uniqueKeysWithValues: byTag.compactMap { tag, content in Language(rawValue: tag).map { ($0, content) } })
    }

    /// The shipped translations of one piece of content; none when the file is missing or
    /// broken, which the content tests catch.
    static func load(_ name: String) -> [Language: ContentTranslations] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Content"),
            let data = try? Data(contentsOf: url), let translations = try? decode(data)
        else { return [:] }
        return translations
    }
}
