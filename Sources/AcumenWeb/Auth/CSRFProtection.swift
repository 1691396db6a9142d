import Vapor

/// Every state-changing browser request must carry the session's CSRF token in the `_csrf`
/// form field. API requests authenticate with bearer tokens, which a browser never sends
/// on its own, so they are exempt; so are rater forms under `/r/`, whose secret link is itself
/// the credential and cannot be guessed by another site.
struct CSRFProtection: AsyncMiddleware {
    static let fieldName = "_csrf"
    /// The largest form accepted: uploads of people files with tens of thousands of rows fit.
    static let maximumFormSize = 20 * 1024 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD, !request.wantsJSON,
            !request.url.path.hasPrefix(RaterFormController.pathPrefix)
        else {
            return try await next.respond(to: request)
        }
        // The body is collected here, before routing, so that the token can be read from any form.
        _ = try? await request.body.collect(max: Self.maximumFormSize).get()
        let expected = request.hasSession ? request.session.data[SessionKeys.csrf] : nil
        let sent = try? request.content.get(String.self, at: Self.fieldName)
        guard let expected, let sent, constantTimeEqual(expected, sent) else {
            throw AppError(
                .forbidden, code: "csrf",
                message: "This form has expired or did not come from Acumen. Go back, reload the page and try again.")
        }
        return try await next.respond(to: request)
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    /// The session's CSRF token, created on first use. Forms embed it as a hidden field.
    var csrfToken: String {
        if let token = session.data[SessionKeys.csrf] { return token }
        let token = SecretToken.generate()
        session.data[SessionKeys.csrf] = token
        return token
    }
}
