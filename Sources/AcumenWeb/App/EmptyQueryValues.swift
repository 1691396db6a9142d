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
        // Foundation's reading of the query, so that names are decoded as everywhere else.
        let items = URLComponents(string: "?" + query)?.queryItems ?? []
        if let empty = items.first(where: { !$0.name.isEmpty && ($0.value?.isEmpty ?? true) }) {
            let name = String(empty.name.prefix(60))
            throw AppError.badRequest(
                "The query parameter '\(name)' has no value: give one, or leave the parameter out.", field: name)
        }
        return try await next.respond(to: request)
    }
}
