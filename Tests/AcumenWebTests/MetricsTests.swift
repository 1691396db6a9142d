import AcumenCore
import AcumenStore
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

final class MetricsTests: XCTestCase {
    private let token = "metrics-scraper-token-0123456789"

    /// With a token configured, only that bearer token scrapes; a user's token does not.
    func test_metrics_needTheScrapersToken() async throws {
        try await WebHarness.withDemoApp(adjusting: { $0.metricsToken = self.token }) { app, demo in
            let userToken = try await WebHarness.token(for: .administrator, app: app, demo: demo)
            for sent in ["", "Bearer \(userToken)", "Bearer \(token)x"] {
                try await app.send(
                    .GET, "/metrics", headers: sent.isEmpty ? [:] : ["Authorization": sent],
                    afterResponse: { response in
                        XCTAssertEqual(response.status, .unauthorized, sent)
                        XCTAssertFalse(response.body.string.contains("acumen_"), sent)
                    })
            }
        }
    }

    /// Requests are counted by route pattern (never by path), submissions are counted without
    /// their source, and the outbox is read from the database at each scrape.
    func test_aScrape_countsRequestsByPattern_submissions_andTheQueues() async throws {
        try await WebHarness.withDemoApp(adjusting: { $0.metricsToken = self.token }) { app, demo in
            let manager = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await AssessmentRoutesTests.openCycle(manager)
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let link = try await AssessmentRoutesTests.link(to: customer, app: app)
            let count = try await CycleRepository(database: app.db).questionnaire(cycleID: UUID(uuidString: cycle)!)
                .questions.count
            try await AssessmentRoutesTests.Client(app: app, token: nil).call(
                .POST, "/api/v1/rater/\(link)/submit",
                json: try await AssessmentRoutesTests.answers("often", count: count, app: app, cycle: cycle),
                expect: .created)
            let pending = try await OutboxRepository(database: app.db).counts()[.pending] ?? 0
            XCTAssertGreaterThan(pending, 0)

            var scraped = ""
            try await app.send(
                .GET, "/metrics", headers: ["Authorization": "Bearer \(token)"],
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    XCTAssertTrue(response.headers.contentType?.description.hasPrefix("text/plain") ?? false)
                    scraped = response.body.string
                })
            let lines = scraped.split(separator: "\n").map(String.init)
            XCTAssertTrue(lines.contains("acumen_submissions_total 1"), scraped)
            XCTAssertTrue(
                lines.contains {
                    $0.hasPrefix(
                        #"acumen_http_requests_total{method="POST",route="/api/v1/rater/:token/submit",status="201"}"#)
                }, "counted by pattern")
            XCTAssertFalse(scraped.contains(link), "a rater's token never reaches the metrics")
            XCTAssertFalse(scraped.contains("customer"), "submissions are not counted by source")
            XCTAssertTrue(lines.contains(#"acumen_outbox_messages{queue="mail",status="pending"} \#(Double(pending))"#))
            XCTAssertTrue(lines.contains("acumen_database_up 1.0"))
        }
    }
}
