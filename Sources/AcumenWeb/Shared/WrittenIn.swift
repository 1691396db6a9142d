import AcumenCore
import Plot

extension Component {
    /// Content written in another language than the page's carries its own `lang` and
    /// direction: a screen reader then pronounces it in its language, and an English question
    /// on a right-to-left page keeps its full stop at its end.
    func written(in language: ContentLanguage, on page: Localizer) -> Component {
        guard language.tag != page.language.tag else { return self }
        return attribute(named: "lang", value: language.tag)
            .attribute(named: "dir", value: language.isRightToLeft ? "rtl" : "ltr")
    }
}

extension FrameworkContent {
    /// One part of the framework as the reader gets it, marked when it is shown as written.
    func span(_ part: FrameworkPart, text: Localizer) -> Component {
        let shown = self.text(part, in: text.language)
        return Span(shown.text).written(in: shown.language, on: text)
    }
}
