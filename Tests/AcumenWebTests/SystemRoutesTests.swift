import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

final class SystemRoutesTests: XCTestCase {
    func test_healthAndReadiness() async throws {
        try await WebHarness.withDemoApp { app, _ in
            try await app.send(.GET, "/healthz", afterResponse: { XCTAssertEqual($0.status, .ok) })
            try await app.send(
                .GET, "/readyz",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    XCTAssertContains(response.body.string, "reachable")
                })
        }
    }

    func test_everyAPIRoute_isInTheOpenAPIDocument() async throws {
        try await WebHarness.withDemoApp { app, _ in
            let document = try JSONSerialization.jsonObject(with: OpenAPIDocument.json()) as! [String: Any]
            let paths = document["paths"] as! [String: [String: Any]]
            let apiRoutes = app.routes.all.filter { $0.path.first?.description == "api" }
            XCTAssertFalse(apiRoutes.isEmpty)
            for route in apiRoutes {
                let path =
                    "/"
                    + route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                let methods = paths[path]
                XCTAssertNotNil(methods, "\(path) is missing from /openapi.json")
                XCTAssertNotNil(methods?[route.method.rawValue.lowercased()], "\(route.method) \(path) is missing")
            }
            XCTAssertEqual(document["openapi"] as? String, "3.1.0")
        }
    }

    func test_malformedRequests_neverAnswer500() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let token = try await WebHarness.token(for: .programmeManager, app: app, demo: demo)
            let auth: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let probes: [(HTTPMethod, String, String)] = [
                (.POST, "/api/v1/auth/token", "{"), (.POST, "/api/v1/auth/token", #"{"email": 5}"#),
                (.GET, "/api/v1/frameworks/%00", ""), (.POST, "/api/v1/frameworks/import", ""),
                (.GET, "/ims/case/v1p1/CFItems/zzz", ""), (.GET, "/people/not-a-uuid", ""),
                (.POST, "/login", "garbage"),
            ]
            for (method, path, body) in probes {
                try await app.send(
                    method, path, headers: auth, body: ByteBuffer(string: body),
                    afterResponse: { response in
                        XCTAssertLessThan(response.status.code, 500, "\(method) \(path)")
                    })
            }
        }
    }
}
