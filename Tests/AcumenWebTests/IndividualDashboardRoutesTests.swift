import AcumenCore
import AcumenStore
import Foundation
import XCTVapor
import XCTest

@testable import AcumenWeb

final class IndividualDashboardRoutesTests: XCTestCase {
    func test_anAccountManager_readsTheirDashboard_theirSupervisorToo_othersNot() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let managerEmail = WebHarness.email(of: .accountManager, in: demo)
            let people = PeopleRepository(database: app.db)
            let managerID = try await people.personID(email: managerEmail)!
            let manager = BrowserSession(app: app)
            try await manager.signIn(managerEmail)
            let before = try await manager.get("/people/\(managerID)/dashboard")
            XCTAssertEqual(before.status, .ok)
            XCTAssertContains(before.body.string, "No released results yet")

            // The demo's past review, released, and its year of learning.
            _ = try await DemoLoader(database: app.db).load(withPastCycle: true) { DemoOrganisation.password }
            let page = try await manager.get("/people/\(managerID)/dashboard")
            XCTAssertEqual(page.status, .ok)
            XCTAssertContains(page.body.string, "Where things stand")
            XCTAssertContains(page.body.string, "From \(DemoHistory.cycleName)")
            XCTAssertContains(page.body.string, "<svg")
            XCTAssertContains(page.body.string, "Level against target, by competency")
            let completions = try await CompletionRepository(database: app.db).count(personID: managerID)
            if completions > 0 {
                XCTAssertContains(page.body.string, "Offerings completed, newest first")
            } else {
                XCTAssertContains(page.body.string, "No coaching observation or completed offering")
            }

            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let visible = try await people.visiblePersonIDs(
                for: Viewer(
                    userID: UUID(), email: "", role: .supervisor,
                    personID: try await people.personID(email: WebHarness.email(of: .supervisor, in: demo))))
            let all = try await AnalyticsRepository(database: app.db).accountManagers().map(\.id)
            let inLine = try XCTUnwrap(all.first { visible?.contains($0) == true })
            let outside = try XCTUnwrap(all.first { visible?.contains($0) == false })
            let theirs = try await supervisor.get("/people/\(inLine)/dashboard")
            XCTAssertEqual(theirs.status, .ok)
            let notTheirs = try await supervisor.get("/people/\(outside)/dashboard")
            XCTAssertEqual(notTheirs.status, .notFound)
            let colleague = try await manager.get("/people/\(inLine == managerID ? outside : inLine)/dashboard")
            XCTAssertEqual(colleague.status, .notFound)
            let nonsense = try await manager.get("/people/nonsense/dashboard")
            XCTAssertEqual(nonsense.status, .notFound)

            let customer = BrowserSession(app: app)
            try await customer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            let refused = try await customer.get("/people/\(managerID)/dashboard")
            XCTAssertEqual(refused.status, .forbidden)
        }
    }
}
