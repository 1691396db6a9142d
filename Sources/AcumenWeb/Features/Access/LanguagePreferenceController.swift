import AcumenCore
import AcumenStore
import Vapor

/// A signed-in person's choice of language for Acumen, made at the foot of every page; "as my
/// browser asks" clears it. They come back to the page they chose it on.
struct LanguagePreferenceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.signedIn).post("preferences", "language", use: choose)
    }

    struct Choice: Content {
        var language: String
        var back: String?
    }

    @Sendable func choose(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let choice = try request.decodeForm(Choice.self)
        let language: Language?
        if choice.language.isEmpty {
            language = nil
        } else if let chosen = Language(rawValue: choice.language), chosen.coversEveryPage {
            language = chosen
        } else {
            throw AppError.badRequest("Choose a language from the list.", field: "language")
        }
        try await UserRepository(database: request.db).setLanguage(userID: user.id, language)
        return request.redirect(to: SafeRedirect.path(choice.back) ?? SitePath.home.url())
    }
}
