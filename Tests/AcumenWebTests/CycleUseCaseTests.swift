import AcumenCore
import AcumenStore
import Vapor
import XCTVapor
import XCTest

/// The page and the API create cycles through one use case: the same proposal is refused for
/// the same reasons either way, and nothing is stored.
final class CycleUseCaseTests: XCTestCase {
    func test_aBadProposal_isRefusedAlike_byThePageAndTheAPI() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let framework = try await FrameworkRepository(database: app.db).latestPublished(
                named: GlobalMobilityAccountManagerFramework.name)!
            let before = try await CycleRepository(database: app.db).cycles().count
            let manager = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let refused = try await manager.call(
                .POST, "/api/v1/cycles",
                json: """
                    {"name": "Backwards", "frameworkId": "\(framework.id)", "opensOn": "2026-12-31",
                     "closesOn": "2026-12-01", "reminderDaysBeforeClose": [90]}
                    """, expect: .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("must be after the opening date"), refused.body.string)
            XCTAssertTrue(refused.body.string.contains("reminders can be sent 1 to 60 days"), refused.body.string)

            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            try await browser.get("/cycles/new")
            let page = try await browser.post(
                "/cycles",
                form: [
                    "name": "Backwards", "frameworkID": framework.id.uuidString, "scope": "all", "sourceSelf": "on",
                    "opensOn": "2026-12-31", "closesOn": "2026-12-01", "minimumPeers": "3", "minimumCustomers": "3",
                    "minimumForComments": "3", "reminderDays": "90",
                ])
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.body.string.lowercased().contains("must be after the opening date"))
            XCTAssertTrue(
                page.body.string.lowercased().contains("reminders can be sent 1 to 60 days"), page.body.string)
            let after = try await CycleRepository(database: app.db).cycles().count
            XCTAssertEqual(after, before, "nothing was stored")
        }
    }

    func test_openingACycle_queuesEveryFirstLink_withTheStatusChange() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let id = try await AssessmentRoutesTests.openCycle(manager, name: "Linked")
            let cycleID = try XCTUnwrap(UUID(uuidString: id))
            let invitations = try await InvitationRepository(database: app.db).invitations(cycleID: cycleID)
            let approved = invitations.filter { $0.status == .approved }
            XCTAssertFalse(approved.isEmpty)
            XCTAssertTrue(approved.allSatisfy { $0.issuedOn != nil }, "every approved rater has a link")
            let queued = try await OutboxRepository(database: app.db).recent(limit: 100_000)
                .filter { $0.message.subject.hasPrefix("Linked:") }
            XCTAssertEqual(queued.count, approved.count, "one e-mail per link")
        }
    }
}
