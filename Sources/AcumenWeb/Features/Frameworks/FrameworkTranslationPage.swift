import AcumenCore
import Plot

/// Every text of a framework beside a field for its translation into one language: the name,
/// the levels, each category, and each competency with its behaviours, in reading order.
enum FrameworkTranslationPage {
    static let fieldPrefix = "t:"

    static func render(
        _ version: FrameworkVersion, language: Language, texts: [String: String], problems: [ValidationProblem],
        context: PageContext
    ) -> HTMLPage {
        let content = version.content
        let english = Localizer(.english)
        let languageName = english.name(of: ContentLanguage(language))
        let title = "\(version.summary.name), version \(version.summary.version): \(languageName) translation"
        let parts = content.parts
        let done = parts.filter { !(texts[$0.part.key] ?? "").isEmpty }.count
        return Layout.page(title, context: context) {
            Paragraph {
                Link(
                    "\(version.summary.name), version \(version.summary.version)",
                    url: SitePath.framework.url(version.summary.id))
            }.class("breadcrumb")
            H1("Translate into \(languageName)")
            Paragraph(
                "Write each text as a \(languageName) reader would say it, not word for word. A text left blank is shown as written, in \(english.name(of: content.language)), with a note that it is not translated. When an original text changes in a later edit, its translation is dropped, so that no reader sees a translation of words that are gone."
            ).class("hint")
            Paragraph("\(done) of \(parts.count) texts translated.").attribute(named: "role", value: "status")
            ProblemList(
                problems: problems.map { problem in
                    ValidationProblem(
                        location: label(for: problem.location, in: content), message: problem.message)
                })
            Form(
                url: SitePath.frameworkTranslation.url(version.summary.id, language.tag), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    for (part, original) in parts {
                        field(
                            part, original: original, language: language, content: content, texts: texts,
                            problem: problems.message(for: part.key))
                    }
                    SubmitButton(title: "Save the \(languageName) translation")
                })
        }
    }

    private static func field(
        _ part: FrameworkPart, original: String, language: Language, content: FrameworkContent,
        texts: [String: String], problem: String?
    ) -> Component {
        let name = fieldPrefix + part.key
        let value = texts[part.key] ?? ""
        return Div {
            if case .competencyTitle(let code) = part { H2(code) }
            // The original, above the field that translates it, in its own language.
            Paragraph {
                Span("Original: ").class("hint")
                Span(original).attribute(named: "lang", value: content.language.tag)
            }.class("original")
            switch part {
            case .name, .level, .categoryTitle, .competencyTitle:
                Field(
                    label:
                        "\(label(for: part.key, in: content)) in \(language.englishName)",
                    name: name, value: value, problem: problem, valueLanguage: language.tag)
            case .description, .categoryDescription, .competencyDescription, .behaviour:
                AreaField(
                    label:
                        "\(label(for: part.key, in: content)) in \(language.englishName)",
                    name: name, value: value, rows: 2, problem: problem, valueLanguage: language.tag)
            }
        }.class("translation-part")
    }

    /// A part named as a programme manager reads it: "OM.1 title", "OM.1 Advanced behaviour 2".
    static func label(for key: String, in content: FrameworkContent) -> String {
        let pieces = key.split(separator: "/").map(String.init)
        switch pieces.first {
        case "name": return "Name"
        case "description": return "Description"
        case "level": return "Level \(Int(pieces.last ?? "") .map { $0 + 1 } ?? 0) name"
        case "category" where pieces.count == 3: return "Category \(pieces[1]) \(pieces[2])"
        case "competency" where pieces.count == 3: return "\(pieces[1]) \(pieces[2])"
        case "behaviour" where pieces.count == 4:
            let level = Int(pieces[2]).flatMap { content.levels.name(at: $0) } ?? "level \(pieces[2])"
            return "\(pieces[1]) \(level) behaviour \((Int(pieces[3]) ?? 0) + 1)"
        default: return key
        }
    }
}
