import AcumenCore
import Foundation

/// Values by language as a TEXT column holds them: JSON keyed by language tag, with sorted keys
/// so that the same values are stored the same way. A question's translations are texts; a
/// framework's are texts by part key.
enum LanguageKeyedColumn {
    static func encode<Value: Encodable & Collection>(_ values: [Language: Value]) -> String? {
        let byTag = Dictionary(
            uniqueKeysWithValues: values.compactMap { language, value in value.isEmpty ? nil : (language.tag, value) })
        guard !byTag.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(byTag)).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// Unknown languages and unreadable text are left out: a translation is never worth
    /// refusing to show the content itself.
    static func decode<Value: Decodable>(_ text: String?, as type: Value.Type = Value.self) -> [Language: Value] {
        guard let data = text?.data(using: .utf8),
            let byTag = try? JSONDecoder().decode([String: Value].self, from: data)
        else { return [:] }
        return Dictionary(
            uniqueKeysWithValues: byTag.compactMap { tag, value in Language(rawValue: tag).map { ($0, value) } })
    }
}
