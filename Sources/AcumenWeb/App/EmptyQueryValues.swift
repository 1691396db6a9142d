import Vapor

/// Refuses an API request whose query names a parameter with no value (`?cycle=`), with 400
/// naming it. Pages read an empty field as "not chosen", since a form sends its empty fields;
/// an API client leaves out what it does not mean, so an empty value there is a mistake that
/// would otherwise be answered as if the parameter had not been sent. The OpenAPI document
/// says so by giving every query parameter at least one character.
struct EmptyQueryValues: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.path.hasPrefix("/api/"), let query = request.url.query, !query.isEmpty else {
            return try await next.respond(to: request)
        }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count < 2 || parts[1].isEmpty else { continue }
            let name =
                String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
                ?? String(parts[0])
            throw AppError.badRequest(
                "The query parameter '\(name.prefix(60))' has no value: give one, or leave the parameter out.",
                field: String(name.prefix(60)))
        }
        return try await next.respond(to: request)
    }
}
