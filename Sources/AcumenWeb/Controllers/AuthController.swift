import AcumenCore
import AcumenStore
import Fluent
import Plot
import Vapor

/// Signing in and out in the browser, and exchanging credentials for an API token.
struct AuthController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: showLogin)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
        routes.grouped("api", "v1", "auth").post("token", use: issueToken)
    }

    struct Credentials: Content {
        var email: String
        var password: String
        var next: String?
    }

    @Sendable func showLogin(request: Request) async throws -> Response {
        if request.currentUser != nil { return request.redirect(to: "/frameworks") }
        let next = safeTarget(try? request.query.get(String.self, at: "next"))
        return LoginPage.render(context: PageContext(request), email: "", next: next, error: nil)
    }

    @Sendable func login(request: Request) async throws -> Response {
        let form = try? request.content.decode(Credentials.self)
        let email = form?.email.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
        let next = safeTarget(form?.next)
        do {
            let user = try await verify(email: email, password: form?.password ?? "", request: request)
            // A new session id on sign-in prevents session fixation: the old row goes, a new cookie comes.
            let sessions = WebSessionRepository(database: request.db)
            if let old = request.session.id {
                try await sessions.delete(tokenHash: SecretToken.digest(old.string))
                request.session.id = nil
            }
            request.session.data[SessionKeys.userID] = user.id.uuidString
            request.session.data[SessionKeys.csrf] = SecretToken.generate()
            try? await sessions.deleteExpired()
            return request.redirect(to: next ?? "/frameworks")
        } catch let error as AppError {
            return LoginPage.render(
                context: PageContext(request), email: email, next: next, error: error.message, status: error.status)
        }
    }

    @Sendable func logout(request: Request) async throws -> Response {
        request.auth.logout(UserAccount.self)
        request.session.destroy()
        return request.redirect(to: "/login")
    }

    struct TokenResponse: Content {
        var token: String
        var tokenType = "Bearer"
        var expiresAt: Date
    }

    @Sendable func issueToken(request: Request) async throws -> TokenResponse {
        let credentials: Credentials
        do {
            credentials = try request.content.decode(Credentials.self)
        } catch {
            throw AppError.badRequest("Send a JSON body with email and password.", field: "email")
        }
        let user = try await verify(
            email: credentials.email.lowercased(), password: credentials.password, request: request)
        return try await Self.issueToken(for: user, lifetime: settings.tokenLifetime, database: request.db)
    }

    static func issueToken(for user: UserAccount, lifetime: TimeInterval, database: any Database) async throws
        -> TokenResponse
    {
        let token = SecretToken.generate()
        let expiresAt = Date().addingTimeInterval(lifetime)
        try await UserRepository(database: database).storeToken(
            hash: SecretToken.digest(token), userID: user.id, expiresAt: expiresAt)
        return TokenResponse(token: token, expiresAt: expiresAt)
    }

    /// Checks a password, counting failures per email so that guessing is slowed for everyone
    /// sharing the database. The same message is given for an unknown email and a wrong password.
    private func verify(email: String, password: String, request: Request) async throws -> UserAccount {
        let users = UserRepository(database: request.db)
        let subject = "email:\(email)"
        let failures = try await users.failedSignIns(subject: subject, window: settings.throttleWindow)
        guard failures < settings.maximumFailedSignIns else {
            throw AppError(
                .tooManyRequests, code: "throttled",
                message:
                    "Too many failed sign-ins for this email. Wait \(Int(settings.throttleWindow / 60)) minutes and try again."
            )
        }
        guard !email.isEmpty, !password.isEmpty, password.count <= 1024,
            let user = try await users.user(email: email), !user.isDisabled,
            (try? await request.password.async.verify(password, created: user.passwordHash)) == true
        else {
            try await users.recordFailedSignIn(subject: subject, window: settings.throttleWindow)
            throw AppError(.unauthorized, code: "unauthorised", message: "That email and password do not match.")
        }
        try await users.clearFailedSignIns(subject: subject)
        return user
    }

    /// Only paths on this site are followed after sign-in, never another origin.
    private func safeTarget(_ target: String?) -> String? {
        guard let target, target.hasPrefix("/"), !target.hasPrefix("//"), !target.contains("\\") else { return nil }
        return target
    }
}
