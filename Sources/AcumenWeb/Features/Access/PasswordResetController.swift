import AcumenCore
import AcumenStore
import Fluent
import Plot
import Vapor

/// Setting a forgotten password through a link sent by e-mail.
///
/// Asking for a link answers the same whether or not the address belongs to an account, so the
/// page cannot be used to find out who has one. A link works once, for an hour, and only while
/// its account is enabled; using it ends every session and API token of the account. Requests
/// are limited per account (a stranger cannot fill someone's inbox) and per client address.
struct PasswordResetController: RouteCollection {
    let settings: AcumenSettings
    static let linkLifetime: TimeInterval = 3600
    static let linksPerAccountPerHour = 3
    static let requestsPerAddressPerHour = 10

    func boot(routes: any RoutesBuilder) throws {
        let anyone = routes.access(.anyone)
        anyone.get("password", "forgot", use: requestForm)
        anyone.post("password", "forgot", use: request)
        anyone.get("password", "reset", ":token", use: resetForm)
        anyone.post("password", "reset", use: reset)
    }

    struct RequestForm: Content {
        var email: String?
    }

    struct ResetForm: Content {
        var token: String?
        var new: String?
        var confirm: String?
    }

    @Sendable func requestForm(request: Request) async throws -> Response {
        PasswordResetPage.request(email: "", problem: nil, context: PageContext(translated: request)).response()
    }

    @Sendable func request(request: Request) async throws -> Response {
        let context = PageContext(translated: request)
        let email = (try? request.content.decode(RequestForm.self))?.email?.trimmingCharacters(in: .whitespaces) ?? ""
        guard email.contains("@"), email.utf8.count <= 320 else {
            return PasswordResetPage.request(email: email, problem: .emailNeeded, context: context)
                .response(status: .unprocessableEntity)
        }
        let users = UserRepository(database: request.db)
        let address = request.clientAddress(trustingForwardedFor: settings.trustsForwardedFor)
        let requests = try await users.recordFailedSignIn(subject: "reset:\(address)", window: 3600)
        guard requests <= Self.requestsPerAddressPerHour else {
            let response = PasswordResetPage.request(email: email, problem: .throttled, context: context)
                .response(status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: "3600")
            return response
        }
        // Whether the address has an account is decided after the answer has gone: looking the
        // account up and queueing its link take time that an unknown address would not, and
        // that difference would tell a stranger who has an account.
        let sender = LinkSender(
            database: request.application.db, catalogue: request.application.messageCatalogue,
            browserLanguage: request.readerLanguage(), baseURL: settings.publicBaseURL, logger: request.logger)
        Task { await sender.send(to: email) }
        return PasswordResetPage.sent(email: email, context: context).response()
    }

    @Sendable func resetForm(request: Request) async throws -> Response {
        let context = PageContext(translated: request)
        let token = request.parameters.get("token") ?? ""
        guard try await PasswordResetRepository(database: request.db).isUsable(tokenHash: SecretToken.digest(token))
        else { return PasswordResetPage.unusable(context: context).response(status: .gone) }
        return PasswordResetPage.reset(token: token, problems: [], context: context).response()
    }

    @Sendable func reset(request: Request) async throws -> Response {
        let context = PageContext(translated: request)
        let form = (try? request.content.decode(ResetForm.self)) ?? ResetForm()
        let token = form.token ?? ""
        let resets = PasswordResetRepository(database: request.db)
        guard try await resets.isUsable(tokenHash: SecretToken.digest(token)) else {
            return PasswordResetPage.unusable(context: context).response(status: .gone)
        }
        let new = form.new ?? ""
        let problems = PasswordController.problems(newPassword: new, confirmation: form.confirm ?? "")
        guard problems.isEmpty else {
            return PasswordResetPage.reset(token: token, problems: problems, context: context)
                .response(status: .unprocessableEntity)
        }
        let hash = try await request.password.async.hash(new)
        guard try await resets.redeem(tokenHash: SecretToken.digest(token), passwordHash: hash) != nil else {
            // Used by another request in the moment since the check above.
            return PasswordResetPage.unusable(context: context).response(status: .gone)
        }
        request.flash(context.localizer.text(PasswordResetMessage.done))
        return request.redirect(to: SitePath.login.url())
    }
}

extension PasswordResetController {
    /// Issues and queues a reset link for an enabled account of the address, if there is one.
    struct LinkSender: Sendable {
        let database: any Database
        let catalogue: MessageCatalogue
        let browserLanguage: Language
        let baseURL: String
        let logger: Logger

        func send(to email: String) async {
            do {
                guard let user = try await UserRepository(database: database).user(email: email), !user.isDisabled
                else { return }
                let token = SecretToken.generate()
                let issued = try await PasswordResetRepository(database: database).issue(
                    userID: user.id, tokenHash: SecretToken.digest(token), lifetime: linkLifetime,
                    limit: linksPerAccountPerHour, window: 3600)
                guard issued else { return }
                try await OutboxRepository(database: database).enqueue(
                    PasswordResetMail.message(
                        link: baseURL + SitePath.passwordReset.url(token), to: user.email,
                        text: Localizer(user.language ?? browserLanguage, catalogue: catalogue)))
            } catch {
                logger.error("A password reset link could not be queued: \(String(describing: error))")
            }
        }
    }
}

/// The e-mail carrying a reset link, in the language the user chose (else the one their
/// browser asked for when they requested it).
enum PasswordResetMail {
    static func message(link: String, to email: String, text: Localizer) -> OutgoingMessage {
        OutgoingMessage(
            recipient: email, subject: text.text(PasswordResetMessage.mailSubject),
            body: """
                \(text.text(PasswordResetMessage.mailGreeting))

                \(text.text(PasswordResetMessage.mailAsked))
                \(link)

                \(text.text(PasswordResetMessage.mailIgnore))
                """)
    }
}
