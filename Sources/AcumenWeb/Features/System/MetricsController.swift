import AcumenStore
import Vapor

/// `GET /metrics`: this server's metrics in Prometheus's text format (`ServiceMetrics`).
struct MetricsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.monitoring).get("metrics", use: metrics)
    }

    @Sendable func metrics(request: Request) async throws -> Response {
        let text = await request.application.serviceMetrics.exposition(database: request.db)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

/// Admits a metrics scraper (`RouteAccess.monitoring`) and answers anyone else 401, saying what
/// to send. Without a configured token only a direct connection from this machine is admitted:
/// a request through a reverse proxy carries `X-Forwarded-For`, and is refused.
struct RequireMonitoring: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard admits(request) else {
            throw AppError(
                .unauthorized, code: "unauthorised",
                message:
                    "Send the token of ACUMEN_METRICS_TOKEN as a bearer token, or scrape from the server's own machine without a proxy."
            )
        }
        return try await next.respond(to: request)
    }

    private func admits(_ request: Request) -> Bool {
        if let expected = request.application.serviceMetrics.scrapeToken {
            guard let sent = request.headers.bearerAuthorization?.token else { return false }
            // Compared as digests, so that the time taken says nothing about the token.
            return SecretToken.digest(sent) == SecretToken.digest(expected)
        }
        guard request.headers.first(name: .xForwardedFor) == nil, request.headers.forwarded.isEmpty,
            let address = request.remoteAddress?.ipAddress
        else { return false }
        return address == "127.0.0.1" || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
