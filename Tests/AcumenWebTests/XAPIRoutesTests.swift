import AcumenCore
import AcumenStore
import XCTVapor
import XCTest

@testable import AcumenWeb

/// The learning record store as a source system uses it: credentials, statements in and out,
/// refusals that store nothing, and completions that reach roadmaps.
final class XAPIRoutesTests: XCTestCase {
    struct LRS {
        let app: Application
        let key: String
        let secret: String

        func call(
            _ method: HTTPMethod, _ path: String, body: String? = nil, version: String? = "1.0.3",
            key: String? = nil, secret: String? = nil
        ) async throws -> XCTHTTPResponse {
            var headers = HTTPHeaders()
            headers.basicAuthorization = BasicAuthorization(username: key ?? self.key, password: secret ?? self.secret)
            if let version { headers.add(name: "X-Experience-API-Version", value: version) }
            if body != nil { headers.contentType = .json }
            var result: XCTHTTPResponse!
            try await app.send(
                method, path, headers: headers, body: body.map { ByteBuffer(string: $0) },
                afterResponse: { result = $0 })
            return result
        }

        func json(_ response: XCTHTTPResponse) throws -> JSONValue {
            try XCTUnwrap(JSONValue.parse(Data(response.body.string.utf8)), response.body.string)
        }
    }

    private func withLRS(_ body: (LRS, DemoOrganisation) async throws -> Void) async throws {
        try await WebHarness.withDemoApp { app, demo in
            let issued = try await XAPICredentialIssuer.issue(name: "Moodle", createdBy: "test", database: app.db)
            try await body(LRS(app: app, key: issued.credential.key, secret: issued.secret), demo)
        }
    }

