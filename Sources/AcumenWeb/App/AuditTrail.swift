import AcumenStore
import Vapor

/// Appends every change made through Acumen, and every export, to the audit log
/// (`AuditLogRepository`): who (the signed-in user), what (the method and route pattern), to
/// what (the ids the route names) and when.
///
/// Recorded once the change has succeeded (a status below 400). Left out, each for its reason:
/// - raters' links and forms (`/r/…`, `/forms/…`, `/api/v1/rater/…`): answers are kept as
///   append-only rows with their corrections already, and a dated entry per submission would
///   undo the dating of anonymous answers on the closing day, which hides who answered when;
/// - autosaves: a draft is not a change of record, and there is one per keystroke pause;
/// - signing in and out, and learning records sent by source systems (kept in their own
///   append-only store with their source).
struct AuditTrail: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard response.status.code < 400, let route = request.route, Self.isRecorded(request.method, route) else {
            return response
        }
        let pattern = RequestLog.routePattern(of: request)
        let subject = route.path.compactMap { component -> String? in
            guard case .parameter(let name) = component, let value = request.parameters.get(name) else { return nil }
            return "\(name)=\(value)"
        }.joined(separator: " ")
        do {
            try await AuditLogRepository(database: request.db).append(
                actor: request.currentUser?.email ?? "anonymous", action: "\(request.method.rawValue) \(pattern)",
                subject: subject)
        } catch {
            // The change itself has been made; a lost entry is reported loudly, not hidden
            // behind an error for a change that did happen.
            request.logger.error("Audit entry not written for \(request.method.rawValue) \(pattern): \(error)")
        }
        return response
    }

    static func isRecorded(_ method: HTTPMethod, _ route: Route) -> Bool {
        let components = route.path.map(\.description)
        let path = "/" + components.joined(separator: "/")
        if case .raterLink? = route.access { return false }
        if case .sourceSystem? = route.access { return false }
        if path.hasPrefix("/forms/") || path.hasPrefix("/api/v1/rater/") || components.last == "autosave" {
            return false
        }
        switch method {
        case .GET:
            return path.hasSuffix(".csv") || components.contains("export")
        case .POST, .PUT, .PATCH, .DELETE:
            return !["/login", "/logout", "/api/v1/auth/token"].contains(path)
        default:
            return false
        }
    }
}
