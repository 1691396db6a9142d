import Vapor

/// Every state-changing request authenticated by the browser's cookie must prove that it came
/// from an Acumen page: forms carry the CSRF token in the `_csrf` field, and API calls made
/// with the session cookie carry it in the `X-CSRF-Token` header. Requests with a bearer token
/// are exempt, since a browser never attaches one on its own; so are raters' forms and their
/// API (`/r/`, `/api/v1/rater/`), whose secret link is itself the credential.
///
/// A visitor who is not signed in has no session (none is stored until sign-in); the sign-in
/// form's token is then a double-submit cookie, which another site can neither read nor set.
struct CSRFProtection: AsyncMiddleware {
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"
    static let anonymousCookie = "acumen_csrf"
    /// The largest form accepted: uploads of people files with tens of thousands of rows fit.
    static let maximumFormSize = 20 * 1024 * 1024
    /// /xapi/ takes HTTP basic credentials, which a browser may replay; but every write there must
    /// carry the X-Experience-API-Version header, which no cross-site form can set.
    static let exemptPrefixes = [RaterFormController.pathPrefix, "/api/v1/rater/", "/xapi/"]
    static let exemptPaths: Set<String> = ["/api/v1/auth/token"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard request.method != .GET, request.method != .HEAD, !Self.exemptPaths.contains(path),
            !Self.exemptPrefixes.contains(where: { path.hasPrefix($0) })
        else {
            return try await next.respond(to: request)
        }
        if request.wantsJSON {
            // Bearer requests carry their own proof; an API call with neither bearer nor
            // session is refused later as not signed in.
            guard request.headers.bearerAuthorization == nil, request.hasStoredSession else {
                return try await next.respond(to: request)
            }
            let sent = request.headers.first(name: Self.headerName)
            guard let expected = request.session.data[SessionKeys.csrf], let sent,
                SecretToken.constantTimeEqual(expected, sent)
            else {
                throw AppError(
                    .forbidden, code: "csrf",
                    message:
                        "API calls signed in with the browser's cookie must send the page's CSRF token in the \(Self.headerName) header; other clients use a bearer token."
                )
            }
            return try await next.respond(to: request)
        }
        // The body is collected here, before routing, so that the token can be read from any form.
        _ = try? await request.body.collect(max: Self.maximumFormSize).get()
        let expected =
            request.hasStoredSession
            ? request.session.data[SessionKeys.csrf] : request.cookies[Self.anonymousCookie]?.string
        let sent = try? request.content.get(String.self, at: Self.fieldName)
        guard let expected, let sent, SecretToken.constantTimeEqual(expected, sent) else {
            throw AppError(
                .forbidden, code: "csrf",
                message: "This form has expired or did not come from Acumen. Go back, reload the page and try again.")
        }
        return try await next.respond(to: request)
    }
}

/// Sets the double-submit cookie of visitors who are not signed in, when a page gave them one.
struct AnonymousCSRFCookie: AsyncMiddleware {
    struct PendingToken: StorageKey {
        typealias Value = String
    }

    let secure: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let token = request.storage[PendingToken.self] {
            response.cookies[CSRFProtection.anonymousCookie] = HTTPCookies.Value(
                string: token, maxAge: 12 * 3600, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

extension Request {
    /// Whether this request belongs to a session stored in the database (the browser signed in).
    var hasStoredSession: Bool {
        hasSession && session.id != nil
    }

    /// The CSRF token forms embed: the session's, or for a visitor who is not signed in a
    /// double-submit cookie's, so that showing the sign-in page stores nothing.
    var csrfToken: String {
        if hasStoredSession {
            if let token = session.data[SessionKeys.csrf] { return token }
            let token = SecretToken.generate()
            session.data[SessionKeys.csrf] = token
            return token
        }
        if let pending = storage[AnonymousCSRFCookie.PendingToken.self] { return pending }
        if let existing = cookies[CSRFProtection.anonymousCookie]?.string, (20...100).contains(existing.count) {
            return existing
        }
        let token = SecretToken.generate()
        storage[AnonymousCSRFCookie.PendingToken.self] = token
        return token
    }
}
