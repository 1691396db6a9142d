import AcumenCore
import Plot
import Vapor

/// A language chosen by programme staff for others (an account's customers, one rater): one
/// of the languages raters' forms ship in, or none, which leaves each reader's browser to choose.
struct LanguageChoice: Content {
    var language: String

    /// The language chosen; nil for "none"; 400 for anything else.
    static func read(_ choice: LanguageChoice) throws -> Language? {
        guard !choice.language.isEmpty else { return nil }
        guard let language = Language(rawValue: choice.language) else {
            throw AppError.badRequest("Choose a language from the list.", field: "language")
        }
        return language
    }

    /// The form that changes it: a list of languages, each named in English and in itself.
    static func form(
        url: String, selected: Language?, label: String, noneLabel: String, csrf: String, button: String = "Save"
    ) -> Component {
        Form(
            url: url, method: .post,
            content: {
                CSRFField(token: csrf)
                SelectField(
                    label: label, name: "language",
                    choices: [.init(value: "", label: noneLabel)]
                        + Language.allCases.map { .init(value: $0.tag, label: $0.listName) },
                    selected: selected?.tag ?? "")
                SubmitButton(title: button, style: "button")
            }
        ).class("language-choice")
    }
}

extension Language {
    /// The language's name in English, for programme pages.
    var englishName: String { Localizer(.english).name(of: ContentLanguage(self)) }

    /// "French (Français)": found by the programme manager who reads English, and by the reader.
    var listName: String { self == .english ? "English" : "\(englishName) (\(nativeName))" }
}
