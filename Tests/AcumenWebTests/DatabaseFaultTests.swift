import AcumenCore
import AcumenStore
import SQLKit
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

final class DatabaseFaultTests: XCTestCase {
    /// A database that refuses writes (here SQLite's `query_only`, as a read-only file or a
    /// full disk would): answers are refused with 503 and a message saying nothing was saved,
    /// on the API and on the rater's page, and indeed nothing is saved.
    func test_aDatabaseThatRefusesWrites_answers503_andNothingIsReportedSaved() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await AssessmentRoutesTests.openCycle(manager)
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let token = try await AssessmentRoutesTests.link(to: customer, app: app)
            let rater = AssessmentRoutesTests.Client(app: app, token: nil)
            try await rater.call(
                .POST, "/api/v1/rater/\(token)/autosave", json: #"{"name": "q:OM.1-a", "value": "often"}"#,
                expect: .noContent)

            try await Self.setQueryOnly(true, app: app)
            let refused = try await rater.call(
                .POST, "/api/v1/rater/\(token)/autosave", json: #"{"name": "q:OM.1-b", "value": "always"}"#,
                expect: .serviceUnavailable)
            XCTAssertEqual(try refused.content.get(String.self, at: "error", "code"), "unavailable")
            XCTAssertTrue(
                try refused.content.get(String.self, at: "error", "message").lowercased().contains("nothing was saved"))
            XCTAssertEqual(refused.headers.first(name: .retryAfter), "30")
            let count = try await CycleRepository(database: app.db).questionnaire(cycleID: UUID(uuidString: cycle)!)
                .questions.count
            try await rater.call(
                .POST, "/api/v1/rater/\(token)/submit",
                json: try await AssessmentRoutesTests.answers("often", count: count, app: app, cycle: cycle),
                expect: .serviceUnavailable)
            try await app.send(
                .POST, "/r/\(token)/autosave", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "name=q%3AOM.1-b&value=always"),
                afterResponse: { response in
                    XCTAssertEqual(response.status, .serviceUnavailable)
                })

            try await Self.setQueryOnly(false, app: app)
            let form = try await rater.call(.GET, "/api/v1/rater/\(token)", expect: .ok)
            XCTAssertEqual(
                try form.content.get([String: String].self, at: "fields"), ["q:OM.1-a": "often"],
                "only what was acknowledged is kept")
            XCTAssertEqual(try form.content.get(Bool.self, at: "submitted"), false)
        }
    }

    /// Every pooled connection (one per event loop) refuses or allows writes.
    private static func setQueryOnly(_ on: Bool, app: Application) async throws {
        for loop in app.eventLoopGroup.makeIterator() {
            let database = try XCTUnwrap(app.databases.database(.acumen, logger: app.logger, on: loop))
            try await (database as! any SQLDatabase).raw("PRAGMA query_only = \(unsafeRaw: on ? "ON" : "OFF")").run()
        }
    }
}
