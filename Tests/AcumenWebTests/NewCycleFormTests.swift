import AcumenCore
import AcumenStore
import Foundation
import XCTVapor
import XCTest

@testable import AcumenWeb

/// The new-cycle form lists every problem at once, each beside its field, and keeps what was typed.
final class NewCycleFormTests: XCTestCase {
    func test_everyProblem_showsBesideItsField_withTheFormAsTyped() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            try await browser.get("/cycles/new")
            let refused = try await browser.post(
                "/cycles",
                form: [
                    "name": " ", "frameworkID": "", "scope": "all", "opensOn": "2027-02-01", "closesOn": "2027-01-01",
                    "minimumPeers": "1", "minimumCustomers": "three", "minimumForComments": "3",
                    "reminderDays": "7, 3, 1",
                ])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            let page = refused.body.string
            XCTAssertContains(page, "The cycle was not created")
            for summary in [
                "Name: the cycle needs a name", "Framework: choose a published framework",
                "Sources of ratings: choose at least one source",
                "Closes on: the closing date 2027-01-01 must be after",
                "Minimum peers: the minimum for peers must be between 2 and 50",
                "Minimum customers: each anonymity minimum must be a whole number",
            ] {
                XCTAssertContains(page, summary)
            }
            let invalidFields = page.components(separatedBy: #"aria-invalid="true""#).count - 1
            XCTAssertEqual(invalidFields, 5, "name, framework, closing date and two minimums; sources is a fieldset")
            XCTAssertContains(page, #"value="three""#)
            let cycles = try await CycleRepository(database: app.db).cycles()
            XCTAssertEqual(cycles, [], "nothing was created")
        }
    }
}
