import Vapor

/// Answers 405 with `Allow` when a path exists but not for the method sent (DELETE on a page, say),
/// where the router alone would say 404 as if the path did not exist.
struct MethodNotAllowed: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error where Self.isNotFound(error) && Self.mayBeMisrouted(request) {
            let allowed = Self.methods(for: request.url.path, in: request.application.routes.all)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            var refusal = AppError(
                .methodNotAllowed, code: "method_not_allowed",
                message:
                    "\(request.method.rawValue) is not taken here; this address takes \(allowed.joined(separator: ", "))."
            )
            refusal.allowedMethods = allowed
            throw refusal
        }
    }

    private static func isNotFound(_ error: any Error) -> Bool {
        switch error {
        case let error as AppError: error.status == .notFound
        case let error as any AbortError: error.status == .notFound
        default: false
        }
    }

    /// Whether a not-found may be the router's doing rather than the resource's: no route took
    /// the request, or one took it by reading a word as an id (`GET /frameworks/import` handed
    /// to `/frameworks/:frameworkID`, where `import` is an address that takes POST).
    private static func mayBeMisrouted(_ request: Request) -> Bool {
        guard let route = request.route else { return true }
        return route.path.contains { component in
            guard case .parameter(let name) = component, let value = request.parameters.get(name) else { return false }
            return !canName(parameter: name, value)
        }
    }

    /// Whether `value` can stand for the parameter: an id parameter (`…ID`) only ever names
    /// something by a UUID, so `/frameworks/import` is not a framework, though the router would
    /// hand it to `/frameworks/:frameworkID`.
    private static func canName(parameter name: String, _ value: String) -> Bool {
        !name.hasSuffix("ID") || UUID(uuidString: value) != nil
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
            case .parameter(let name):
                guard index < segments.count, canName(parameter: name, segments[index]) else { return false }
            case .anything:
                guard index < segments.count else { return false }
            }
        }
        return pattern.count == segments.count
    }
}
