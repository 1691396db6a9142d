import AcumenCore
import AcumenStore
import XCTVapor
import XCTest

@testable import AcumenWeb

final class AuthenticationTests: XCTestCase {
    func test_signIn_withDemoLogin_landsOnTheHomePage() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            let response = try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.headers.first(name: .location), "/")
            let home = try await browser.get("/")
            XCTAssertEqual(home.status, .ok)
            XCTAssertContains(home.body.string, "What to do next")
            let page = try await browser.get("/frameworks")
            XCTAssertEqual(page.status, .ok)
            XCTAssertContains(page.body.string, "Global Mobility Account Manager")
        }
    }

    func test_wrongPassword_isRefused_withoutSayingWhichPartWasWrong() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            let wrong = try await browser.signIn(WebHarness.email(of: .supervisor, in: demo), password: "nope")
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertContains(wrong.body.string, "That email and password do not match.")
            let unknown = try await browser.signIn("nobody@x.example")
            XCTAssertContains(unknown.body.string, "That email and password do not match.")
        }
    }

    func test_repeatedFailures_areThrottled_evenWithTheRightPassword() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            let email = WebHarness.email(of: .accountManager, in: demo)
            for _ in 0..<5 { try await browser.signIn(email, password: "wrong") }
            let response = try await browser.signIn(email)
            XCTAssertEqual(response.status, .tooManyRequests)
            XCTAssertContains(response.body.string, "Too many failed sign-ins")
        }
    }

    func test_formWithoutCSRFToken_isRefused_andChangesNothing() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let framework = try await FrameworkRepository(database: app.db).latestPublished(
                named: GeneralAccountManagementFramework.name)!
            let response = try await browser.post("/frameworks/\(framework.id)/versions", form: [:], includeCSRF: false)
            XCTAssertEqual(response.status, .forbidden)
            let versions = try await FrameworkRepository(database: app.db).versions(lineageID: framework.lineageID)
            XCTAssertEqual(versions.count, 1)
        }
    }

    func test_signOut_endsTheSession() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .supervisor, in: demo))
            try await browser.get("/frameworks")
            try await browser.post("/logout", form: [:])
            let after = try await browser.get("/frameworks")
            XCTAssertEqual(after.status, .seeOther)
            XCTAssertTrue(after.headers.first(name: .location)?.hasPrefix("/login") ?? false)
        }
    }

    func test_api_withoutToken_is401_withJSONError() async throws {
        try await WebHarness.withDemoApp { app, _ in
            try await app.send(
                .GET, "/api/v1/frameworks",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .unauthorized)
                    XCTAssertEqual(try response.content.get(String.self, at: "error", "code"), "unauthorised")
                })
            try await app.send(
                .GET, "/api/v1/frameworks", headers: ["Authorization": "Bearer forged"],
                afterResponse: { response in
                    XCTAssertEqual(response.status, .unauthorized)
                })
        }
    }

    func test_theDummyHash_costsWhatARealOneDoes_andMatchesNothing() throws {
        let dummy = AuthController.dummyHash
        let real = try Bcrypt.hash("correct horse")
        XCTAssertEqual(dummy.prefix(7), real.prefix(7), "same version and cost: \(real.prefix(7))")
        XCTAssertFalse(try Bcrypt.verify("", created: dummy))
        XCTAssertFalse(try Bcrypt.verify("correct horse", created: dummy))
    }
}
