import AcumenCore
import AcumenStore
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

final class AuditTrailTests: XCTestCase {
    /// Changes and exports are recorded with who made them and the ids they named; raters'
    /// answers and sign-ins are not, and nothing names a rater's token.
    func test_changesAndExports_areRecorded_ratersAnswersAreNot() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let managerEmail = WebHarness.email(of: .programmeManager, in: demo)
            let manager = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await AssessmentRoutesTests.openCycle(manager)
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let token = try await AssessmentRoutesTests.link(to: customer, app: app)
            let count = try await CycleRepository(database: app.db).questionnaire(cycleID: UUID(uuidString: cycle)!)
                .questions.count
            let rater = AssessmentRoutesTests.Client(app: app, token: nil)
            try await rater.call(
                .POST, "/api/v1/rater/\(token)/autosave", json: #"{"name": "q:OM.1-a", "value": "often"}"#,
                expect: .noContent)
            try await rater.call(
                .POST, "/api/v1/rater/\(token)/submit",
                json: try await AssessmentRoutesTests.answers("often", count: count, app: app, cycle: cycle),
                expect: .created)
            try await manager.call(.GET, "/analytics/programme/people.csv", expect: .ok)
            try await manager.call(.GET, "/api/v1/cycles", expect: .ok)

            let entries = try await AuditLogRepository(database: app.db).entries()
            XCTAssertNil(AuditChain.verify(entries))
            let actions = entries.map { "\($0.actor) \($0.action)" }
            XCTAssertTrue(actions.contains("\(managerEmail) POST /api/v1/cycles"), "\(actions)")
            let advanced = try XCTUnwrap(entries.first { $0.action == "POST /api/v1/cycles/:cycleID/advance" })
            XCTAssertEqual(advanced.subject, "cycleID=\(cycle)")
            XCTAssertTrue(actions.contains("\(managerEmail) GET /analytics/programme/people.csv"), "an export")
            XCTAssertFalse(actions.contains { $0.hasSuffix("GET /api/v1/cycles") }, "a read is not a change")
            XCTAssertFalse(actions.contains { $0.contains("/rater/") || $0.contains("/r/") }, "\(actions)")
            XCTAssertFalse(entries.contains { $0.subject.contains(token) })
        }
    }
}
