import AcumenCore
import Vapor
import XCTVapor
import XCTest

/// Walks every registered route as a stranger and as an account manager, so that a new
/// route cannot be added without deciding who may use it.
final class AuthorisationWalkTests: XCTestCase {
    /// Routes anyone may call without signing in.
    let publicRoutes: Set<String> = [
        "GET /", "GET /login", "POST /login", "POST /logout", "GET /healthz", "GET /readyz", "GET /styles.css",
        "GET /openapi.json", "POST /api/v1/auth/token", "GET /ims/case/v1p1/CFDocuments",
        "GET /ims/case/v1p1/CFPackages/:id", "GET /ims/case/v1p1/CFItems/:id", "GET /assets/rater-form.js",
    ]

    /// Routes opened by a rater's personal link instead of a sign-in: a wrong link is not found.
    let linkRoutes: Set<String> = [
        "GET /r/:token", "POST /r/:token", "POST /r/:token/autosave", "POST /r/:token/correct",
        "GET /api/v1/rater/:token", "POST /api/v1/rater/:token/autosave", "POST /api/v1/rater/:token/submit",
    ]

    func test_everyOtherRoute_refusesAStranger() async throws {
        try await WebHarness.withDemoApp { app, _ in
            for route in app.routes.all {
                let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                let key = "\(route.method.rawValue) \(pattern)"
                if publicRoutes.contains(key) { continue }
                let path =
                    "/"
                    + route.path.map { component -> String in
                        if case .parameter = component { return UUID().uuidString }
                        return component.description
                    }.joined(separator: "/")
                try await app.send(
                    route.method, path,
                    afterResponse: { response in
                        if linkRoutes.contains(key) {
                            XCTAssertEqual(response.status, .notFound, key)
                        } else if path.hasPrefix("/api/") {
                            XCTAssertEqual(response.status, .unauthorized, key)
                        } else if route.method == .GET {
                            XCTAssertEqual(response.status, .seeOther, key)
                            XCTAssertTrue(response.headers.first(name: .location)?.hasPrefix("/login") ?? false, key)
                        } else {
                            XCTAssertTrue(
                                [.forbidden, .seeOther].contains(response.status), "\(key): \(response.status)")
                        }
                    })
            }
        }
    }

    func test_editingRoutes_refuseAnAccountManager_withoutRevealingExistence() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let token = try await WebHarness.token(for: .accountManager, app: app, demo: demo)
            try await app.send(
                .POST, "/api/v1/frameworks/import",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: "{}"),
                afterResponse: { response in XCTAssertEqual(response.status, .forbidden) })
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .accountManager, in: demo))
            try await browser.get("/frameworks")
            let missing = try await browser.post("/frameworks/\(UUID())/publish", form: [:])
            XCTAssertEqual(missing.status, .forbidden, "same answer whether or not the framework exists")
            let importPage = try await browser.get("/import")
            XCTAssertEqual(importPage.status, .forbidden)
            let newFramework = try await browser.get("/frameworks/new")
            XCTAssertEqual(newFramework.status, .forbidden)
        }
    }
}
