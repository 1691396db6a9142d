import AcumenCore
import AcumenStore
import Foundation
import XCTVapor
import XCTest

@testable import AcumenWeb

final class VendorScorecardRoutesTests: XCTestCase {
    private struct Scorecard: Decodable {
        struct Column: Decodable {
            var vendor: String
            var year: Int
            var isHost: Bool
            var questionnaires: Int
            var overall: Double?
        }

        var customer: String
        var columns: [Column]
    }

    func test_aCustomerReviewer_scoresAnotherVendor_andOnlyTheyReadIt() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let reviewer = BrowserSession(app: app)
            try await reviewer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            let home = try await reviewer.get("/")
            XCTAssertContains(home.body.string, "href=\"/scorecard\"")
            let before = try JSONDecoder().decode(
                Scorecard.self, from: Data(buffer: try await reviewer.get("/api/v1/scorecard").body))
            XCTAssertEqual(Set(before.columns.map(\.vendor)), Set(DemoVendorScorecard.vendors.map(\.name)))

            let added = try await reviewer.post("/scorecard/vendors", form: ["name": "Atlas Moves"])
            XCTAssertEqual(added.status, .seeOther)
            let again = try await reviewer.post("/scorecard/vendors", form: ["name": "atlas moves"])
            XCTAssertEqual(again.status, .conflict)
            let host = try await reviewer.post("/scorecard/vendors", form: ["name": demo.vendorName])
            XCTAssertEqual(host.status, .badRequest)
            XCTAssertContains(host.body.string, "is scored by its own reviews here")

            let page = try await reviewer.get("/scorecard")
            let link = try XCTUnwrap(
                page.body.string.components(separatedBy: "href=\"").map { $0.prefix { $0 != "\"" } }
                    .first { $0.hasSuffix("/rate") && page.body.string.contains("about Atlas Moves") })
            let form = try await reviewer.get(String(link))
            XCTAssertEqual(form.status, .ok)
            let questions = GlobalMobilityQuestionnaire.questionnaire.questions
            let ratings = String(link.dropLast("/rate".count)) + "/ratings"
            // Half answered: refused, the answers given still chosen, nothing kept.
            var fields = ["year": String(CalendarDate.today.year)]
            for question in questions.prefix(questions.count / 2) { fields["q:\(question.code)"] = "often" }
            let refused = try await reviewer.post(ratings, form: fields)
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertContains(refused.body.string, "Answer every question")
            XCTAssertContains(refused.body.string, "value=\"often\" checked")
            for question in questions { fields["q:\(question.code)"] = "always" }
            let kept = try await reviewer.post(ratings, form: fields)
            XCTAssertEqual(kept.status, .seeOther)
            let after = try JSONDecoder().decode(
                Scorecard.self, from: Data(buffer: try await reviewer.get("/api/v1/scorecard").body))
            let atlas = try XCTUnwrap(after.columns.first { $0.vendor == "Atlas Moves" })
            XCTAssertEqual(atlas.overall, 1)
            XCTAssertEqual(atlas.questionnaires, 1)
            XCTAssertFalse(atlas.isHost)

            let wrongYear = try await reviewer.post(ratings, form: fields.merging(["year": "1999"]) { _, new in new })
            XCTAssertEqual(wrongYear.status, .badRequest)

            // A questionnaire entered by mistake is removed after a confirmation; its answers
            // leave the scorecard. Another's, or an unknown one, is not found.
            let listed = try await reviewer.get("/scorecard").body.string
            XCTAssertContains(listed, "Questionnaires answered here")
            let scorecards = VendorScorecardRepository(database: app.db)
            let reviewerID = try await PeopleRepository(database: app.db).personID(
                email: WebHarness.email(of: .customerReviewer, in: demo))
            let customer = try await scorecards.customer(ofPerson: try XCTUnwrap(reviewerID))
            let customerID = try XCTUnwrap(customer?.id)
            let vendors = try await scorecards.vendors(customerID: customerID)
            let atlasID = try XCTUnwrap(vendors.first { $0.name == "Atlas Moves" }).id
            let atlasRatings = try await scorecards.ratings(customerID: customerID).filter { $0.vendorID == atlasID }
            XCTAssertEqual(atlasRatings.count, 1)
            let atlasRating = try XCTUnwrap(atlasRatings.first)
            let removal = SitePath.vendorRatingRemoval.url(atlasRating.id)
            XCTAssertContains(listed, "href=\"\(removal)\"")
            let confirmation = try await reviewer.get(removal)
            XCTAssertEqual(confirmation.status, .ok)
            XCTAssertContains(confirmation.body.string, "Remove the questionnaire?")
            let removed = try await reviewer.post(removal, form: [:])
            XCTAssertEqual(removed.status, .seeOther)
            let without = try JSONDecoder().decode(
                Scorecard.self, from: Data(buffer: try await reviewer.get("/api/v1/scorecard").body))
            XCTAssertNil(without.columns.first { $0.vendor == "Atlas Moves" }, "no questionnaire, no column")
            let removedAgain = try await reviewer.post(removal, form: [:])
            XCTAssertEqual(removedAgain.status, .notFound)
            let unknown = try await reviewer.get(SitePath.vendorRatingRemoval.url(UUID()))
            XCTAssertEqual(unknown.status, .notFound)

