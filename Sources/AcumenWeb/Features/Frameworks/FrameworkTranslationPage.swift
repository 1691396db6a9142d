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
        let text = context.localizer
        let languageName = text.name(of: ContentLanguage(language))
        let framework = text.text(
            FrameworkMessage.pageTitle,
            ["name": version.summary.name, "version": text.integer(version.summary.version)])
        let parts = content.parts
        let done = parts.filter { !(texts[$0.part.key] ?? "").isEmpty }.count
        return Layout.page(
            text.text(TranslationMessage.pageTitle, ["framework": framework, "language": languageName]),
            context: context
        ) {
            Paragraph { Link(framework, url: SitePath.framework.url(version.summary.id)) }.class("breadcrumb")
            H1(text.text(TranslationMessage.heading, ["language": languageName]))
            Paragraph(
                text.text(
                    TranslationMessage.intro, ["language": languageName, "original": text.name(of: content.language)])
            ).class("hint")
            Paragraph(
                text.text(
                    FrameworkEditMessage.translated, ["done": text.integer(done), "total": text.integer(parts.count)])
                    + "."
            ).attribute(named: "role", value: "status")
            ProblemList(
                problems: problems,
                labels: Dictionary(
                    problems.map { ($0.location, label(for: $0.location, in: content, text: text)) },
                    uniquingKeysWith: { first, _ in first }),
                heading: text.text(FrameworkFormMessage.nothingSaved), text: text)
            Form(
                url: SitePath.frameworkTranslation.url(version.summary.id, language.tag), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    for (part, original) in parts {
                        field(
                            part, original: original, language: language, content: content, texts: texts,
                            problem: problems.message(for: part.key), text: text)
                    }
                    SubmitButton(title: text.text(TranslationMessage.save, ["language": languageName]))
                })
        }
    }

    private static func field(
        _ part: FrameworkPart, original: String, language: Language, content: FrameworkContent,
        texts: [String: String], problem: String?, text: Localizer
    ) -> Component {
        let name = fieldPrefix + part.key
        let value = texts[part.key] ?? ""
        let label = text.text(
            TranslationMessage.fieldLabel,
            [
                "part": label(for: part.key, in: content, text: text),
                "language": text.name(of: ContentLanguage(language)),
            ])
        return Div {
            if case .competencyTitle(let code) = part { H2(code) }
            // The original, above the field that translates it, in its own language.
            Paragraph {
                Span(text.text(TranslationMessage.original) + " ").class("hint")
                Span(original).attribute(named: "lang", value: content.language.tag)
            }.class("original")
            switch part {
            case .name, .level, .categoryTitle, .competencyTitle:
                Field(label: label, name: name, value: value, problem: problem, valueLanguage: language.tag)
            case .description, .categoryDescription, .competencyDescription, .behaviour:
                AreaField(
                    label: label, name: name, value: value, rows: 2, problem: problem, valueLanguage: language.tag)
            }
        }.class("translation-part")
    }

    /// A part named as a programme manager reads it: "OM.1 title", "OM.1 Advanced behaviour 2".
    static func label(for key: String, in content: FrameworkContent, text: Localizer) -> String {
        let pieces = key.split(separator: "/").map(String.init)
        let number = { (piece: String) in text.integer((Int(piece) ?? 0) + 1) }
        switch (pieces.first, pieces.count, pieces.last) {
        case ("name", 1, _): return text.text(FrameworkFormMessage.name)
        case ("description", 1, _): return text.text(FrameworkFormMessage.description)
        case ("level", 2, let position?): return text.text(TranslationMessage.levelName, ["number": number(position)])
        case ("category", 3, "title"): return text.text(TranslationMessage.categoryTitle, ["code": pieces[1]])
        case ("category", 3, "description"):
            return text.text(TranslationMessage.categoryDescription, ["code": pieces[1]])
        case ("competency", 3, "title"): return text.text(TranslationMessage.competencyTitle, ["code": pieces[1]])
        case ("competency", 3, "description"):
            return text.text(TranslationMessage.competencyDescription, ["code": pieces[1]])
        case ("behaviour", 4, let position?):
            let level = Int(pieces[2]).flatMap { content.levels.name(at: $0) } ?? pieces[2]
            return text.text(
                TranslationMessage.behaviour, ["code": pieces[1], "level": level, "number": number(position)])
        default: return key
        }
    }
}

/// The words of a framework's translation page (programme staff, English for now).
enum TranslationMessage: String, MessageKey, CaseIterable {
    case pageTitle = "translation.pageTitle"
    case heading = "translation.heading"
    case intro = "translation.intro"
    case save = "translation.save"
    case fieldLabel = "translation.fieldLabel"
    case original = "translation.original"
    case levelName = "translation.levelName"
    case categoryTitle = "translation.categoryTitle"
    case categoryDescription = "translation.categoryDescription"
    case competencyTitle = "translation.competencyTitle"
    case competencyDescription = "translation.competencyDescription"
    case behaviour = "translation.behaviour"
}
