import Vapor

/// Answers 405 with `Allow` when a path exists but not for the method sent (DELETE on a page, say),
/// where the router alone would say 404 as if the path did not exist.
struct MethodNotAllowed: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as any AbortError where error.status == .notFound && request.route == nil {
            let allowed = Self.methods(for: request.url.path, in: request.application.routes.all)
            guard !allowed.isEmpty else { throw error }
            var refusal = AppError(
                .methodNotAllowed, code: "method_not_allowed",
                message:
                    "\(request.method.rawValue) is not taken here; this address takes \(allowed.joined(separator: ", "))."
            )
            refusal.allowedMethods = allowed
            throw refusal
        }
    }

    /// The methods of the routes whose pattern matches `path`, in a stable order.
    static func methods(for path: String, in routes: [Route]) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let methods = routes.filter { matches($0.path, segments) }.map(\.method.rawValue)
        var allowed = Set(methods)
        if allowed.contains("GET") { allowed.insert("HEAD") }
        return allowed.sorted()
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        for (index, component) in pattern.enumerated() {
            switch component {
            case .catchall: return segments.count > index
            case .constant(let text):
                guard index < segments.count, segments[index] == text else { return false }
            case .parameter, .anything:
                guard index < segments.count else { return false }
            }
        }
        return pattern.count == segments.count
    }
}
