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
            XCTAssertEqual(
                queued.count, Set(approved.map { $0.raterEmail.lowercased() }).count,
                "one e-mail per rater, holding all of their links")
            let links = queued.map { $0.message.body.components(separatedBy: "/r/").count - 1 }.reduce(0, +)
            XCTAssertEqual(links, approved.count, "one link per approved rater and form")
        }
    }
}

/// The e-mails a cycle's steps send: one per rater at opening, however many forms they have,
/// and one to each account manager when results are released.
final class CycleMailTests: XCTestCase {
    func test_aSupervisorGetsOneEmailForTheirTeam_andAccountManagersHearOfTheRelease() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await AssessmentRoutesTests.openCycle(manager, name: "Digest review")
            let supervisor = WebHarness.email(of: .supervisor, in: demo)
            let outbox = try await OutboxRepository(database: app.db).recent(limit: 5000)
            let toSupervisor = outbox.filter { $0.message.recipient == supervisor }
            XCTAssertEqual(toSupervisor.count, 1, "one e-mail, not one per person in the team")
            let team = try await InvitationRepository(database: app.db).invitations(cycleID: UUID(uuidString: cycle)!)
                .filter { $0.raterEmail == supervisor }
            XCTAssertGreaterThan(team.count, 1)
            let body = toSupervisor[0].message.body
            XCTAssertEqual(body.components(separatedBy: "/r/").count - 1, team.count, "a link per form")
            XCTAssertEqual(toSupervisor[0].message.subject, "Digest review: \(team.count) forms for you")
            // Every link in the digest opens its own form.
            for invitation in team {
                let token = try await AssessmentRoutesTests.link(
                    to: supervisor, about: invitation.subjectName, app: app)
                let form = try await manager.call(.GET, "/api/v1/rater/\(token)", expect: .ok)
                XCTAssertEqual(try form.content.get(String.self, at: "subject"), invitation.subjectName)
            }

            let releasedBefore = outbox.filter { $0.message.subject.hasSuffix("your report is ready") }.count
            XCTAssertEqual(releasedBefore, 0)
            try await manager.call(.POST, "/api/v1/cycles/\(cycle)/advance", json: #"{"from": "open"}"#, expect: .ok)
            try await manager.call(.POST, "/api/v1/cycles/\(cycle)/advance", json: #"{"from": "closed"}"#, expect: .ok)
            let subjects = try await CycleRepository(database: app.db).subjects(cycleID: UUID(uuidString: cycle)!)
            let released = try await OutboxRepository(database: app.db).recent(limit: 5000)
                .filter { $0.message.subject == "Digest review: your report is ready" }
            XCTAssertEqual(released.count, subjects.count)
            let accountManager = WebHarness.email(of: .accountManager, in: demo)
            XCTAssertTrue(released.contains { $0.message.recipient == accountManager })
        }
    }
}
