import AcumenCore
import AcumenStore
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

final class PasswordResetTests: XCTestCase {
    /// The reset messages queued for `email`, once `expected` are there or after two seconds:
    /// links are queued after the answer has gone.
    private func resetMails(to email: String, app: Application, expected: Int = 1) async throws -> [OutgoingMessage] {
        var mails: [OutgoingMessage] = []
        for _ in 0..<40 {
            mails = try await OutboxRepository(database: app.db).recent(limit: 5000).map(\.message)
                .filter { $0.recipient == email && $0.subject == "Set a new Acumen password" }
            if mails.count >= expected { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return mails
    }

    private func link(in message: OutgoingMessage) throws -> String {
        let line = message.body.split(separator: "\n").first { $0.contains("/password/reset/") }
        let url = try XCTUnwrap(line.map(String.init), message.body)
        return String(url[try XCTUnwrap(url.range(of: "/password/reset/")).lowerBound...])
    }

    /// Asking for a link mails one; the link sets a password once, signs the person out
    /// everywhere, and the old password stops working.
    func test_aLinkByEmail_setsANewPasswordOnce_andEndsEverySession() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let email = WebHarness.email(of: .accountManager, in: demo)
            let signedIn = BrowserSession(app: app)
            try await signedIn.signIn(email)
            let apiToken = try await WebHarness.token(for: .accountManager, app: app, demo: demo)

            let visitor = BrowserSession(app: app)
            let login = try await visitor.get("/login")
            XCTAssertTrue(login.body.string.contains("href=\"/password/forgot\""), "the sign-in page offers it")
            try await visitor.get("/password/forgot")
            let asked = try await visitor.post("/password/forgot", form: ["email": email.uppercased()])
            XCTAssertEqual(asked.status, .ok)
            XCTAssertTrue(asked.body.string.contains("a link to set a new password is on its way"))
            let mails = try await resetMails(to: email, app: app)
            XCTAssertEqual(mails.count, 1)
            let path = try link(in: try XCTUnwrap(mails.first))
            XCTAssertTrue(mails[0].body.contains("http://127.0.0.1:8080/password/reset/"), "the configured origin")

            let form = try await visitor.get(path)
            XCTAssertEqual(form.status, .ok)
            let token = String(path.dropFirst("/password/reset/".count))
            let refused = try await visitor.post(
                "/password/reset", form: ["token": token, "new": "short", "confirm": "different"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("The new password needs at least 10 characters."))
            XCTAssertTrue(refused.body.string.contains("The two new passwords differ."))
            let stillOld = try await BrowserSession(app: app).signIn(email).status
            XCTAssertEqual(stillOld, .seeOther, "a refused form changed nothing")

            let set = try await visitor.post(
                "/password/reset",
                form: ["token": token, "new": "chosen after a reset", "confirm": "chosen after a reset"])
            XCTAssertEqual(set.status, .seeOther)
            XCTAssertEqual(set.headers.first(name: .location), "/login")
            let notice = try await visitor.get("/login")
            XCTAssertTrue(notice.body.string.contains("Your new password is set"))

            let oldSession = try await signedIn.get("/cycles").status
            XCTAssertEqual(oldSession, .seeOther, "every session ended")
            try await AssessmentRoutesTests.Client(app: app, token: apiToken).call(
                .GET, "/api/v1/cycles", expect: .unauthorized)
            let oldPassword = try await BrowserSession(app: app).signIn(email).status
            XCTAssertEqual(oldPassword, .unauthorized)
            let newPassword = try await BrowserSession(app: app).signIn(email, password: "chosen after a reset").status
            XCTAssertEqual(newPassword, .seeOther)

            let reused = try await visitor.get(path)
            XCTAssertEqual(reused.status, .gone)
            XCTAssertTrue(reused.body.string.contains("This link no longer works"))
            try await visitor.get("/password/forgot")
            let replayed = try await visitor.post(
                "/password/reset",
                form: ["token": token, "new": "someone else's pick", "confirm": "someone else's pick"])
            XCTAssertEqual(replayed.status, .gone)
            let unchanged = try await BrowserSession(app: app).signIn(email, password: "chosen after a reset").status
            XCTAssertEqual(unchanged, .seeOther)
        }
    }

    /// Whether an address has an account cannot be learnt from the answer: a known address, an
    /// unknown one and a disabled account read the same; only the enabled account gets mail.
    func test_theAnswer_doesNotTellWhetherAnAccountExists() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let known = WebHarness.email(of: .supervisor, in: demo)
            let unknown = "nobody.here@northwind-mobility.example"
            let admin = BrowserSession(app: app)
            try await admin.signIn(WebHarness.email(of: .administrator, in: demo))
            let disabledEmail = WebHarness.email(of: .customerReviewer, in: demo)
            let found = try await UserRepository(database: app.db).user(email: disabledEmail)
            try await UserRepository(database: app.db).setDisabled(userID: try XCTUnwrap(found).id, true)

            var answers: [String] = []
            for email in [known, unknown, disabledEmail] {
                let visitor = BrowserSession(app: app)
                try await visitor.get("/password/forgot")
                let answer = try await visitor.post("/password/forgot", form: ["email": email])
                XCTAssertEqual(answer.status, .ok, email)
                answers.append(
                    answer.body.string.replacingOccurrences(of: email, with: "EMAIL")
                        .replacingOccurrences(of: visitor.csrf, with: "CSRF"))
            }
            XCTAssertEqual(Set(answers).count, 1, "one answer for all three")
            let knownMails = try await resetMails(to: known, app: app).count
            let unknownMails = try await resetMails(to: unknown, app: app).count
            let disabledMails = try await resetMails(to: disabledEmail, app: app).count
            XCTAssertEqual([knownMails, unknownMails, disabledMails], [1, 0, 0])
        }
    }

    /// A stranger cannot fill someone's inbox (three links an hour per account) or spray
    /// requests from one address (ten an hour, then 429 with Retry-After); an address without
    /// an @ is refused by name.
    func test_requests_areLimitedPerAccountAndPerAddress() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let email = WebHarness.email(of: .supervisor, in: demo)
            let visitor = BrowserSession(app: app)
            try await visitor.get("/password/forgot")
            let empty = try await visitor.post("/password/forgot", form: ["email": "not an address"])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            XCTAssertTrue(empty.body.string.contains("Enter the email address you sign in with."))
            var statuses: [HTTPStatus] = []
            for _ in 0..<10 {
                statuses.append(try await visitor.post("/password/forgot", form: ["email": email]).status)
            }
            XCTAssertEqual(statuses, Array(repeating: .ok, count: 10))
            let mails = try await resetMails(to: email, app: app, expected: 4).count
            XCTAssertEqual(mails, 3, "three links an hour per account")
            let throttled = try await visitor.post("/password/forgot", form: ["email": email])
            XCTAssertEqual(throttled.status, .tooManyRequests)
            XCTAssertEqual(throttled.headers.first(name: .retryAfter), "3600")
        }
    }

    /// A made-up or malformed link changes nothing and says the link does not work.
    func test_aMadeUpLink_isRefused() async throws {
        try await WebHarness.withDemoApp { app, _ in
            let visitor = BrowserSession(app: app)
            let page = try await visitor.get("/password/reset/\(SecretToken.generate())")
            XCTAssertEqual(page.status, .gone)
            try await visitor.get("/password/forgot")
            let posted = try await visitor.post(
                "/password/reset", form: ["new": "long enough pass", "confirm": "long enough pass"])
            XCTAssertEqual(posted.status, .gone)
        }
    }
}
