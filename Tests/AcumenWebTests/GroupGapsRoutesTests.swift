import AcumenCore
import AcumenStore
import XCTVapor
import XCTest

@testable import AcumenWeb

/// A group's gaps and a group session drafted from them, as a supervisor and programme staff use them.
final class GroupGapsRoutesTests: XCTestCase {
    func test_aSessionForTheSupervisorsTeam_enrolsThoseBelowTarget_onTheirRoadmaps() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let personID = try await RoadmapRoutesTests.releasedResults(app: app, demo: demo)
            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let person = try await PeopleRepository(database: app.db).person(
                id: personID, visibleTo: Viewer(userID: UUID(), email: "", role: .administrator, personID: nil))
            let group = "supervisor|\(person.supervisorName)"
            let page = try await supervisor.get(
                "/development/groups?group=\(group.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertContains(page.body.string, "1 with released results")
            // Only the rated account manager has results, and every competency was rated at the bottom.
            let code = GlobalMobilityAccountManagerFramework.content.competencies[0].code
            let refused = try await supervisor.post(
                "/development/groups/sessions", form: ["group": "supervisor|Somebody Else", "competency": code])
            XCTAssertEqual(refused.status, .notFound)
            try await supervisor.get("/development/groups")
            let created = try await supervisor.post(
                "/development/groups/sessions", form: ["group": group, "competency": code])
            XCTAssertEqual(created.status, .seeOther)
            let stored = try await RoadmapRepository(database: app.db).roadmap(personID: personID)
            let roadmap = try XCTUnwrap(stored, "a roadmap is drafted to carry the session")
            let item = try XCTUnwrap(roadmap.items.first { $0.reason == .groupSession(competencyCode: code) })
            XCTAssertEqual(item.status, .enrolled)
            XCTAssertEqual(item.note, person.supervisorName)
            let sessions = try await GroupSessionRepository(database: app.db).sessions()
            XCTAssertEqual(sessions.map(\.enrolled), [1])

            XCTAssertEqual(roadmap.items.filter { $0.offeringID == item.offeringID }.count, 1)

            // Again: the person already has it open, so nothing is added twice.
            try await supervisor.get("/development/groups")
            _ = try await supervisor.post("/development/groups/sessions", form: ["group": group, "competency": code])
            let again = try await RoadmapRepository(database: app.db).roadmap(personID: personID)
            XCTAssertEqual(again?.items.filter { $0.offeringID == item.offeringID }.count, 1)
            // Drafting again keeps the session.
            try await supervisor.get("/people/\(personID)/roadmap")
            _ = try await supervisor.post("/people/\(personID)/roadmap/draft", form: [:])
            let redrafted = try await RoadmapRepository(database: app.db).roadmap(personID: personID)
            XCTAssertTrue(redrafted?.items.contains { $0.id == item.id } ?? false)
        }
    }

    func test_accountManagersAndCustomers_cannotReadGroupGaps_andUnknownGroupsAreNotFound() async throws {
        try await WebHarness.withDemoApp { app, demo in
            for role in [Role.accountManager, .customerReviewer] {
                let session = BrowserSession(app: app)
                try await session.signIn(WebHarness.email(of: role, in: demo))
                let refused = try await session.get("/development/groups")
                XCTAssertEqual(refused.status, .forbidden, "\(role)")
            }
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let unknown = try await manager.get("/development/groups?group=team%7CNowhere")
            XCTAssertEqual(unknown.status, .notFound)
            let malformed = try await manager.get("/development/groups?group=%00%7C")
            XCTAssertEqual(malformed.status, .notFound)
        }
    }
}
