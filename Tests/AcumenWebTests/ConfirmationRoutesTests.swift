import AcumenCore
import AcumenStore
import XCTVapor
import XCTest

@testable import AcumenWeb

/// Steps that cannot be undone are confirmed on a page that says what they will do and what is
/// missing; reading that page changes nothing.
final class ConfirmationRoutesTests: XCTestCase {
    func test_openingAndClosingACycle_showWhatWillHappen_beforeAnythingChanges() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let framework = try await FrameworkRepository(database: app.db).latestPublished(
                named: GlobalMobilityAccountManagerFramework.name)!
            let today = CalendarDate.today
            let manager = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let created = try await manager.call(
                .POST, "/api/v1/cycles",
                json: """
                    {"name": "Confirmed review", "frameworkId": "\(framework.id)", "opensOn": "\(today)",
                     "closesOn": "\(today.adding(days: 21))"}
                    """, expect: .created)
            let cycle = try XCTUnwrap(UUID(uuidString: try created.content.get(String.self, at: "id")))

            let opening = try await browser.get("/cycles/\(cycle)/advance")
            XCTAssertEqual(opening.status, .ok)
            XCTAssertContains(opening.body.string, "Open the cycle?")
            XCTAssertContains(opening.body.string, "personal links go out by e-mail now")
            XCTAssertContains(opening.body.string, "have fewer approved peers or customers than the anonymity minimum")
            let stillDraft = try await CycleRepository(database: app.db).cycle(id: cycle)
            XCTAssertEqual(stillDraft.status, .draft)
            let outboxBefore = try await OutboxRepository(database: app.db).recent(limit: 10).count
            XCTAssertEqual(outboxBefore, 0, "reading the confirmation sends nothing")

            let opened = try await browser.post("/cycles/\(cycle)/advance", form: ["from": "draft"])
            XCTAssertEqual(opened.status, .seeOther)
            let closing = try await browser.get("/cycles/\(cycle)/advance")
            XCTAssertContains(closing.body.string, "Close the cycle?")
            XCTAssertContains(closing.body.string, "21 days before the planned closing day")
            XCTAssertContains(
                closing.body.string,
                "Neither a self-assessment nor a supervisor's rating has arrived yet for 120 of the 120")
            let stillOpen = try await CycleRepository(database: app.db).cycle(id: cycle)
            XCTAssertEqual(stillOpen.status, .open)

            let accountManager = BrowserSession(app: app)
            try await accountManager.signIn(WebHarness.email(of: .accountManager, in: demo))
            let refused = try await accountManager.get("/cycles/\(cycle)/advance")
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func test_publishingANewVersion_saysWhichVersionItRetires_andRetiringWarnsOfRunningCycles() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let repository = FrameworkRepository(database: app.db)
            let published = try await repository.latestPublished(named: GlobalMobilityAccountManagerFramework.name)!
            let draft = try await repository.startNewVersion(from: published.id)

            let publishing = try await browser.get("/frameworks/\(draft.id)/publish")
            XCTAssertEqual(publishing.status, .ok)
            XCTAssertContains(publishing.body.string, "Version 1, published now, is retired")
            XCTAssertContains(publishing.body.string, "The guideline is five to seven")
            let stillDraft = try await repository.summary(id: draft.id)
            XCTAssertEqual(stillDraft.status, .draft)
            let notADraft = try await browser.get("/frameworks/\(published.id)/publish")
            XCTAssertEqual(notADraft.status, .conflict)

            let retiring = try await browser.get("/frameworks/\(published.id)/retire")
            XCTAssertEqual(retiring.status, .ok)
            XCTAssertContains(retiring.body.string, "no new cycle can use this framework")
            let stillPublished = try await repository.summary(id: published.id)
            XCTAssertEqual(stillPublished.status, .published)
        }
    }
}
