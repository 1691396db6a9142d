import AcumenCore
import AcumenStore
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

/// Walks every registered route as a stranger and as every role, driven by the access each
/// route declares (`RouteAccess`) and the policies behind it, so that a route cannot be added
/// without deciding who may use it, and a role a policy refuses is refused by the route.
final class AuthorisationWalkTests: XCTestCase {
    /// Routes anyone may call without signing in. Kept by hand, so that making a route public
    /// is a visible change to this list as well as to the route.
    let publicRoutes: Set<String> = [
        "GET /", "GET /login", "POST /login", "POST /logout", "GET /healthz", "GET /readyz", "GET /styles.css",
        "GET /openapi.json", "POST /api/v1/auth/token", "GET /ims/case/v1p1/CFDocuments",
        "GET /ims/case/v1p1/CFPackages/:id", "GET /ims/case/v1p1/CFItems/:id", "GET /ims/case/v1p1/CFDocuments/:id",
        "GET /ims/case/v1p1/CFItemAssociations/:id", "GET /ims/case/v1p1/CFAssociations/:id",
        "GET /ims/case/v1p1/CFItemTypes/:id", "GET /ims/case/v1p1/CFRubrics/:id",
        "GET /ims/case/v1p1/CFRubricCriteria/:id", "GET /ims/case/v1p1/CFRubricCriterionLevels/:id",
        "GET /assets/rater-form.js",
        "GET /assets/site.js", "GET /xapi/about", "GET /password/forgot", "POST /password/forgot",
        "GET /password/reset/:token", "POST /password/reset",
    ]

    private func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    /// The route's path with a fresh identifier for every parameter: nothing it names exists.
    private func concretePath(_ route: Route) -> String {
        "/"
            + route.path.map { component -> String in
                if case .parameter = component { return UUID().uuidString }
                return component.description
            }.joined(separator: "/")
    }

    func test_everyRoute_declaresWhoMayUseIt_andPublicOnesAreListed() async throws {
        try await WebHarness.withDemoApp { app, _ in
            for route in app.routes.all {
                guard let access = route.access else {
                    XCTFail("\(key(route)) is registered without an access declaration (routes.access(...))")
                    continue
                }
                if case .anyone = access {
                    XCTAssertTrue(publicRoutes.contains(key(route)), "\(key(route)) is public but not listed")
                } else {
                    XCTAssertFalse(publicRoutes.contains(key(route)), "\(key(route)) is listed as public but is not")
                }
            }
        }
    }

    func test_everyOtherRoute_refusesAStranger() async throws {
        try await WebHarness.withDemoApp { app, _ in
            for route in app.routes.all {
                let key = key(route)
                let path = concretePath(route)
                guard let access = route.access else { continue }
                if case .anyone = access { continue }
                try await app.send(
                    route.method, path,
                    afterResponse: { response in
                        if case .raterLink = access {
                            XCTAssertEqual(response.status, .notFound, key)
                        } else if case .monitoring = access {
                            XCTAssertEqual(response.status, .unauthorized, key)
                            XCTAssertNotNil(response.headers.first(name: .wwwAuthenticate), key)
                        } else if case .sourceSystem = access {
                            XCTAssertEqual(response.status, .unauthorized, key)
                            XCTAssertNotNil(response.headers.first(name: .wwwAuthenticate), key)
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

    /// Every role a route's policy does not admit gets 403, signed in as a browser (with the
    /// page's CSRF token, so the refusal is the policy's) or with a bearer token for the API.
    func test_everyRoleRefusedByARoutesPolicy_isForbidden() async throws {
        try await WebHarness.withDemoApp { app, demo in
            var refusals = 0
            for role in Role.allCases {
                let login = try XCTUnwrap(demo.logins.first { $0.role == role })
                let token = try await WebHarness.token(for: role, app: app, demo: demo)
                let browser = BrowserSession(app: app)
                try await browser.signIn(login.email)
                try await browser.get("/frameworks")
                let viewer = Viewer(userID: UUID(), email: login.email, role: role, personID: nil)
                for route in app.routes.all {
                    guard case .permitted(let requirement)? = route.access, !requirement.admits(viewer) else {
                        continue
                    }
                    refusals += 1
                    let key = "\(key(route)) as \(role)"
                    let path = concretePath(route)
                    if path.hasPrefix("/api/") {
                        try await app.send(
                            route.method, path, headers: ["Authorization": "Bearer \(token)"],
                            afterResponse: { response in XCTAssertEqual(response.status, .forbidden, key) })
                    } else if route.method == .GET {
                        let status = try await browser.get(path).status
                        XCTAssertEqual(status, .forbidden, key)
                    } else {
                        let response = try await browser.post(path, form: [:])
                        XCTAssertEqual(response.status, .forbidden, key)
                        XCTAssertFalse(
                            response.body.string.contains("did not come from Acumen"), "\(key): CSRF, not the policy")
                    }
                }
            }
            XCTAssertGreaterThan(refusals, 50, "the walk reached the policy-guarded routes")
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

/// A rater's link is a credential for one form only. Walked over every route with the link of a
/// rater in one cycle, aimed at another cycle: as a bearer token, as a session cookie and as
/// the token of every other route's parameters, it opens nothing but its own form.
final class RaterLinkWalkTests: XCTestCase {
    func test_aRaterLink_opensNothingButItsOwnForm() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            _ = try await AssessmentRoutesTests.openCycle(manager, name: "Mine")
            let other = try await AssessmentRoutesTests.openCycle(manager, name: "Theirs")
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let token = try await AssessmentRoutesTests.link(to: customer, about: "Mine", app: app)
            let invitations = try await InvitationRepository(database: app.db).invitations(
                cycleID: UUID(uuidString: other)!)
            let foreignInvitation = try XCTUnwrap(invitations.first).id.uuidString

            var walked = 0
            for route in app.routes.all {
                guard let access = route.access else { continue }
                if case .anyone = access { continue }
                let key = "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
                let path =
                    "/"
                    + route.path.map { component -> String in
                        guard case .parameter(let name) = component else { return component.description }
                        switch name {
                        case "token": return token
                        case "cycleID": return other
                        case "invitationID": return foreignInvitation
                        default: return UUID().uuidString
                        }
                    }.joined(separator: "/")
                if case .raterLink = access { continue }
                walked += 1
                try await app.send(
                    route.method, path,
                    headers: ["Authorization": "Bearer \(token)", "Cookie": "acumen_session=\(token)"],
                    afterResponse: { response in
                        XCTAssertFalse(
                            (200..<300).contains(response.status.code), "\(key) answered \(response.status)")
                        XCTAssertFalse(response.body.string.contains("Theirs"), "\(key) named the other cycle")
                    })
            }
            XCTAssertGreaterThan(walked, 200, "the walk reached the guarded routes")

            // Its own form opens, and says nothing of the other cycle.
            try await app.send(
                .GET, "/r/\(token)",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    XCTAssertFalse(response.body.string.contains("Theirs"))
                })
            // The other cycle's own links are not this one: a made-up one is simply not found.
            try await app.send(
                .GET, "/api/v1/rater/\(SecretToken.generate())",
                afterResponse: { response in XCTAssertEqual(response.status, .notFound) })
        }
    }
}
