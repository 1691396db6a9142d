import AcumenCore
import AcumenStore
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

final class SessionEndingTests: XCTestCase {
    /// An administrator signs a user out everywhere: the user's browsers and API tokens stop
    /// working at once; the administrator's own session goes on.
    func test_anAdministrator_endsEverySessionAndTokenOfAUser() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let email = WebHarness.email(of: .accountManager, in: demo)
            let phone = BrowserSession(app: app)
            let laptop = BrowserSession(app: app)
            try await phone.signIn(email)
            try await laptop.signIn(email)
            let token = try await WebHarness.token(for: .accountManager, app: app, demo: demo)
            let admin = BrowserSession(app: app)
            try await admin.signIn(WebHarness.email(of: .administrator, in: demo))
            try await admin.get("/users")
            let found = try await UserRepository(database: app.db).user(email: email)
            let user = try XCTUnwrap(found)

            let ended = try await admin.post("/users/\(user.id)/sessions/end", form: [:])
            XCTAssertEqual(ended.status, .seeOther)
            let page = try await admin.get("/users")
            XCTAssertEqual(page.status, .ok, "the administrator is still signed in")
            XCTAssertTrue(page.body.string.contains("signed out everywhere: 2 browser sessions"), page.body.string)
            for browser in [phone, laptop] {
                let home = try await browser.get("/cycles")
                XCTAssertEqual(home.status, .seeOther)
                XCTAssertTrue(home.headers.first(name: .location)?.hasPrefix("/login") ?? false)
            }
            try await AssessmentRoutesTests.Client(app: app, token: token).call(
                .GET, "/api/v1/cycles", expect: .unauthorized)
        }
    }

    /// Changing one's password checks the current one, names every problem, and ends the
    /// person's other sessions while this one goes on; the new password then signs in.
    func test_changingYourPassword_endsYourOtherSessions() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let email = WebHarness.email(of: .supervisor, in: demo)
            let here = BrowserSession(app: app)
            let elsewhere = BrowserSession(app: app)
            try await here.signIn(email)
            try await elsewhere.signIn(email)
            try await here.get("/account/password")

            let refused = try await here.post(
                "/account/password", form: ["current": "wrong-password", "new": "short", "confirm": "other"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            for problem in [
                "That is not your current password.", "The new password needs at least 10 characters.",
                "The two new passwords differ.",
            ] {
                XCTAssertTrue(refused.body.string.contains(problem), problem)
            }
            let changed = try await here.post(
                "/account/password",
                form: [
                    "current": DemoOrganisation.password, "new": "a new long password",
                    "confirm": "a new long password",
                ])
            XCTAssertEqual(changed.status, .seeOther)
            let stillHere = try await here.get("/cycles").status
            XCTAssertEqual(stillHere, .ok, "this browser stays signed in")
            let signedOut = try await elsewhere.get("/cycles").status
            XCTAssertEqual(signedOut, .seeOther, "the other is signed out")
            let again = BrowserSession(app: app)
            let signIn = try await again.signIn(email, password: "a new long password").status
            XCTAssertEqual(signIn, .seeOther)
            let afterSignIn = try await again.get("/cycles").status
            XCTAssertEqual(afterSignIn, .ok)
        }
    }
}
