import Vapor

/// Turns every error into a clear answer: JSON `{ "error": { code, message, field } }` for the
/// API and CASE routes, a page for people. Nothing internal leaks into either.
struct AppErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let appError = AppError.from(error)
            if appError.status.code >= 500 {
                request.logger.report(error: error)
            }
            if request.wantsJSON {
                return try jsonResponse(for: appError)
            }
            if appError.status == .unauthorized {
                let target = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
                return request.redirect(
                    to: "/login?next=\(target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")")
            }
            return ErrorPage.response(for: appError, request: request)
        }
    }

    private func jsonResponse(for error: AppError) throws -> Response {
        struct Body: Encodable {
            struct Detail: Encodable {
                var code: String
                var message: String
                var field: String?
                var details: [String]?
            }
            var error: Detail
        }
        let body = Body(
            error: .init(
                code: error.code, message: error.message, field: error.field,
                details: error.details.isEmpty ? nil : error.details))
        let response = Response(status: error.status)
        try response.content.encode(body, as: .json)
        error.addHeaders(to: response)
        if error.status == .unauthorized {
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"acumen\"")
        }
        return response
    }
}

extension Request {
    /// API, CASE and metrics callers get JSON; browsers get pages.
    var wantsJSON: Bool {
        let path = url.path
        return path.hasPrefix("/api/") || path.hasPrefix("/ims/") || path == "/openapi.json" || path == "/metrics"
    }
}
