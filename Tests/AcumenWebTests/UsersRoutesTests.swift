import AcumenCore
import AcumenStore
import Vapor
import XCTVapor
import XCTest

final class UsersRoutesTests: XCTestCase {
    func test_administrator_addsAUser_whoCanSignIn_andDisablingEndsTheirSession() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let admin = BrowserSession(app: app)
            try await admin.signIn(WebHarness.email(of: .administrator, in: demo))
            try await admin.get("/users")

            let short = try await admin.post(
                "/users", form: ["email": "new.lead@x.example", "role": "supervisor", "password": "short"])
            XCTAssertEqual(short.status, .unprocessableEntity)
            XCTAssertContains(short.body.string, "at least 10 characters")
            let missing = try await UserRepository(database: app.db).user(email: "new.lead@x.example")
            XCTAssertNil(missing)

            let created = try await admin.post(
                "/users", form: ["email": "new.lead@x.example", "role": "supervisor", "password": "a-long-password"])
            XCTAssertEqual(created.status, .seeOther)
            let duplicate = try await admin.post(
                "/users", form: ["email": "New.Lead@x.example", "role": "supervisor", "password": "a-long-password"])
            XCTAssertContains(duplicate.body.string, "already exists")

            let newcomer = BrowserSession(app: app)
            let signedIn = try await newcomer.signIn("new.lead@x.example", password: "a-long-password")
            XCTAssertEqual(signedIn.status, .seeOther)
            let frameworks = try await newcomer.get("/frameworks")
            XCTAssertEqual(frameworks.status, .ok)

            let user = try await UserRepository(database: app.db).user(email: "new.lead@x.example")!
            try await admin.get("/users")
            let disabled = try await admin.post("/users/\(user.id)/disable", form: [:])
            XCTAssertEqual(disabled.status, .seeOther)
            let afterDisable = try await newcomer.get("/frameworks")
            XCTAssertEqual(afterDisable.status, .seeOther, "a disabled user's session stops working at once")
        }
    }

    func test_onlyAdministrators_manageUsers() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let page = try await manager.get("/users")
            XCTAssertEqual(page.status, .forbidden)
            let attempt = try await manager.post(
                "/users", form: ["email": "x@x.example", "role": "administrator", "password": "a-long-password"])
            XCTAssertEqual(attempt.status, .forbidden)
        }
    }
}

final class PeopleSearchRoutesTests: XCTestCase {
    func test_peopleAreSearchedAndPaged_andOddAddressesStillShowAList() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let first = try await browser.get("/people")
            XCTAssertEqual(first.status, .ok)
            XCTAssertContains(first.body.string, "Page 1 of")
            XCTAssertContains(first.body.string, "Next page")
            let lead = demo.people.first { $0.jobTitle == "Account Management Team Lead" }!
            let found = try await browser.get(
                "/people?q=\(lead.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&kind=vendor")
            XCTAssertContains(found.body.string, "1 of the")
            XCTAssertContains(found.body.string, lead.name)
            let account = demo.accounts[3]
            let accounts = try await browser.get(
                "/accounts?q=\(account.customer.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            XCTAssertContains(accounts.body.string, "1 of the 40 accounts you can see.")
            XCTAssertContains(accounts.body.string, account.name)
            let allAccounts = try await browser.get("/accounts").body.string
            XCTAssertContains(allAccounts, "40 of the 40 accounts you can see. Page 1 of 2.")
            let secondPage = try await browser.get("/accounts?q=&page=2").body.string
            XCTAssertContains(secondPage, "Page 2 of 2.")
            XCTAssertContains(secondPage, "Previous page")
            XCTAssertEqual(secondPage.components(separatedBy: #"<article class="card">"#).count - 1, 10)
            for odd in [
                "/people?page=-3", "/people?page=abc", "/people?status=gone&kind=x", "/people?page=99999",
                "/accounts?q=%00%FF", "/accounts?page=-1", "/accounts?page=zz",
                "/accounts?q=" + String(repeating: "x", count: 5000),
            ] {
                let page = try await browser.get(odd)
                XCTAssertEqual(page.status, .ok, odd)
            }
        }
    }
}