    static func statement(
        email: String = "hana.lopez@northwind-mobility.example",
        verb: String = "http://adlnet.gov/expapi/verbs/completed",
        activity: String = "https://acumen.example/xapi/activities/offerings/FIN-01", id: UUID? = nil
    ) -> String {
        let idPart = id.map { #""id": "\#($0.uuidString.lowercased())", "# } ?? ""
        return
            #"{\#(idPart)"actor": {"mbox": "mailto:\#(email)"}, "verb": {"id": "\#(verb)"}, "object": {"id": "\#(activity)"}}"#
    }

    func test_about_isOpen_andEverythingElse_wantsCredentialsAndAVersion() async throws {
        try await withLRS { lrs, _ in
            try await lrs.app.send(
                .GET, "/xapi/about",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    XCTAssertEqual(response.headers.first(name: "X-Experience-API-Version"), "1.0.3")
                    XCTAssertContains(response.body.string, #""version":["1.0.3"]"#)
                })
            let wrongSecret = try await lrs.call(.GET, "/xapi/statements", secret: "guess")
            XCTAssertEqual(wrongSecret.status, .unauthorized)
            XCTAssertNotNil(wrongSecret.headers.first(name: .wwwAuthenticate))
            let noVersion = try await lrs.call(.GET, "/xapi/statements", version: nil)
            XCTAssertEqual(noVersion.status, .badRequest)
            XCTAssertContains(noVersion.body.string, "X-Experience-API-Version")
            let future = try await lrs.call(.GET, "/xapi/statements", version: "2.0.0")
            XCTAssertEqual(future.status, .badRequest)
            let listed = try await lrs.call(.GET, "/xapi/statements")
            XCTAssertEqual(listed.status, .ok)
            XCTAssertNotNil(listed.headers.first(name: "X-Experience-API-Consistent-Through"))
        }
    }

    func test_aBatchWithOneBadStatement_storesNothing_andNamesIt() async throws {
        try await withLRS { lrs, _ in
            let batch = "[\(Self.statement()), \(Self.statement(verb: "completed")), \(Self.statement())]"
            let refused = try await lrs.call(.POST, "/xapi/statements", body: batch)
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertContains(refused.body.string, "statement 1: verb.id: must be an IRI")
            let none = try lrs.json(try await lrs.call(.GET, "/xapi/statements"))
            XCTAssertEqual(none["statements"]?.array?.count, 0)
            let notJSON = try await lrs.call(.POST, "/xapi/statements", body: "{not json")
            XCTAssertEqual(notJSON.status, .badRequest)
        }
    }

    func test_statementsAreStoredOnce_conflictsRefused_voidedHidden_andPagesFollowMore() async throws {
        try await withLRS { lrs, _ in
            let id = UUID()
            let posted = try await lrs.call(
                .POST, "/xapi/statements", body: "[\(Self.statement(id: id)), \(Self.statement()), \(Self.statement())]"
            )
            XCTAssertEqual(posted.status, .ok)
            let ids = try lrs.json(posted).array?.compactMap(\.string) ?? []
            XCTAssertEqual(ids.count, 3)
            XCTAssertEqual(ids.first, id.uuidString.lowercased())

            // The same statement again is stored once; other content under its id is a conflict.
            let again = try await lrs.call(.PUT, "/xapi/statements?statementId=\(id)", body: Self.statement(id: id))
            XCTAssertEqual(again.status, .noContent)
            let conflict = try await lrs.call(
                .PUT, "/xapi/statements?statementId=\(id)",
                body: Self.statement(verb: "http://adlnet.gov/expapi/verbs/attempted", id: id))
            XCTAssertEqual(conflict.status, .conflict)
            let mismatch = try await lrs.call(
                .PUT, "/xapi/statements?statementId=\(UUID())", body: Self.statement(id: id))
            XCTAssertEqual(mismatch.status, .badRequest)

            // Another source system reads what it sent, not this one's statements.
            let other = try await XAPICredentialIssuer.issue(name: "Other LMS", createdBy: "test", database: lrs.app.db)
            let hidden = try await lrs.call(
                .GET, "/xapi/statements?statementId=\(id)", key: other.credential.key, secret: other.secret)
            XCTAssertEqual(hidden.status, .notFound)
            let othersList = try lrs.json(
                try await lrs.call(.GET, "/xapi/statements", key: other.credential.key, secret: other.secret))
            XCTAssertEqual(othersList["statements"]?.array?.count, 0)

            let one = try lrs.json(try await lrs.call(.GET, "/xapi/statements?statementId=\(id)"))
            XCTAssertEqual(one["id"], .string(id.uuidString.lowercased()))
            XCTAssertEqual(one["authority"]?["name"], .string("Moodle"))
            XCTAssertNotNil(one["stored"]?.string)

            // Paging: two pages of two and one, following `more`.
            let first = try lrs.json(try await lrs.call(.GET, "/xapi/statements?limit=2"))
            XCTAssertEqual(first["statements"]?.array?.count, 2)
            let more = try XCTUnwrap(first["more"]?.string)
            XCTAssertTrue(more.hasPrefix("/xapi/statements?"), more)
            let second = try lrs.json(try await lrs.call(.GET, more))
            XCTAssertEqual(second["statements"]?.array?.count, 1)
            XCTAssertEqual(second["more"], .string(""))
            let seen = Set(
                ((first["statements"]?.array ?? []) + (second["statements"]?.array ?? [])).compactMap {
                    $0["id"]?.string
                })
            XCTAssertEqual(seen, Set(ids))

            // Voiding hides the statement from queries; it is read with voidedStatementId.
            let voiding = """
                {"actor": {"mbox": "mailto:admin@northwind-mobility.example"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "\(id.uuidString.lowercased())"}}
                """
            let voided = try await lrs.call(.POST, "/xapi/statements", body: voiding)
            XCTAssertEqual(voided.status, .ok)
            let voidingID = try XCTUnwrap(try lrs.json(voided).array?.first?.string)
            let gone = try await lrs.call(.GET, "/xapi/statements?statementId=\(id)")
            XCTAssertEqual(gone.status, .notFound)
            let kept = try await lrs.call(.GET, "/xapi/statements?voidedStatementId=\(id)")
            XCTAssertEqual(kept.status, .ok)
            let voidTheVoid = try await lrs.call(
                .POST, "/xapi/statements",
                body: voiding.replacingOccurrences(of: id.uuidString.lowercased(), with: voidingID))
            XCTAssertEqual(voidTheVoid.status, .badRequest)
            let byVerb = try lrs.json(
                try await lrs.call(.GET, "/xapi/statements?verb=http://adlnet.gov/expapi/verbs/completed"))
            XCTAssertEqual(byVerb["statements"]?.array?.count, 2, "the voided one is left out")
        }
    }

    func test_aCompletionOfAnOfferingOnTheRoadmap_completesTheItem_inTheSourcesName() async throws {
        try await withLRS { lrs, demo in
            let personID = try await RoadmapRoutesTests.releasedResults(app: lrs.app, demo: demo)
            let supervisor = BrowserSession(app: lrs.app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            try await supervisor.get("/people/\(personID)/roadmap")
            _ = try await supervisor.post("/people/\(personID)/roadmap/draft", form: [:])
            let drafted = try await RoadmapRepository(database: lrs.app.db).roadmap(personID: personID)
            let item = try XCTUnwrap(drafted?.items.first)
            let offering = try await CatalogueRepository(database: lrs.app.db).offerings().first {
                $0.id == item.offeringID
            }
            let activity = try XCTUnwrap(offering?.xapiActivityID)
            let email = WebHarness.email(of: .accountManager, in: demo)
            let sent = try await lrs.call(
                .POST, "/xapi/statements",
                body: Self.statement(email: email.uppercased(), activity: activity))
            XCTAssertEqual(sent.status, .ok)
            let after = try await RoadmapRepository(database: lrs.app.db).roadmap(personID: personID)
            XCTAssertEqual(after?.items.first { $0.id == item.id }?.status, .completed)
            XCTAssertEqual(after?.history.first?.madeBy, "Moodle (xAPI)")
            XCTAssertEqual(after?.followUps.filter { $0.itemID == item.id }.count, 4, "refreshers are scheduled")
        }
    }

    func test_credentials_areIssuedOnThePageAndTheAPI_andRevokedOnes_stopWorking() async throws {
        try await withLRS { lrs, demo in
            let manager = BrowserSession(app: lrs.app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            try await manager.get("/learning-records")
            let empty = try await manager.post("/learning-records/credentials", form: ["name": "  "])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let page = try await manager.post("/learning-records/credentials", form: ["name": "Video platform"])
            XCTAssertEqual(page.status, .ok)
            XCTAssertContains(page.body.string, "Copy the secret now")

            let token = try await WebHarness.token(for: .programmeManager, app: lrs.app, demo: demo)
            var issued: JSONValue?
            try await lrs.app.send(
                .POST, "/api/v1/xapi/credentials",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"name": "Authoring tool"}"#),
                afterResponse: { response in
                    XCTAssertEqual(response.status, .created)
                    issued = JSONValue.parse(Data(response.body.string.utf8))
                })
            let key = try XCTUnwrap(issued?["key"]?.string)
            let secret = try XCTUnwrap(issued?["secret"]?.string)
            let works = try await lrs.call(.GET, "/xapi/statements", key: key, secret: secret)
            XCTAssertEqual(works.status, .ok)

            let stored = try await LearningRecordRepository(database: lrs.app.db).credentials()
            let credential = try XCTUnwrap(stored.first { $0.key == key })
            XCTAssertNotEqual(credential.secretDigest, secret, "only a digest of the secret is kept")
            try await manager.get("/learning-records")
            _ = try await manager.post("/learning-records/credentials/\(credential.id)/revoke", form: [:])
            let revoked = try await lrs.call(.GET, "/xapi/statements", key: key, secret: secret)
            XCTAssertEqual(revoked.status, .unauthorized)

            let supervisor = try await WebHarness.token(for: .supervisor, app: lrs.app, demo: demo)
            try await lrs.app.send(
                .POST, "/api/v1/xapi/credentials",
                headers: ["Authorization": "Bearer \(supervisor)", "Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"name": "Mine"}"#),
                afterResponse: { XCTAssertEqual($0.status, .forbidden) })
        }
    }

    func test_completionsFromAnLMSExport_allOrNothing_completeRoadmapItemsOnce() async throws {
        try await withLRS { lrs, demo in
            let personID = try await RoadmapRoutesTests.releasedResults(app: lrs.app, demo: demo)
            let manager = BrowserSession(app: lrs.app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            try await manager.get("/people/\(personID)/roadmap")
            _ = try await manager.post("/people/\(personID)/roadmap/draft", form: [:])
            let drafted = try await RoadmapRepository(database: lrs.app.db).roadmap(personID: personID)
            let items = try XCTUnwrap(drafted?.items)
            XCTAssertGreaterThan(items.count, 1)
            let email = WebHarness.email(of: .accountManager, in: demo)

            try await manager.get("/learning-records")
            let broken = try await manager.upload(
                "/learning-records/completions", filename: "lms.csv",
                contents: """
                    email,offering,completed_on
                    \(email),\(items[0].offeringCode),2026-11-02
                    nobody@example.com,\(items[1].offeringCode),2026-11-03
                    \(email),NO-SUCH,02/11/2026
                    """)
            XCTAssertEqual(broken.status, .unprocessableEntity)
            XCTAssertContains(broken.body.string, "Line 3: email: nobody@example.com is nobody Acumen knows")
            XCTAssertContains(broken.body.string, "Line 4: offering: NO-SUCH is neither")
            XCTAssertContains(broken.body.string, "Line 4: completed_on")
            let untouched = try await RoadmapRepository(database: lrs.app.db).roadmap(personID: personID)
            XCTAssertEqual(untouched?.items.filter { $0.status == .completed }.count, 0, "nothing was recorded")

            let file = """
                email,offering,completed_on
                \(email.uppercased()),\(items[0].offeringCode),2026-11-02
                """
            try await manager.get("/learning-records")
            let imported = try await manager.upload(
                "/learning-records/completions", filename: "lms.csv", contents: file)
            XCTAssertEqual(imported.status, .seeOther)
            let after = try await RoadmapRepository(database: lrs.app.db).roadmap(personID: personID)
            XCTAssertEqual(after?.items.first { $0.id == items[0].id }?.status, .completed)
            XCTAssertEqual(after?.history.first?.madeBy, "LMS import (lms.csv)")
            XCTAssertEqual(
                after?.followUps.filter { $0.kind == .refresher }.map(\.due).min(), CalendarDate("2026-11-16"),
                "refreshers count from the day it was completed")
            try await manager.get("/learning-records")
            _ = try await manager.upload("/learning-records/completions", filename: "lms.csv", contents: file)
            let page = try await manager.get("/learning-records")
            XCTAssertContains(page.body.string, "One completion read (0 new); 0 roadmap items completed.")
            let count = try await CompletionRepository(database: lrs.app.db).count(personID: personID)
            XCTAssertEqual(count, 1)
        }
    }
}
