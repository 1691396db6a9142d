import Vapor

/// One log line per request, and an id that ties it to every other line the request writes and
/// to the response (`X-Request-ID`), so that a user's report of a failure can be found in the logs;
/// the request is also counted in the server's metrics (`ServiceMetrics`) by its route pattern.
///
/// A request keeps the id its proxy gave it when that id is short and plain (letters, digits,
/// `.`, `_`, `-`), so that the proxy's logs and Acumen's match; anything else is replaced, so
/// that no client can write into the log. The line names the route's pattern (`/r/:token`),
/// never the path: raters' links carry their secret in it. Query strings, bodies and headers
/// are not logged, so neither are passwords or tokens.
struct RequestLog: AsyncMiddleware {
    static let header: HTTPHeaders.Name = "X-Request-ID"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Vapor gives every request's logger an id, taken from this header unchecked when sent;
        // it is kept only when no header came, and a plain one from a proxy replaces it.
        let sent = request.headers.first(name: Self.header)
        let id: String
        if let accepted = Self.acceptedID(sent) {
            id = accepted
        } else if sent == nil, case .string(let given)? = request.logger[metadataKey: "request-id"] {
            id = given
        } else {
            id = UUID().uuidString
        }
        request.logger[metadataKey: "request-id"] = .string(id)
        let start = ContinuousClock.now
        do {
            let response = try await next.respond(to: request)
            response.headers.replaceOrAdd(name: Self.header, value: id)
            let (route, elapsed) = (Self.routePattern(of: request), ContinuousClock.now - start)
            request.logger.info(
                "request", metadata: Self.metadata(of: request, route: route, status: response.status, elapsed: elapsed)
            )
            request.application.serviceMetrics.recordRequest(
                method: request.method, route: route, status: response.status, duration: elapsed)
            return response
        } catch {
            request.logger.error(
                "request failed",
                metadata: Self.metadata(
                    of: request, route: Self.routePattern(of: request), status: .internalServerError,
                    elapsed: ContinuousClock.now - start))
            throw error
        }
    }

    /// The id a client or proxy sent, when it is safe to write into the log as it is.
    static func acceptedID(_ sent: String?) -> String? {
        guard let sent, (1...64).contains(sent.utf8.count),
            sent.utf8.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x2E || byte == 0x5F
            })
        else { return nil }
        return sent
    }

    /// The request's route pattern, or `unmatched` when no route took it.
    static func routePattern(of request: Request) -> String {
        guard let route = request.route else { return "unmatched" }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }

    static func metadata(of request: Request, route: String, status: HTTPResponseStatus, elapsed: Duration)
        -> Logger.Metadata
    {
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return [
            "method": .string(request.method.rawValue), "route": .string(route),
            "status": .stringConvertible(status.code), "ms": .string(String(format: "%.1f", milliseconds)),
        ]
    }
}
