import AcumenCore
import Vapor

/// Who may reach a route, declared where the route is registered (`routes.access(...)`).
///
/// Every route carries its declaration in `Route.userInfo`, so the route-walking test can call
/// each one as every role and check the answer against the policy table: a route registered
/// without a declaration fails that test.
enum RouteAccess: Sendable, CustomStringConvertible {
    /// Anyone, signed in or not: sign-in, health checks, the stylesheet, CASE, the OpenAPI document.
    case anyone
    /// A rater's personal link is the credential; a wrong link is simply not found.
    case raterLink
    /// Any signed-in user; what they may do with the resource is decided once it is loaded.
    case signedIn
    /// A system that sends learning records, with the HTTP basic credentials issued to it
    /// (`XAPICredentialIssuer`); users' sessions and tokens do not count.
    case sourceSystem
    /// A metrics scraper: the bearer token of `ACUMEN_METRICS_TOKEN`, or without one, a direct
    /// connection from this machine that no proxy forwarded (`RequireMonitoring`). Users'
    /// sessions and tokens do not count.
    case monitoring
    /// Signed-in users whose role may attempt the action (`Policy.mayAttempt`); others get 403
    /// before anything is looked up.
    case permitted(PolicyRequirement)

    static let userInfoKey: AnySendableHashable = "acumen.access"

    var description: String {
        switch self {
        case .anyone: "anyone"
        case .raterLink: "rater link"
        case .sourceSystem: "source system"
        case .monitoring: "monitoring"
        case .signedIn: "signed in"
        case .permitted(let requirement): requirement.description
        }
    }

    static func permitted<P: Policy>(_ policy: P.Type, _ action: P.Action) -> RouteAccess {
        .permitted(PolicyRequirement(policy, action))
    }

    /// Whether a signed-in viewer passes the route's gate.
    func admits(_ viewer: Viewer) -> Bool {
        switch self {
        case .anyone, .raterLink, .signedIn: true
        case .sourceSystem, .monitoring: false
        case .permitted(let requirement): requirement.admits(viewer)
        }
    }
}

/// One policy action, kept as a predicate over the viewer so that routes and the navigation
/// can hold requirements of different policies side by side.
struct PolicyRequirement: Sendable, CustomStringConvertible {
    let description: String
    private let check: @Sendable (Viewer) -> Bool

    init<P: Policy>(_ policy: P.Type, _ action: P.Action) {
        description = "\(P.self).\(action)"
        check = { P.mayAttempt(action, $0) }
    }

    func admits(_ viewer: Viewer) -> Bool { check(viewer) }
}

extension RoutesBuilder {
    /// Routes registered on the result carry `access` and are guarded by it.
    func access(_ access: RouteAccess) -> any RoutesBuilder {
        let guarded: any RoutesBuilder =
            switch access {
            case .anyone, .raterLink: self
            case .sourceSystem: grouped(RequireSourceSystem())
            case .monitoring: grouped(RequireMonitoring())
            case .signedIn, .permitted: grouped(RequireAccess(access: access))
            }
        return DeclaredRoutes(base: guarded, access: access)
    }
}

extension Route {
    var access: RouteAccess? { userInfo[RouteAccess.userInfoKey] as? RouteAccess }
}

private struct DeclaredRoutes: RoutesBuilder {
    let base: any RoutesBuilder
    let access: RouteAccess

    func add(_ route: Route) {
        route.userInfo[RouteAccess.userInfoKey] = access
        base.add(route)
    }
}

/// Refuses anonymous requests (401 for the API, a redirect to sign-in for pages) and roles the
/// route's policy does not admit (403), before the handler loads anything.
private struct RequireAccess: AsyncMiddleware {
    let access: RouteAccess

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let user = try request.requireUser()
        guard access.admits(user.viewer) else { throw AppError.forbidden }
        return try await next.respond(to: request)
    }
}
