import AcumenCore
import Foundation

/// A framework's translations as its `translations` column holds them: JSON, language tag to
/// part key to text, with sorted keys so that the same translations are stored the same way.
enum FrameworkTranslationColumn {
    static func encode(_ translations: [Language: [String: String]]) -> String? {
        let byTag = Dictionary(
            uniqueKeysWithValues: translations.compactMap { language, texts in
                texts.isEmpty ? nil : (language.tag, texts)
            })
        guard !byTag.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(byTag)).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// Unknown languages and unreadable text are left out: a translation is never worth
    /// refusing to show the framework itself.
    static func decode(_ text: String?) -> [Language: [String: String]] {
        guard let data = text?.data(using: .utf8),
            let byTag = try? JSONDecoder().decode([String: [String: String]].self, from: data)
        else { return [:] }
        return Dictionary(
            uniqueKeysWithValues: byTag.compactMap { tag, texts in Language(rawValue: tag).map { ($0, texts) } })
    }
}
