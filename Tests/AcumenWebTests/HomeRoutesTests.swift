import AcumenCore
import AcumenStore
import XCTVapor
import XCTest

@testable import AcumenWeb

/// The home page of each role, and raters who open their forms signed in instead of by link.
final class HomeRoutesTests: XCTestCase {
    typealias Client = AssessmentRoutesTests.Client

    /// The first address on the page that starts with `prefix`.
    func firstLink(startingWith prefix: String, in html: String) -> String? {
        guard let range = html.range(of: "href=\"\(prefix)") else { return nil }
        return prefix + html[range.upperBound...].prefix { $0 != "\"" }
    }

    func test_stranger_isSentToSignIn() async throws {
        try await WebHarness.withDemoApp { app, _ in
            let response = try await BrowserSession(app: app).get("/")
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.headers.first(name: .location), "/login")
        }
    }

    func test_eachRole_seesWhatIsAskedOfThem_withLinksToWhereItIsDone() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            _ = try await AssessmentRoutesTests.openCycle(manager, name: "Spring review")

            let accountManager = BrowserSession(app: app)
            try await accountManager.signIn(WebHarness.email(of: .accountManager, in: demo))
            let own = try await accountManager.get("/").body.string
            XCTAssertContains(own, "Assess yourself")
            XCTAssertContains(own, "Spring review")
            XCTAssertContains(own, "due in 21 days")
            XCTAssertContains(own, "Propose peers for Spring review")
            XCTAssertContains(own, "No report has been released to you yet")
            XCTAssertNotNil(firstLink(startingWith: "/forms/", in: own))

            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let team = try await supervisor.get("/").body.string
            XCTAssertContains(team, "Your team")
            XCTAssertContains(team, "Waiting for you")
            XCTAssertContains(team, "as their supervisor")

            let customer = BrowserSession(app: app)
            try await customer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            let accounts = try await customer.get("/").body.string
            XCTAssertContains(accounts, "Your accounts")
            XCTAssertContains(accounts, "as their customer")
            XCTAssertContains(accounts, "No results are released for this account yet.")

            let programme = BrowserSession(app: app)
            try await programme.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let running = try await programme.get("/").body.string
            XCTAssertContains(running, "Running cycles")
            XCTAssertContains(running, "have too few peers or customers")
            XCTAssertContains(running, "due for calibration")
        }
    }

    func test_anAccountManagerWithAReleasedReport_isLedToTheirDashboard() async throws {
        try await WebHarness.withDemoApp { app, demo in
            _ = try await DemoLoader(database: app.db).load(withPastCycle: true) { DemoOrganisation.password }
            let email = WebHarness.email(of: .accountManager, in: demo)
            let found = try await PeopleRepository(database: app.db).personID(email: email)
            let id = try XCTUnwrap(found)
            let accountManager = BrowserSession(app: app)
            try await accountManager.signIn(email)
            let home = try await accountManager.get("/").body.string
            XCTAssertContains(home, "Your latest report")
            XCTAssertContains(home, "href=\"/people/\(id.uuidString)/dashboard\"")
            let dashboard = try await accountManager.get("/people/\(id.uuidString)/dashboard")
            XCTAssertEqual(dashboard.status, .ok)
        }
    }

    func test_signedInRater_answersTheirOwnForm_andTheEmailedLinkStillWorks() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            _ = try await AssessmentRoutesTests.openCycle(manager)
            let email = WebHarness.email(of: .customerReviewer, in: demo)
            let token = try await AssessmentRoutesTests.link(to: email, app: app)

            let customer = BrowserSession(app: app)
            try await customer.signIn(email)
            let home = try await customer.get("/").body.string
            let form = try XCTUnwrap(firstLink(startingWith: "/forms/", in: home))
            let page = try await customer.get(form)
            XCTAssertEqual(page.status, .ok)
            XCTAssertContains(page.body.string, "from your home page in Acumen")
            let questions = try await CycleRepository(database: app.db).cycles()[0]
            let total = try await CycleRepository(database: app.db).questionnaire(for: questions).questions.count
            XCTAssertContains(page.body.string, "0 of \(total) answered")
            XCTAssertContains(page.body.string, #"aria-label="Sections of the form""#)

            let refused = try await customer.post(
                "\(form)/autosave", form: ["name": "q:OM.1-a", "value": "often"], includeCSRF: false)
            XCTAssertEqual(refused.status, .forbidden, "a signed-in form must carry the CSRF token")
            let saved = try await customer.post("\(form)/autosave", form: ["name": "q:OM.1-a", "value": "often"])
            XCTAssertEqual(saved.status, .ok, saved.body.string)
            let reloaded = try await customer.get(form)
            XCTAssertContains(reloaded.body.string, "1 of \(total) answered")

            // The draft saved in Acumen is the one the e-mailed link opens.
            let byLink = try await Client(app: app, token: nil).call(.GET, "/api/v1/rater/\(token)", expect: .ok)
            XCTAssertEqual(try byLink.content.get([String: String].self, at: "fields")["q:OM.1-a"], "often")

            // Somebody else's form, or an address that is not one, is simply not there.
            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let notTheirs = try await supervisor.get(form)
            XCTAssertEqual(notTheirs.status, .notFound)
            let notAForm = try await supervisor.get("/forms/not-a-form")
            XCTAssertEqual(notAForm.status, .notFound)
            let forged = try await supervisor.post("\(form)/autosave", form: ["name": "q:OM.1-a", "value": "never"])
            XCTAssertEqual(forged.status, .notFound)
            let draft = try await ResponseRepository(database: app.db).draft(
                invitationID: UUID(uuidString: String(form.dropFirst("/forms/".count)))!)
            XCTAssertEqual(draft["q:OM.1-a"], "often")
        }
    }
}

/// Adding a rater who cannot be added brings the page back with the reason beside the field.
final class NominationFormTests: XCTestCase {
    func test_aRefusedRater_keepsTheFormAsTyped_withTheReasonOnce() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await AssessmentRoutesTests.openCycle(manager)
            let accountManager = WebHarness.email(of: .accountManager, in: demo)
            let subjectID = try await PeopleRepository(database: app.db).personID(email: accountManager)
            let subject = try XCTUnwrap(subjectID)
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let page = try await browser.get("/cycles/\(cycle)/people/\(subject)")
            XCTAssertContains(page.body.string, #"<datalist id="rater-suggestions">"#)
            XCTAssertFalse(
                page.body.string.contains(#"<option value="\#(accountManager)""#), "nobody rates themselves")

            let unknown = try await browser.post(
                "/cycles/\(cycle)/people/\(subject)/nominations", form: ["email": "nobody@x.example", "source": "peer"])
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            let html = unknown.body.string
            XCTAssertEqual(html.components(separatedBy: "Nobody with the e-mail nobody@x.example").count - 1, 1)
            XCTAssertContains(html, #"value="nobody@x.example""#)
            XCTAssertContains(html, #"aria-invalid="true""#)
            XCTAssertContains(html, "Add a rater")

            let own = try await browser.post(
                "/cycles/\(cycle)/people/\(subject)/nominations", form: ["email": accountManager, "source": "peer"])
            XCTAssertEqual(own.status, .unprocessableEntity)
            XCTAssertContains(own.body.string, #"class="field-error""#)
            let invitations = try await InvitationRepository(database: app.db).invitations(
                cycleID: UUID(uuidString: cycle)!, subjectID: subject)
            XCTAssertFalse(invitations.contains { $0.source == .peer }, "nothing was added")
        }
    }
}
