import AcumenCore
import AcumenStore
import XCTVapor
import XCTest

@testable import AcumenWeb

/// Community content from sharing to publishing, and views and ratings of offerings.
final class CommunityRoutesTests: XCTestCase {
    func test_anAccountManagerShares_aProgrammeManagerPublishes_andColleaguesViewAndRate() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let member = BrowserSession(app: app)
            try await member.signIn(WebHarness.email(of: .accountManager, in: demo))
            try await member.get("/catalogue/share")
            let broken = try await member.post(
                "/catalogue/share",
                form: [
                    "title": "", "format": "classroom", "link": "javascript:alert(1)", "durationMinutes": "600",
                    "category": "Nowhere", "competency": "ZZ.1", "fromLevel": "2", "toLevel": "1",
                ])
            XCTAssertEqual(broken.status, .unprocessableEntity)
            XCTAssertContains(broken.body.string, "It was not sent")
            let before = try await CommunityRepository(database: app.db).submissions()
            try await member.get("/catalogue/share")
            let sent = try await member.post(
                "/catalogue/share",
                form: [
                    "title": "Three questions before any renewal", "summary": "What I ask every customer.",
                    "format": "video", "link": "https://video.example/renewal", "durationMinutes": "5",
                    "category": "The Client", "competency": "OM.7", "fromLevel": "0", "toLevel": "1",
                ])
            XCTAssertEqual(sent.status, .seeOther)
            let after = try await CommunityRepository(database: app.db).submissions()
            let mine = try XCTUnwrap(after.first { $0.title == "Three questions before any renewal" })
            XCTAssertEqual(after.count, before.count + 1)
            XCTAssertEqual(mine.status, .submitted)

            let refused = try await member.get("/catalogue/submissions")
            XCTAssertEqual(refused.status, .forbidden)
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let queue = try await manager.get("/catalogue/submissions")
            XCTAssertContains(queue.body.string, "Three questions before any renewal")
            let published = try await manager.post(
                "/catalogue/submissions/\(mine.id)/publish", form: ["phase": "relationship", "note": "Great"])
            XCTAssertEqual(published.status, .seeOther)
            let offering = try await CatalogueRepository(database: app.db).offering(id: mine.id)
            XCTAssertEqual(offering.owner, "Shared by \(mine.contributorName)")
            XCTAssertEqual(offering.format, .video)
            XCTAssertEqual(offering.targets.map(\.competencyCode), ["OM.7"])

            // Views count once a day per person; one rating per person, replaced when rated again.
            for _ in 0..<2 { _ = try await member.get("/catalogue/offerings/\(mine.id)") }
            _ = try await member.post("/catalogue/offerings/\(mine.id)/rating", form: ["stars": "4"])
            try await member.get("/catalogue/offerings/\(mine.id)")
            _ = try await member.post("/catalogue/offerings/\(mine.id)/rating", form: ["stars": "5"])
            try await member.get("/catalogue/offerings/\(mine.id)")
            let badStars = try await member.post("/catalogue/offerings/\(mine.id)/rating", form: ["stars": "9"])
            XCTAssertEqual(badStars.status, .badRequest)
            let usage = try await CommunityRepository(database: app.db).usage(offeringID: mine.id, personID: nil)
            XCTAssertEqual(usage.views, 1)
            XCTAssertEqual(usage.ratings, 1)
            XCTAssertEqual(usage.averageStars, 5)
            let page = try await manager.get("/catalogue/offerings/\(mine.id)").body.string
            XCTAssertContains(page, "One rating: 5.0 stars.")

            let customer = BrowserSession(app: app)
            try await customer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            let noShare = try await customer.get("/catalogue/share")
            XCTAssertEqual(noShare.status, .forbidden)
        }
    }
}