            // Nobody at the vendor reads the customer's scores of other vendors.
            for role in [Role.programmeManager, .administrator, .supervisor, .accountManager] {
                let staff = BrowserSession(app: app)
                try await staff.signIn(WebHarness.email(of: role, in: demo))
                let answer = try await staff.get("/api/v1/scorecard")
                XCTAssertEqual(answer.status, .forbidden, role.rawValue)
                let pageAnswer = try await staff.get(String(link))
                XCTAssertEqual(pageAnswer.status, .forbidden, role.rawValue)
            }
        }
    }

    func test_anotherCustomersVendor_isNotFound_andBadActionsChangeNothing() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let reviewer = BrowserSession(app: app)
            try await reviewer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            // A reviewer of another customer, signed in with their own account.
            let other = demo.people.first {
                !$0.organisation.isEmpty && $0.organisation != demo.accounts[0].customer
            }!
            _ = try await UserRepository(database: app.db).create(
                email: other.email, passwordHash: DemoOrganisation.password, role: .customerReviewer)
            let stranger = BrowserSession(app: app)
            try await stranger.signIn(other.email)
            let theirs = try await stranger.get("/api/v1/scorecard")
            XCTAssertEqual(try JSONDecoder().decode(Scorecard.self, from: Data(buffer: theirs.body)).columns.count, 0)

            let customerID = try await VendorScorecardRepository(database: app.db).customer(
                ofPerson: try await PeopleRepository(database: app.db).personID(
                    email: WebHarness.email(of: .customerReviewer, in: demo))!)!.id
            let vendor = try await VendorScorecardRepository(database: app.db).vendors(customerID: customerID)[0]
            let form = try await stranger.get("/scorecard/vendors/\(vendor.id)/rate")
            XCTAssertEqual(form.status, .notFound)
            let action = try await stranger.post(
                "/scorecard/actions",
                form: ["vendor": vendor.id.uuidString, "year": "2026", "title": "Take it over", "ownerName": "Me"])
            XCTAssertEqual(action.status, .badRequest)
            let actions = try await VendorScorecardRepository(database: app.db).actions(customerID: customerID)
            let status = try await stranger.post(
                "/scorecard/actions/\(actions[0].id)/status", form: ["status": "dropped"])
            XCTAssertEqual(status.status, .notFound)

            // The reviewer's forms carry the token of the page they came from.
            _ = try await reviewer.get("/scorecard")
            for bad in [
                ["vendor": vendor.id.uuidString, "year": "2026", "title": "", "ownerName": "Lena"],
                ["vendor": vendor.id.uuidString, "year": "abc", "title": "Weekly call", "ownerName": "Lena"],
                [
                    "vendor": vendor.id.uuidString, "year": "2026", "title": "Weekly call", "ownerName": "Lena",
                    "dueDate": "31/12",
                ],
                ["vendor": "nope", "year": "2026", "title": "Weekly call", "ownerName": "Lena"],
            ] {
                let answer = try await reviewer.post("/scorecard/actions", form: bad)
                XCTAssertEqual(answer.status, .badRequest, "\(bad)")
            }
            let badStatus = try await reviewer.post(
                "/scorecard/actions/\(actions[0].id)/status", form: ["status": "finished"])
            XCTAssertEqual(badStatus.status, .badRequest)
            let unchanged = try await VendorScorecardRepository(database: app.db).actions(customerID: customerID)
            XCTAssertEqual(unchanged, actions)
        }
    }
}
