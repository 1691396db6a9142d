import AcumenCore
import AcumenStore
import Plot
import Vapor

/// The forms raters answer: through their personal links, with no account needed (the link is
/// the key), or in Acumen when they are signed in (their session is the key).
struct RaterFormController: RouteCollection {
    static let pathPrefix = "/r/"
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        let link = routes.access(.raterLink)
        link.get("r", ":token", use: show)
        link.post("r", ":token", use: post)
        link.post("r", ":token", "autosave", use: autosave)
        link.post("r", ":token", "correct", use: correct)
        let signedIn = routes.access(.signedIn)
        signedIn.get("forms", ":invitationID", use: show)
        signedIn.post("forms", ":invitationID", use: post)
        signedIn.post("forms", ":invitationID", "autosave", use: autosave)
        signedIn.post("forms", ":invitationID", "correct", use: correct)
        routes.access(.anyone).get("assets", "rater-form.js", use: script)
    }

    @Sendable func show(request: Request) async throws -> Response {
        var session = try await open(request)
        // `?lang=fr` switches the form's language and remembers it, as the form's own switch does.
        if let tag = request.query[String.self, at: "lang"],
            let language = Language(rawValue: tag) ?? Language(tag: tag),
            language != session.invitation.language
        {
            try await session.chooseLanguage(language)
            session.invitation.language = language
        }
        let context = PageContext(translated: request, language: session.language(for: request))
        if session.invitation.hasSubmitted {
            return RaterFormPage.submitted(session: session.form, context: context).response()
        }
        try session.requireOpen()
        let fields = try await session.draft()
        return RaterFormPage.render(
            RaterFormPage.Model(session: session.form, fields: fields, problems: [], notice: nil), context: context
        ).response()
    }

    /// The whole form, posted by the Save or Submit button; works without JavaScript.
    @Sendable func post(request: Request) async throws -> Response {
        let session = try await open(request)
        let fields = try request.formFields()
        let form = session.read(fields)
        var context = PageContext(translated: request, language: session.language(for: request))
        let page = { (problems: [ValidationProblem], notice: String?, context: PageContext) in
            RaterFormPage.render(
                RaterFormPage.Model(session: session.form, fields: fields, problems: problems, notice: notice),
                context: context
            ).response(status: problems.isEmpty ? .ok : .unprocessableEntity)
        }
        guard form.fieldProblems.isEmpty else { return page(form.fieldProblems, nil, context) }
        let closes = ["closes": context.localizer.date(session.cycle.settings.closesOn)]
        switch fields["intent"] {
        case "submit":
            break
        case "language":
            // What was typed is saved first, so that nothing is lost with the change of language.
            try await session.saveDraft(form)
            guard let language = fields["language"].flatMap(Language.init(rawValue:)) else {
                return page([], context.localizer.text(RaterFormMessage.saved, closes), context)
            }
            try await session.chooseLanguage(language)
            context.localizer = request.localizer(language)
            return page(
                [], context.localizer.text(RaterFormMessage.languageChanged, ["language": language.nativeName]), context
            )
        default:
            try await session.saveDraft(form)
            return page([], context.localizer.text(RaterFormMessage.saved, closes), context)
        }
        switch try await session.submit(form, keepingDraft: true) {
        case .submitted:
            request.application.serviceMetrics.recordSubmission()
            return request.redirect(to: session.address.form)
        case .invalid(let problems), .incomplete(let problems): return page(problems, nil, context)
        }
    }

    @Sendable func autosave(request: Request) async throws -> AutosaveResult {
        let session = try await open(request)
        let field = try request.decodeForm(AutosaveField.self)
        try await session.autosave(name: field.name, value: field.value ?? "")
        guard session.invitation.source != .customer else { return AutosaveResult(saved: true) }
        return .after(
            saving: field.name, fields: try await session.draft(), framework: session.framework,
            text: request.localizer(session.language(for: request)))
    }

    @Sendable func correct(request: Request) async throws -> Response {
        let session = try await open(request)
        try await session.reopenForCorrection()
        return request.redirect(to: session.address.form)
    }

    @Sendable func script(request: Request) async throws -> Response {
        CompiledAsset.response(RaterFormScript.source, type: CompiledAsset.javascript)
    }

    private func open(_ request: Request) async throws -> RaterUseCases {
        let identity = RaterIdentity(secret: settings.anonymityKey)
        if let invitationID = request.parameters.get("invitationID") {
            guard let id = UUID(uuidString: invitationID) else { throw AppError.notFound("That form") }
            return try await RaterUseCases.open(
                invitationID: id, viewer: try request.requireUser().viewer, database: request.db,
                submissions: request.application.submissionGroups, identity: identity)
        }
        return try await RaterUseCases.open(
            token: request.parameters.get("token") ?? "", database: request.db,
            submissions: request.application.submissionGroups, identity: identity)
    }
}
