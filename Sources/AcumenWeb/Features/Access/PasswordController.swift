import AcumenCore
import AcumenStore
import Plot
import Vapor

/// `/account/password`: a signed-in person changes their own password. The change ends every
/// other session and every API token of theirs, so that a password someone else learnt stops
/// working everywhere; this browser stays signed in.
struct PasswordController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.access(.signedIn)
        signedIn.get("account", "password", use: form)
        signedIn.post("account", "password", use: change)
    }

    struct ChangeForm: Content {
        var current: String
        var new: String
        var confirm: String
    }

    @Sendable func form(request: Request) async throws -> Response {
        PasswordPage.render(problems: [], context: PageContext(request)).response()
    }

    @Sendable func change(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.decodeForm(ChangeForm.self)
        var problems: [ValidationProblem] = []
        func refuse(_ field: String, _ message: PasswordMessage) {
            problems.append(ValidationProblem(location: field, wording: CatalogueText(message)))
        }
        if !(try await request.password.async.verify(form.current, created: user.passwordHash)) {
            refuse("current", .wrongCurrent)
        }
        problems += Self.problems(newPassword: form.new, confirmation: form.confirm)
        if problems.isEmpty, form.new == form.current { refuse("new", .same) }
        guard problems.isEmpty else {
            let response = PasswordPage.render(problems: problems, context: PageContext(request)).response()
            response.status = .unprocessableEntity
            return response
        }
        try await UserRepository(database: request.db).setPassword(
            userID: user.id, passwordHash: try await request.password.async.hash(form.new))
        try await WebSessionRepository(database: request.db).endSessions(
            userID: user.id, keeping: request.session.id.map { SecretToken.digest($0.string) })
        request.flash(request.readersLocalizer.text(PasswordMessage.changed))
        return request.redirect(to: SitePath.home.url())
    }

    /// What is wrong with a new password and its confirmation, wherever a person chooses one
    /// (here, and through a reset link).
    static func problems(newPassword: String, confirmation: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func refuse(_ field: String, _ message: PasswordMessage) {
            problems.append(ValidationProblem(location: field, wording: CatalogueText(message)))
        }
        if PasswordRule.isTooShort(newPassword) { refuse("new", .tooShort) }
        if PasswordRule.isTooLong(newPassword) { refuse("new", .tooLong) }
        if newPassword != confirmation { refuse("confirm", .mismatch) }
        return problems
    }
}

enum PasswordPage {
    static func render(problems: [ValidationProblem], context: PageContext) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(PasswordMessage.title), context: context) {
            H1(text.text(PasswordMessage.title))
            ProblemList(
                problems: problems,
                labels: ["current": PasswordMessage.current, "new": .new, "confirm": .confirm].mapValues {
                    text.text($0)
                }, heading: text.text(FrameworkFormMessage.nothingSaved), text: text)
            Form(url: SitePath.passwordChange.url(), method: .post) {
                CSRFField(token: context.csrf)
                Field(
                    label: text.text(PasswordMessage.current), name: "current", type: .password, required: true,
                    autocomplete: "current-password", problem: problems.message(for: "current", in: text))
                Field(
                    label: text.text(PasswordMessage.new), name: "new", type: .password, required: true,
                    hint: text.text(PasswordMessage.hint), autocomplete: "new-password",
                    maxLength: PasswordRule.longest,
                    problem: problems.message(for: "new", in: text))
                Field(
                    label: text.text(PasswordMessage.confirm), name: "confirm", type: .password, required: true,
                    autocomplete: "new-password", maxLength: PasswordRule.longest,
                    problem: problems.message(for: "confirm", in: text))
                SubmitButton(title: text.text(PasswordMessage.save))
            }
        }
    }
}

enum PasswordMessage: String, MessageKey, CaseIterable {
    case title = "password.title"
    case current = "password.current"
    case new = "password.new"
    case confirm = "password.confirm"
    case hint = "password.hint"
    case save = "password.save"
    case changed = "password.changed"
    case wrongCurrent = "password.problem.current"
    case tooShort = "password.problem.short"
    case tooLong = "password.problem.long"
    case mismatch = "password.problem.mismatch"
    case same = "password.problem.same"
    case link = "password.link"
}
