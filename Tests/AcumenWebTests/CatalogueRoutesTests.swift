import AcumenCore
import AcumenStore
import Foundation
import XCTVapor
import XCTest

@testable import AcumenWeb

final class CatalogueRoutesTests: XCTestCase {
    typealias Client = AssessmentRoutesTests.Client

    func test_accountManagers_searchTheCatalogue_andReadAnOffering() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .accountManager, in: demo))
            let all = try await manager.get("/catalogue")
            XCTAssertEqual(all.status, .ok)
            XCTAssertContains(all.body.string, "offerings match")
            XCTAssertContains(all.body.string, "href=\"/catalogue\"")
            XCTAssertFalse(all.body.string.contains("Import the file"), "only programme staff keep the catalogue")

            let videos = try await manager.get("/catalogue?format=video&competency=OM.4")
            let offerings = try await CatalogueRepository(database: app.db).offerings()
            let expected = offerings.filter { offering in
                offering.format == .video && offering.targets.contains { $0.competencyCode == "OM.4" }
            }
            XCTAssertFalse(expected.isEmpty)
            XCTAssertContains(
                videos.body.string, expected.count == 1 ? "One offering matches." : "\(expected.count) offerings match."
            )
            for offering in expected { XCTAssertContains(videos.body.string, "/catalogue/offerings/\(offering.id)") }

            let refused = try await manager.get("/catalogue?format=podcast&level=top")
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertContains(refused.body.string, "Some filters could not be read")
            XCTAssertContains(refused.body.string, "\(offerings.count) offerings match.")

            let withPrerequisite = try XCTUnwrap(offerings.first { !$0.prerequisites.isEmpty })
            let page = try await manager.get("/catalogue/offerings/\(withPrerequisite.id)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertContains(page.body.string, withPrerequisite.xapiActivityID)
            XCTAssertContains(page.body.string, "To take first")
            let missing = try await manager.get("/catalogue/offerings/\(UUID())")
            XCTAssertEqual(missing.status, .notFound)
            let nonsense = try await manager.get("/catalogue/offerings/nonsense")
            XCTAssertEqual(nonsense.status, .notFound)
            let export = try await manager.get("/catalogue/export")
            XCTAssertEqual(export.status, .forbidden)

            let customer = BrowserSession(app: app)
            try await customer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            let forCustomer = try await customer.get("/catalogue")
            XCTAssertEqual(forCustomer.status, .forbidden)
        }
    }

    func test_theOfferingsAPI_givesEveryOffering_withCompetenciesAndActivityIDs() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let client = Client(app: app, token: try await WebHarness.token(for: .accountManager, app: app, demo: demo))
            let response = try await client.call(.GET, "/api/v1/offerings", expect: .ok)
            let offerings = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [[String: Any]]
            XCTAssertGreaterThanOrEqual(offerings?.count ?? 0, 100)
            let first = try XCTUnwrap(offerings?.first)
            XCTAssertNotNil(first["xapiActivityId"] as? String)
            let competency = try XCTUnwrap((first["competencies"] as? [[String: Any]])?.first)
            XCTAssertNotNil(competency["code"] as? String)
            XCTAssertTrue(["Baseline", "Advanced", "Expert"].contains(competency["toLevel"] as? String ?? ""))
            let short = try await client.call(.GET, "/api/v1/offerings?maxMinutes=10", expect: .ok)
            let durations = (try JSONSerialization.jsonObject(with: Data(short.body.string.utf8)) as? [[String: Any]])?
                .compactMap { $0["durationMinutes"] as? Int }
            XCTAssertFalse(durations?.isEmpty ?? true)
            XCTAssertTrue(durations?.allSatisfy { $0 <= 10 } ?? false)
            try await client.call(.GET, "/api/v1/offerings?format=podcast", expect: .badRequest)
            try await Client(app: app, token: nil).call(.GET, "/api/v1/offerings", expect: .unauthorized)
        }
    }

    func test_programmeStaff_exportAndImportTheCatalogue_allOrNothing() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            try await manager.get("/catalogue")
            let export = try await manager.get("/catalogue/export")
            XCTAssertEqual(export.status, .ok)
            XCTAssertEqual(export.headers.contentType?.subType, "csv")
            let csv = export.body.string
            let before = try await CatalogueRepository(database: app.db).offerings()
            XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, before.count + 1)

            // A file edited in a spreadsheet: one row broken. Nothing changes, and the line is named.
            var lines = csv.components(separatedBy: "\r\n")
            lines[3] = lines[3].replacingOccurrences(of: ",technical,", with: ",sometime,")
                .replacingOccurrences(of: ",relationship,", with: ",sometime,")
            let refused = try await manager.upload(
                "/catalogue/import", filename: "catalogue.csv", contents: lines.joined(separator: "\r\n"))
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertContains(refused.body.string, "Line 4: phase")
            let unchanged = try await CatalogueRepository(database: app.db).offerings()
            XCTAssertEqual(unchanged, before)

            try await manager.get("/catalogue")
            let imported = try await manager.upload("/catalogue/import", filename: "catalogue.csv", contents: csv)
            XCTAssertEqual(imported.status, .seeOther)
            let after = try await manager.get("/catalogue")
            XCTAssertContains(after.body.string, "0 offerings added, \(before.count) updated")
            let reimported = try await CatalogueRepository(database: app.db).offerings()
            XCTAssertEqual(reimported, before, "an exported catalogue imports back as it was")
            // The page reads the catalogue afresh once it changed, though it keeps it between requests.
            let renamed = csv.replacingOccurrences(
                of: ",Being the one point of contact (e-learning),", with: ",Owning every request (e-learning),")
            XCTAssertNotEqual(renamed, csv)
            try await manager.upload("/catalogue/import", filename: "catalogue.csv", contents: renamed)
            let changed = try await manager.get("/catalogue?q=owning+every+request")
            XCTAssertContains(changed.body.string, "One offering matches.")
        }
    }

    func test_programmeStaff_addTheirOwnCategory_andOthersCannot() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            try await manager.get("/catalogue")
            let empty = try await manager.post("/catalogue/categories", form: ["name": "  "])
            XCTAssertEqual(empty.status, .badRequest)
            try await manager.get("/catalogue")
            let added = try await manager.post("/catalogue/categories", form: ["name": "Duty of Care"])
            XCTAssertEqual(added.status, .seeOther)
            try await manager.get("/catalogue")
            _ = try await manager.post("/catalogue/categories", form: ["name": "duty of care"])
            let categories = try await CatalogueRepository(database: app.db).categories()
            XCTAssertEqual(
                categories.count, CatalogueCategory.defaults.count + 1, "the same name in other capitals is one")
            XCTAssertEqual(categories.last, "Duty of Care")

            let member = BrowserSession(app: app)
            try await member.signIn(WebHarness.email(of: .accountManager, in: demo))
            try await member.get("/catalogue")
            let refused = try await member.post("/catalogue/categories", form: ["name": "Mine"])
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    /// A listing by filters is kept rendered; it must follow every change to the catalogue
    /// and never carry one reader's page to another.
    func test_aKeptListing_followsChanges_andIsNobodysOwn() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let before = try await staff.get("/catalogue?format=video")
            XCTAssertFalse(before.body.string.contains(">Duty of Care</option>"))
            XCTAssertEqual(before.body.string.components(separatedBy: "Duty of Care").count, 1)
            try await staff.post("/catalogue/categories", form: ["name": "Duty of Care"])
            let after = try await staff.get("/catalogue?format=video")
            XCTAssertContains(after.body.string, ">Duty of Care</option>")  // a new revision, a new listing

            let member = BrowserSession(app: app)
            try await member.signIn(WebHarness.email(of: .accountManager, in: demo))
            let english = try await member.get("/catalogue?format=video").body.string
            XCTAssertFalse(english.contains("Import the file"), "staff's part of the page is not kept with the listing")
            XCTAssertEqual(
                english.components(separatedBy: "/catalogue/offerings/").count,
                after.body.string.components(separatedBy: "/catalogue/offerings/").count, "the same offerings")
            XCTAssertFalse(english.contains(staff.csrf), "nor anyone's token")
        }
    }
}
