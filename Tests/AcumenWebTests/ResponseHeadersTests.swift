import AcumenCore
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

final class ResponseHeadersTests: XCTestCase {
    /// A page, a rater's link, an API error, a route that does not exist and a refused method:
    /// every answer carries the security headers and a request id.
    func test_everyResponse_carriesTheSecurityHeaders_andARequestID() async throws {
        try await WebHarness.withDemoApp { app, _ in
            var ids: Set<String> = []
            for (method, path) in [
                (HTTPMethod.GET, "/login"), (.GET, "/r/not-a-real-token"), (.GET, "/api/v1/cycles"),
                (.GET, "/no/such/page"), (.DELETE, "/login"), (.GET, "/styles.css"),
            ] {
                try await app.send(
                    method, path,
                    afterResponse: { response in
                        let label = "\(method) \(path) (\(response.status.code))"
                        let policy = response.headers.first(name: "Content-Security-Policy") ?? ""
                        XCTAssertTrue(policy.contains("default-src 'self'"), label)
                        XCTAssertTrue(policy.contains("frame-ancestors 'none'"), label)
                        XCTAssertFalse(policy.contains("unsafe-inline"), label)
                        XCTAssertEqual(response.headers.first(name: "X-Content-Type-Options"), "nosniff", label)
                        XCTAssertEqual(response.headers.first(name: "Referrer-Policy"), "same-origin", label)
                        XCTAssertNil(response.headers.first(name: "Strict-Transport-Security"), "plain HTTP: \(label)")
                        let id = try XCTUnwrap(response.headers.first(name: "X-Request-ID"), label)
                        ids.insert(id)
                    })
            }
            XCTAssertEqual(ids.count, 6, "each request its own id")
        }
    }

    func test_overHTTPS_browsersAreToldToKeepToIt() async throws {
        try await WebHarness.withDemoApp(adjusting: { $0.secureCookies = true }) { app, _ in
            try await app.send(
                .GET, "/login",
                afterResponse: { response in
                    XCTAssertEqual(response.headers.first(name: "Strict-Transport-Security"), "max-age=31536000")
                })
        }
    }

    /// A proxy's plain id is kept, so its logs and Acumen's match; anything that could write
    /// into the log is replaced.
    func test_aProxysRequestID_isKeptOnlyWhenPlain() async throws {
        try await WebHarness.withDemoApp { app, _ in
            for (sent, kept) in [
                ("abc-123_X.y", true), ("line\nbreak", false), ("with space", false),
                (String(repeating: "a", count: 65), false), ("", false),
            ] {
                try await app.send(
                    .GET, "/healthz", headers: ["X-Request-ID": sent],
                    afterResponse: { response in
                        let answered = response.headers.first(name: "X-Request-ID")
                        XCTAssertEqual(answered == sent, kept, sent.debugDescription)
                        XCTAssertNotNil(answered)
                    })
            }
        }
    }

    /// The log names the route's pattern: a rater's token is in the path, never in the log.
    func test_theRequestLog_namesTheRoutePattern_neverThePath() async throws {
        try await WebHarness.withDemoApp { app, _ in
            let request = Request(
                application: app, method: .GET, url: URI(path: "/r/secret-token-value"), on: app.eventLoopGroup.next())
            request.route = app.routes.all.first { route in
                route.method == .GET && route.path.map(\.description) == ["r", ":token"]
            }
            let metadata = RequestLog.metadata(
                of: request, route: RequestLog.routePattern(of: request), status: .ok, elapsed: .zero)
            XCTAssertEqual(metadata["route"], "/r/:token")
            XCTAssertFalse("\(metadata)".contains("secret-token-value"))
            XCTAssertEqual(metadata["status"]?.description, "200")
        }
    }

    /// An API path that exists answers a method it does not take with 405 and what it does
    /// take; a path that does not exist stays 404. (A page refuses an unsafe method without
    /// the form's token first: 403, as for any cross-site post.)
    func test_aMethodThePathDoesNotTake_isAnswered405_withAllow() async throws {
        try await WebHarness.withDemoApp { app, demo in
            try await app.send(
                .DELETE, "/api/v1/cycles",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .methodNotAllowed)
                    XCTAssertEqual(response.headers.first(name: .allow), "GET, HEAD, POST")
                })
            try await app.send(
                .PATCH, "/api/v1/cycles/\(UUID())",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .methodNotAllowed)
                    XCTAssertEqual(try response.content.get(String.self, at: "error", "code"), "method_not_allowed")
                    XCTAssertEqual(response.headers.first(name: .allow), "GET, HEAD")
                })
            try await app.send(
                .DELETE, "/api/v1/no-such-thing", afterResponse: { XCTAssertEqual($0.status, .notFound) })
            // A word where an id goes is not an id: `/frameworks/import` takes POST only, though the
            // router hands GET to `/frameworks/:frameworkID`. A real id not found stays 404.
            let token = try await WebHarness.token(for: .programmeManager, app: app, demo: demo)
            try await app.send(
                .GET, "/api/v1/frameworks/import", headers: ["Authorization": "Bearer \(token)"],
                afterResponse: { response in
                    XCTAssertEqual(response.status, .methodNotAllowed)
                    XCTAssertEqual(response.headers.first(name: .allow), "POST")
                })
            try await app.send(
                .GET, "/api/v1/frameworks/\(UUID())", headers: ["Authorization": "Bearer \(token)"],
                afterResponse: { XCTAssertEqual($0.status, .notFound) })
        }
    }

    /// An API query parameter sent without a value is refused by name (pages read an empty
    /// field as "not chosen"); left out, the parameter takes its default.
    func test_anEmptyQueryValue_isRefusedByTheAPI_butNotByPages() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let client = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let refused = try await client.call(.GET, "/api/v1/analytics/programme?to=", expect: .badRequest)
            XCTAssertEqual(try refused.content.get(String.self, at: "error", "field"), "to")
            try await client.call(.GET, "/api/v1/analytics/programme", expect: .ok)
            try await client.call(.GET, "/api/v1/offerings?q=", expect: .badRequest)
            let page = BrowserSession(app: app)
            try await page.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let groups = try await page.get("/analytics/groups?cycle=&by=team").status
            XCTAssertEqual(groups, .ok)
        }
    }
}
