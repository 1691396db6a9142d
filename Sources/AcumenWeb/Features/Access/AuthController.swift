import AcumenCore
import AcumenStore
import Fluent
import Plot
import Vapor

/// Signing in and out in the browser, and exchanging credentials for an API token.
struct AuthController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        let anyone = routes.access(.anyone)
        anyone.get("login", use: showLogin)
        anyone.post("login", use: login)
        anyone.post("logout", use: logout)
        anyone.grouped("api", "v1", "auth").post("token", use: issueToken)
    }

    struct Credentials: Content {
        var email: String
        var password: String
        var next: String?
    }

    @Sendable func showLogin(request: Request) async throws -> Response {
        if request.currentUser != nil { return request.redirect(to: SitePath.home.url()) }
        let next = SafeRedirect.path(try? request.query.get(String.self, at: "next"))
        return LoginPage.render(context: PageContext(translated: request), email: "", next: next, error: nil)
            .response()
    }

    @Sendable func login(request: Request) async throws -> Response {
        let form = try? request.content.decode(Credentials.self)
        let email = form?.email.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
        let next = SafeRedirect.path(form?.next)
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
            try? await UserRepository(database: request.db).forgetFailedSignIns(
                before: Date().addingTimeInterval(-settings.signInThrottle.memory))
            let response = request.redirect(to: next ?? SitePath.home.url())
            response.cookies[DeviceCookie.name] = deviceCookie(for: email)
            return response
        } catch let error as AppError {
            let context = PageContext(translated: request)
            let response = LoginPage.render(
                context: context, email: email, next: next,
                error: error.localized?.text(context.localizer) ?? error.message
            ).response(status: error.status)
            error.addHeaders(to: response)
            return response
        }
    }

    @Sendable func logout(request: Request) async throws -> Response {
        request.auth.logout(UserAccount.self)
        request.session.destroy()
        return request.redirect(to: SitePath.login.url())
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

    /// Checks a password. Failures slow further attempts per client address and per e-mail
    /// (or per known device), with a growing delay rather than a lock (`SignInThrottle`). An
    /// unknown e-mail costs the same as a wrong password (a dummy hash is checked) and gets the
    /// same message, so neither the answer nor its timing tells whether an account exists.
    private func verify(email: String, password: String, request: Request) async throws -> UserAccount {
        let users = UserRepository(database: request.db)
        let throttle = settings.signInThrottle
        let device = DeviceCookie(secret: settings.anonymityKey).device(
            from: request.cookies[DeviceCookie.name]?.string, email: email)
        // A browser the owner has signed in from before is throttled on its own: neither someone
        // guessing this e-mail elsewhere nor someone failing behind the same address (a shared
        // office, a proxy) can keep the owner out.
        let subjects: [(key: String, free: Int)] =
            device.map { [("device:\($0)", throttle.freeFailuresPerAccount)] } ?? [
                (
                    "address:\(request.clientAddress(trustingForwardedFor: settings.trustsForwardedFor))",
                    throttle.freeFailuresPerAddress
                ),
                ("email:\(email)", throttle.freeFailuresPerAccount),
            ]
        let now = Date()
        for subject in subjects {
            guard let failures = try await users.failedSignIns(subject: subject.key, window: throttle.memory)
            else { continue }
            let wait = failures.last.addingTimeInterval(
                throttle.delay(afterFailures: failures.count, free: subject.free)
            )
            .timeIntervalSince(now)
            if wait > 0 {
                let seconds = Int(wait.rounded(.up))
                var error = AppError(
                    .tooManyRequests, code: "throttled",
                    message:
                        "Too many failed sign-ins. Wait \(seconds) second\(seconds == 1 ? "" : "s") and try again; the wait grows with each failure. If you have signed in on this device before, you can sign in here as usual."
                )
                error.retryAfter = seconds
                error.localized = LocalizedMessage(key: LoginMessage.throttled, count: seconds)
                throw error
            }
        }
        let user = email.isEmpty ? nil : try await users.user(email: email)
        let plausible = !password.isEmpty && password.utf8.count <= 1024
        let hash = user?.passwordHash ?? Self.dummyHash
        var matches = false
        if plausible { matches = (try? await request.password.async.verify(password, created: hash)) == true }
        guard let user, matches, !user.isDisabled else {
            for subject in subjects {
                try await users.recordFailedSignIn(subject: subject.key, window: throttle.memory)
            }
            var error = AppError(
                .unauthorized, code: "unauthorised", message: "That email and password do not match.")
            error.localized = LocalizedMessage(key: LoginMessage.mismatch)
            throw error
        }
        // The address keeps its count: an attacker with one valid account must not be able to
        // reset it between guesses at others.
        try await users.clearFailedSignIns(subject: subjects[subjects.count - 1].key)
        return user
    }

    /// A bcrypt hash of a random password that was thrown away, with the cost Acumen's own hashes
    /// use (12), checked when the e-mail is unknown so that the answer takes as long as for a
    /// real account. It is a constant: making one at start cost every command (`migrate`, `demo`)
    /// a quarter of a second, and knowing it helps no one, since no account has it.
    static let dummyHash = "$2b$12$tsC0kgQx/Cu9fpQpih7gM.5AH4MFtt.yIIJb.cxFjxKRKMmpM28v."

    private func deviceCookie(for email: String) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: DeviceCookie(secret: settings.anonymityKey).issue(email: email), maxAge: 365 * 24 * 3600,
            path: SitePath.login.url(), isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .strict)
    }

}

extension Request {
    /// The client's address: the connection's, or when the reverse proxy is trusted
    /// (`ACUMEN_TRUST_FORWARDED_FOR`) the one it appended last to `X-Forwarded-For`.
    func clientAddress(trustingForwardedFor trusted: Bool) -> String {
        if trusted, let forwarded = headers.first(name: .xForwardedFor)?.split(separator: ",").last {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
