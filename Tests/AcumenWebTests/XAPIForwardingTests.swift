import AcumenCore
import AcumenStore
import NIOConcurrencyHelpers
import SQLKit
import XCTVapor
import XCTest

@testable import AcumenWeb

/// What Acumen tells the programme's record store: statements made from the outbox are valid
/// xAPI with the competency as context, sent once, and kept for a retry when the store refuses.
final class XAPIForwardingTests: XCTestCase {
    /// A record store that answers every request with one status and remembers the bodies.
    final class RecordingClient: Client, Sendable {
        let eventLoop: any EventLoop
        let status: HTTPResponseStatus
        private let sent = NIOLockedValueBox<[String]>([])

        init(eventLoop: any EventLoop, status: HTTPResponseStatus) {
            self.eventLoop = eventLoop
            self.status = status
        }

        var bodies: [String] { sent.withLockedValue { $0 } }

        func delegating(to eventLoop: any EventLoop) -> any Client { self }

        func send(_ request: ClientRequest) -> EventLoopFuture<ClientResponse> {
            sent.withLockedValue { $0.append(request.body.map { String(buffer: $0) } ?? "") }
            return eventLoop.makeSucceededFuture(ClientResponse(status: status))
        }
    }

    func test_completions_observations_andReleases_becomeValidStatements_sentOnce() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let personID = try await RoadmapRoutesTests.releasedResults(app: app, demo: demo)
            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let path = "/people/\(personID)/roadmap"
            try await supervisor.get(path)
            _ = try await supervisor.post("\(path)/draft", form: [:])
            let drafted = try await RoadmapRepository(database: app.db).roadmap(personID: personID)
            let item = try XCTUnwrap(drafted?.items.first { $0.competencyCode != nil })
            try await supervisor.get(path)
            _ = try await supervisor.post("\(path)/items/\(item.id)/status", form: ["status": "completed", "note": ""])
            let code = try XCTUnwrap(item.competencyCode)
            let form = "/people/\(personID)/observations"
            try await supervisor.get("\(form)/new?competency=\(code)")
            _ = try await supervisor.post(
                form,
                form: [
                    "competency": code, "setting": "call", "observedOn": CalendarDate.today.description,
                    RaterFormFields.behaviour(code, level: 0, position: 0): "on",
                ])

            let outbox = XAPIOutboxRepository(database: app.db)
            let due = try await outbox.claimDue(lease: 0, limit: 1000)
            XCTAssertEqual(Set(due.map(\.kind)), [.released, .completed, .observed])
            let forwarding = XAPIForwarding(endpoint: "https://lrs.example/xAPI", key: "k", secret: "s")
            let refusing = RecordingClient(eventLoop: app.eventLoopGroup.next(), status: .internalServerError)
            try await XAPIForwarder(
                database: app.db, client: refusing, forwarding: forwarding, baseURL: "https://acumen.example"
            ).deliver()
            // Released results of people nobody rated make no statement and are done; the three
            // events with statements wait for a retry, their statements kept.
            let keptAfterRefusal = try await outbox.claimDue(at: Date().addingTimeInterval(3600), lease: 0, limit: 1000)
            XCTAssertEqual(keptAfterRefusal.count, 3)
            XCTAssertEqual(refusing.bodies.count, 3)
            XCTAssertTrue(keptAfterRefusal.allSatisfy { $0.attempts == 1 && $0.statements != nil })

            let accepting = RecordingClient(eventLoop: app.eventLoopGroup.next(), status: .ok)
            try await XAPIForwarder(
                database: app.db, client: accepting, forwarding: forwarding, baseURL: "https://acumen.example"
            ).deliver()
            XCTAssertEqual(accepting.bodies.count, 0, "a refused event waits for its retry time")
            // Due again (as after the wait): the same statements go, and are then sent.
            try await (app.db as! any SQLDatabase).raw(
                "UPDATE xapi_outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z'"
            ).run()
            try await XAPIForwarder(
                database: app.db, client: accepting, forwarding: forwarding, baseURL: "https://acumen.example"
            ).deliver()
            XCTAssertEqual(Set(accepting.bodies), Set(refusing.bodies), "a retry sends the same statements")
            let statements = accepting.bodies.flatMap { JSONValue.parse(Data($0.utf8))?.array ?? [] }
            for statement in statements {
                XCTAssertEqual(XAPIStatementRules.problems(statement), [], statement.canonicalText)
            }
            let verbs = Set(statements.compactMap { $0["verb"]?["id"]?.string })
            XCTAssertEqual(
                verbs,
                [
                    AcumenStatements.completed, AcumenStatements.scored, "https://acumen.example/xapi/verbs/observed",
                ])
            let completion = try XCTUnwrap(statements.first { $0["verb"]?["id"]?.string == AcumenStatements.completed })
            let category = completion["context"]?["contextActivities"]?["category"]?.array?.first?["id"]?.string
            XCTAssertTrue(category?.hasSuffix("/\(code)") ?? false, category ?? "no competency")
            let released = statements.filter { $0["verb"]?["id"]?.string == AcumenStatements.scored }
            XCTAssertEqual(released.count, GlobalMobilityAccountManagerFramework.content.competencies.count)
            let finalCounts = try await outbox.counts()
            XCTAssertEqual(finalCounts["pending"], nil)

            try await XAPIForwarder(
                database: app.db, client: accepting, forwarding: forwarding, baseURL: "https://acumen.example"
            ).deliver()
            XCTAssertEqual(accepting.bodies.count, 3, "sent events are not sent twice")
        }
    }

    func test_forwardingIsConfiguredWhole_orRefusedWithWhatToSet() throws {
        XCTAssertNil(try XAPIForwarding.fromEnvironment([:]))
        let configured = try XAPIForwarding.fromEnvironment([
            "ACUMEN_XAPI_FORWARD_URL": "https://lrs.example/xAPI", "ACUMEN_XAPI_FORWARD_KEY": "k",
            "ACUMEN_XAPI_FORWARD_SECRET": "s",
        ])
        XCTAssertEqual(configured?.endpoint, "https://lrs.example/xAPI/")
        for broken in [
            ["ACUMEN_XAPI_FORWARD_URL": "https://lrs.example/xAPI/"],
            [
                "ACUMEN_XAPI_FORWARD_URL": "ftp://lrs.example/", "ACUMEN_XAPI_FORWARD_KEY": "k",
                "ACUMEN_XAPI_FORWARD_SECRET": "s",
            ],
        ] {
            XCTAssertThrowsError(try XAPIForwarding.fromEnvironment(broken)) { error in
                XCTAssertTrue(String(describing: error).contains("ACUMEN_XAPI_FORWARD_SECRET"), "\(error)")
            }
        }
    }
}
