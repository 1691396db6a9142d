import AcumenCore
import AcumenStore
import Vapor
import XCTVapor
import XCTest

final class RoleProfileRoutesTests: XCTestCase {
    func test_draftProfiles_areSaved_andAnIncompleteOneChangesNothing() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let repository = FrameworkRepository(database: app.db)
            let published = try await repository.latestPublished(named: GeneralAccountManagementFramework.name)!
            let draft = try await repository.startNewVersion(from: published.id)
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let page = try await browser.get("/frameworks/\(draft.id)/profiles")
            XCTAssertEqual(page.status, .ok)
            XCTAssertContains(page.body.string, "CN.1 Negotiation preparation")

            var form = [
                "profiles[0][name]": "Key account manager", "profiles[0][jobRole]": "Key Account Manager",
                "profiles[0][minimumTenureMonths]": "24", "profiles[0][maximumTenureMonths]": "",
            ]
            for position in 0..<11 { form["profiles[0][targets][\(position)]"] = "2" }
            let incomplete = try await browser.post("/frameworks/\(draft.id)/profiles", form: form)
            XCTAssertEqual(incomplete.status, .unprocessableEntity)
            XCTAssertContains(incomplete.body.string, "choose a target level for RB.2")
            let unchanged = try await repository.version(id: draft.id).roleProfiles
            XCTAssertEqual(unchanged.count, 3)

            form["profiles[0][targets][11]"] = "1"
            let saved = try await browser.post("/frameworks/\(draft.id)/profiles", form: form)
            XCTAssertEqual(saved.status, .seeOther)
            let profiles = try await repository.version(id: draft.id).roleProfiles
            XCTAssertEqual(profiles.map(\.name), ["Key account manager"])
            XCTAssertEqual(profiles[0].targets["RB.2"], 1)
            XCTAssertEqual(profiles[0].targets["CN.1"], 2)
            XCTAssertEqual(profiles[0].minimumTenureMonths, 24)
            XCTAssertNil(profiles[0].maximumTenureMonths)

            let published2 = try await browser.post("/frameworks/\(published.id)/profiles", form: form)
            XCTAssertEqual(published2.status, .conflict, "a published version's profiles are frozen")
        }
    }
}
