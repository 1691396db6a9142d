import Vapor

/// Headers on every response, error pages included, that keep pages from being framed, sniffed
/// or made to run what Acumen did not serve.
///
/// The Content-Security-Policy allows scripts, styles and images from Acumen's own origin only
/// (and images from `data:` URLs): no inline script or style, so an injected one does not run.
/// With `ACUMEN_SECURE_COOKIES` on, Acumen is served over HTTPS, and browsers are told to keep
/// to it for a year (HSTS).
struct SecurityHeaders: AsyncMiddleware {
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// Whether to send Strict-Transport-Security.
    let strictTransport: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        if strictTransport {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        return response
    }
}
