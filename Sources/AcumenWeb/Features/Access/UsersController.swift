import AcumenCore
import AcumenStore
import Plot
import Vapor

/// Logins, for administrators: list, create, disable and enable.
struct UsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.access(.permitted(AccessPolicy.self, .manageUsers)).grouped("users")
        users.get(use: list)
        users.post(use: create)
        users.post(":userID", "disable", use: disable)
        users.post(":userID", "enable", use: enable)
        users.post(":userID", "sessions", "end", use: endSessions)
    }

    struct NewUserForm: Content {
        var email: String
        var role: String
        var password: String
    }

    /// The list, with the new-user form filled in from `email` and `role` in the address when
    /// another page sends a person here to be given a login.
    @Sendable func list(request: Request) async throws -> Response {
        let email = request.query[String.self, at: "email"].map { String($0.prefix(TextLimits.name)) }
        let role = request.query[String.self, at: "role"].flatMap(Role.init(parsing:))
        let form = email.map { NewUserForm(email: $0, role: (role ?? .accountManager).rawValue, password: "") }
        return UsersPage.render(
            users: try await UserRepository(database: request.db).users(), form: form, problems: [],
            context: PageContext(request)
        ).response()
    }

    @Sendable func create(request: Request) async throws -> Response {
        let form = try request.decodeForm(NewUserForm.self)
        var problems: [ValidationProblem] = []
        let role = Role(parsing: form.role)
        if role == nil {
            problems.append(ValidationProblem(location: "role", wording: CatalogueText(UsersMessage.chooseRole)))
        }
        if PasswordRule.isTooShort(form.password) {
            problems.append(
                ValidationProblem(location: "password", wording: CatalogueText(UsersMessage.passwordTooShort)))
        }
        if PasswordRule.isTooLong(form.password) {
            problems.append(
                ValidationProblem(location: "password", wording: CatalogueText(UsersMessage.passwordTooLong)))
        }
        if problems.isEmpty, let role {
            do {
                let user = try await UserRepository(database: request.db).create(
                    email: form.email, passwordHash: try await request.password.async.hash(form.password), role: role)
                let text = request.readersLocalizer
                request.flash(
                    text.text(UsersMessage.created, ["email": user.email, "role": text.text(RoleMessage(user.role))]))
                return request.redirect(to: SitePath.users.url())
            } catch StoreError.invalid {
                problems.append(
                    ValidationProblem(
                        location: "email", wording: CatalogueText(UsersMessage.notAnAddress, ["email": form.email])))
            } catch StoreError.conflict {
                problems.append(
                    ValidationProblem(
                        location: "email", wording: CatalogueText(UsersMessage.addressTaken, ["email": form.email])))
            }
        }
        let response = UsersPage.render(
            users: try await UserRepository(database: request.db).users(), form: form, problems: problems,
            context: PageContext(request)
        ).response()
        response.status = .unprocessableEntity
        return response
    }

    @Sendable func disable(request: Request) async throws -> Response {
        try await setDisabled(true, request)
    }

    @Sendable func enable(request: Request) async throws -> Response {
        try await setDisabled(false, request)
    }

    /// Signs the user out everywhere: every browser session and API token ends at once (an
    /// administrator's own current session is kept).
    @Sendable func endSessions(request: Request) async throws -> Response {
        guard let id = request.parameters.get("userID", as: UUID.self),
            let user = try await UserRepository(database: request.db).user(id: id)
        else { throw AppError.notFound("That user") }
        let ended = try await WebSessionRepository(database: request.db).endSessions(
            userID: id, keeping: request.session.id.map { SecretToken.digest($0.string) })
        request.flash(
            request.readersLocalizer.text(
                UsersMessage.sessionsEnded, ["email": user.email, "count": String(ended)]))
        return request.redirect(to: SitePath.users.url())
    }

    private func setDisabled(_ disabled: Bool, _ request: Request) async throws -> Response {
        let me = try request.requireUser()
        guard let id = request.parameters.get("userID", as: UUID.self) else { throw AppError.notFound("That user") }
        guard id != me.id else {
            throw AppError(.conflict, code: "conflict", message: "You cannot disable your own login.")
        }
        try await UserRepository(database: request.db).setDisabled(userID: id, disabled)
        request.flash(request.readersLocalizer.text(disabled ? UsersMessage.disabledNow : .enabledAgain))
        return request.redirect(to: SitePath.users.url())
    }
}
