import Fluent
import SQLKit
import Vapor

/// Probes for load balancers and orchestrators.
struct SystemController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let anyone = routes.access(.anyone)
        anyone.get("healthz", use: health)
        anyone.get("readyz", use: ready)
        anyone.get("styles.css", use: stylesheet)
        anyone.get("assets", "site.js", use: script)
    }

    @Sendable func script(request: Request) async throws -> Response {
        CompiledAsset.response(SiteScript.source, type: CompiledAsset.javascript)
    }

    struct Status: Content {
        var status: String
        var database: String?
    }

    @Sendable func stylesheet(request: Request) async throws -> Response {
        CompiledAsset.response(Stylesheet.css, type: CompiledAsset.css)
    }

    /// The process is up and answering.
    @Sendable func health(request: Request) async throws -> Status {
        Status(status: "ok")
    }

    /// The database answers a query; 503 when it does not, so traffic goes elsewhere.
    @Sendable func ready(request: Request) async throws -> Response {
        let response = Response()
        do {
            guard let sql = request.db as? any SQLDatabase else { throw Abort(.serviceUnavailable) }
            try await sql.raw("SELECT 1").run()
            try response.content.encode(Status(status: "ok", database: "reachable"), as: .json)
        } catch {
            response.status = .serviceUnavailable
            try response.content.encode(Status(status: "unavailable", database: "unreachable"), as: .json)
        }
        return response
    }
}
