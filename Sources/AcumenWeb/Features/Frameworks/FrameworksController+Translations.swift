import AcumenCore
import AcumenStore
import Vapor

/// Translating a framework's texts into a reader language, one language at a time. The
/// original is never changed here; a published version can be translated (see FrameworkPolicy).
extension FrameworksController {
    func loadForTranslating(_ request: Request) async throws -> (Loaded, Language) {
        let loaded = try await load(request)
        guard let language = request.parameters.get("language").flatMap(Language.init(rawValue:)),
            language != loaded.version.content.language.readerLanguage
        else { throw AppError.notFound("That translation") }
        guard
            FrameworkPolicy.allows(.translate, loaded.user.viewer, .init(status: loaded.summary.status))
        else {
            throw AppError(
                .conflict, code: "not_translatable",
                message:
                    "Version \(loaded.summary.version) is retired; its translations stay as they were. Translate the version in use."
            )
        }
        return (loaded, language)
    }

    @Sendable func editTranslation(request: Request) async throws -> Response {
        let (loaded, language) = try await loadForTranslating(request)
        return FrameworkTranslationPage.render(
            loaded.version, language: language,
            texts: loaded.version.content.translations[language] ?? [:], problems: [], context: PageContext(request)
        ).response()
    }

    @Sendable func saveTranslation(request: Request) async throws -> Response {
        let (loaded, language) = try await loadForTranslating(request)
        let fields = try request.formFields()
        let typed = Dictionary(
            uniqueKeysWithValues: fields.compactMap { name, value in
                name.hasPrefix(FrameworkTranslationPage.fieldPrefix)
                    ? (String(name.dropFirst(FrameworkTranslationPage.fieldPrefix.count)), value) : nil
            })
        switch loaded.version.content.translation(typed, into: language) {
        case .failure(let problems):
            return FrameworkTranslationPage.render(
                loaded.version, language: language, texts: typed, problems: problems.problems,
                context: PageContext(request)
            ).response(status: .unprocessableEntity)
        case .success(let texts):
            try await FrameworkRepository(database: request.db).setTranslation(
                id: loaded.summary.id, language: language, texts: texts)
            // Open cycles keep their framework in memory; they show the new translation at once.
            CycleForms.forget()
            let text = request.readersLocalizer
            request.flash(
                text.text(
                    FrameworkFlashMessage.translationSaved, ["language": text.name(of: ContentLanguage(language))]))
            return request.redirect(to: SitePath.frameworkTranslation.url(loaded.summary.id, language.tag))
        }
    }
}
