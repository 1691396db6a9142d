import AcumenCore
import AcumenStore
import Foundation
import XCTVapor
import XCTest

@testable import AcumenWeb

final class RoadmapRoutesTests: XCTestCase {
    typealias Client = AssessmentRoutesTests.Client

    /// A released cycle in which the demo supervisor rated the demo account manager at the
    /// lowest level on every competency; returns the account manager's person id.
    static func releasedResults(app: Application, demo: DemoOrganisation) async throws -> UUID {
        let manager = Client(app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
        let cycle = try await AssessmentRoutesTests.openCycle(manager, name: "Roadmap review")
        let accountManager = WebHarness.email(of: .accountManager, in: demo)
        let subject = try XCTUnwrap(demo.people.first { $0.email == accountManager })
        let token = try await AssessmentRoutesTests.link(
            to: WebHarness.email(of: .supervisor, in: demo), about: subject.name, app: app)
        let fields = GlobalMobilityAccountManagerFramework.content.competencies.flatMap { competency in
            ["\"override:\(competency.code)\": \"0\"", "\"reason:\(competency.code)\": \"Seen in meetings\""]
        }
        try await Client(app: app, token: nil).call(
            .POST, "/api/v1/rater/\(token)/submit", json: "{\"fields\": {" + fields.joined(separator: ", ") + "}}",
            expect: .created)
        for from in ["open", "closed"] {
            try await manager.call(
                .POST, "/api/v1/cycles/\(cycle)/advance", json: #"{"from": "\#(from)"}"#, expect: .ok)
        }
        let personID = try await PeopleRepository(database: app.db).personID(email: accountManager)
        return try XCTUnwrap(personID)
    }

    func test_aSupervisor_draftsFromReleasedGaps_theAccountManagerReportsProgress_andTheSupervisorApproves()
        async throws
    {
        try await WebHarness.withDemoApp { app, demo in
            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let accountManager = BrowserSession(app: app)
            try await accountManager.signIn(WebHarness.email(of: .accountManager, in: demo))
            let personID = try await PeopleRepository(database: app.db).personID(
                email: WebHarness.email(of: .accountManager, in: demo))
            let path = "/people/\(try XCTUnwrap(personID))/roadmap"

            // Before any released results: nothing to draft from, and nothing drafted.
            let empty = try await supervisor.get(path)
            XCTAssertEqual(empty.status, .ok)
            XCTAssertContains(empty.body.string, "No roadmap yet")
            _ = try await supervisor.post("\(path)/draft", form: [:])
            let stillEmpty = try await supervisor.get(path)
            XCTAssertContains(stillEmpty.body.string, "no released results to draft from yet")

            _ = try await Self.releasedResults(app: app, demo: demo)
            try await supervisor.get(path)
            let drafted = try await supervisor.post("\(path)/draft", form: [:])
            XCTAssertEqual(drafted.status, .seeOther)
            let stored = try await RoadmapRepository(database: app.db).roadmap(personID: personID!)
            let roadmap = try XCTUnwrap(stored)
            XCTAssertFalse(roadmap.items.isEmpty)
            XCTAssertNil(roadmap.approvedOn)
            let page = try await supervisor.get(path).body.string
            XCTAssertContains(page, "items drafted from the results of Roadmap review")
            XCTAssertContains(page, "This develops it.")
            XCTAssertContains(page, "What it was chosen over")
            // Every item develops one of the competencies rated below target, or comes before one that does.
            let codes = Set(roadmap.items.map(\.offeringCode))
            for item in roadmap.items {
                switch item.reason {
                case .closesGap(_, let current, let target): XCTAssertLessThan(current, Double(target))
                case .prerequisite(let code): XCTAssertTrue(codes.contains(code))
                case .addedBySupervisor, .groupSession: XCTFail("drafting adds nothing chosen by hand")
                }
            }

            // The account manager reads it, cannot draft or approve, and reports progress.
            let own = try await accountManager.get(path)
            XCTAssertEqual(own.status, .ok)
            XCTAssertFalse(own.body.string.contains("Approve the roadmap"))
            let refusedDraft = try await accountManager.post("\(path)/draft", form: [:])
            XCTAssertEqual(refusedDraft.status, .forbidden)
            let first = roadmap.items[0]
            let waive = try await accountManager.post(
                "\(path)/items/\(first.id)/status", form: ["status": "waived", "note": "Not for me"])
            XCTAssertEqual(waive.status, .badRequest, "only a supervisor waives an item")
            try await accountManager.get(path)
            let done = try await accountManager.post(
                "\(path)/items/\(first.id)/status", form: ["status": "completed", "note": "Took it in March"])
            XCTAssertEqual(done.status, .seeOther)

            try await supervisor.get(path)
            let approved = try await supervisor.post("\(path)/approve", form: [:])
            XCTAssertEqual(approved.status, .seeOther)
            let storedAfter = try await RoadmapRepository(database: app.db).roadmap(personID: personID!)
            let after = try XCTUnwrap(storedAfter)
            XCTAssertNotNil(after.approvedOn)
            XCTAssertEqual(after.items.first { $0.id == first.id }?.status, .completed)
            XCTAssertEqual(after.history.map(\.kind), [.approved, .statusChanged, .drafted], "newest first")
            XCTAssertEqual(after.history[1].madeBy, WebHarness.email(of: .accountManager, in: demo))

            // Drafting again keeps what is completed and plans the rest afresh, unapproved.
            try await supervisor.get(path)
            _ = try await supervisor.post("\(path)/draft", form: [:])
            let storedAgain = try await RoadmapRepository(database: app.db).roadmap(personID: personID!)
            let redrafted = try XCTUnwrap(storedAgain)
            XCTAssertEqual(redrafted.items.filter { $0.offeringCode == first.offeringCode }.count, 1)
            XCTAssertNil(redrafted.approvedOn)

            let api = Client(app: app, token: try await WebHarness.token(for: .accountManager, app: app, demo: demo))
            let answer = try await api.call(.GET, "/api/v1/people/\(personID!)/roadmap", expect: .ok)
            let body = try JSONSerialization.jsonObject(with: Data(answer.body.string.utf8)) as? [String: Any]
            let items = try XCTUnwrap(body?["items"] as? [[String: Any]])
            XCTAssertEqual(items.count, redrafted.items.count)
            XCTAssertEqual(items.first?["status"] as? String, "completed")
            XCTAssertNotNil(items.first?["offeringId"] as? String)
            XCTAssertNotNil(items.last?["due"] as? String)
            XCTAssertTrue((items.last?["reason"] as? String ?? "").hasSuffix("."))
        }
    }

    func test_whatTheLearningRecordHoldsAlready_isNotDraftedAgain() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let personID = try await Self.releasedResults(app: app, demo: demo)
            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let path = "/people/\(personID)/roadmap"
            try await supervisor.get(path)
            _ = try await supervisor.post("\(path)/draft", form: [:])
            let first = try await RoadmapRepository(database: app.db).roadmap(personID: personID)
            let taken = try XCTUnwrap(first?.items.first { if case .closesGap = $0.reason { true } else { false } })
            // Taken elsewhere and reported, while the item was not on the roadmap any more.
            _ = try await supervisor.post("\(path)/items/\(taken.id)/remove", form: [:])
            _ = try await CompletionRepository(database: app.db).record(
                [.init(personID: personID, offeringID: taken.offeringID, completedOn: .today)], source: "LMS",
                at: Date())
            try await supervisor.get(path)
            _ = try await supervisor.post("\(path)/draft", form: [:])
            let again = try await RoadmapRepository(database: app.db).roadmap(personID: personID)
            XCTAssertFalse(try XCTUnwrap(again).items.contains { $0.offeringID == taken.offeringID })
        }
    }

    func test_othersCannotReadARoadmap() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let found = try await PeopleRepository(database: app.db).personID(
                email: WebHarness.email(of: .accountManager, in: demo))
            let personID = try XCTUnwrap(found)
            let customer = BrowserSession(app: app)
            try await customer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            let refused = try await customer.get("/people/\(personID)/roadmap")
            XCTAssertEqual(refused.status, .forbidden)
            // Another account manager: as if there were no such person.
            let other = try XCTUnwrap(
                demo.people.first {
                    $0.jobTitle == "Account Manager" && $0.email != WebHarness.email(of: .accountManager, in: demo)
                })
            let users = UserRepository(database: app.db)
            _ = try await users.create(
                email: other.email, passwordHash: DemoOrganisation.password, role: .accountManager)
            let colleague = BrowserSession(app: app)
            try await colleague.signIn(other.email)
            let hidden = try await colleague.get("/people/\(personID)/roadmap")
            XCTAssertEqual(hidden.status, .notFound)
            let api = Client(app: app, token: nil)
            try await api.call(.GET, "/api/v1/people/\(personID)/roadmap", expect: .unauthorized)
        }
    }
}
