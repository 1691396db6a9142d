import AcumenCore
import AcumenStore
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

/// A cycle through HTTP: raters' links, bad input, anonymity under attack, who may read what.
final class AssessmentRoutesTests: XCTestCase {
    /// A JSON API client with a bearer token.
    struct Client {
        let app: Application
        let token: String?

        @discardableResult
        func call(
            _ method: HTTPMethod, _ path: String, json: String? = nil,
            expect status: HTTPResponseStatus? = nil, file: StaticString = #filePath, line: UInt = #line
        ) async throws -> XCTHTTPResponse {
            var headers: HTTPHeaders = [:]
            if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
            if json != nil { headers.contentType = .json }
            var result: XCTHTTPResponse!
            try await app.send(
                method, path, headers: headers, body: json.map { ByteBuffer(string: $0) },
                afterResponse: { response in result = response })
            if let status {
                XCTAssertEqual(
                    result.status, status, "\(method) \(path): \(result.body.string)", file: file, line: line)
            }
            return result
        }
    }

    /// Creates and opens a cycle on the Global Mobility framework; returns its id.
    static func openCycle(_ manager: Client, name: String = "Test cycle", rules: String = "") async throws -> String {
        let framework = try await FrameworkRepository(database: manager.app.db).latestPublished(
            named: GlobalMobilityAccountManagerFramework.name)!
        let today = CalendarDate.today
        let created = try await manager.call(
            .POST, "/api/v1/cycles",
            json: """
                {"name": "\(name)", "frameworkId": "\(framework.id)", "opensOn": "\(today)",
                 "closesOn": "\(today.adding(days: 21))"\(rules)}
                """, expect: .created)
        let id = try created.content.get(String.self, at: "id")
        try await manager.call(.POST, "/api/v1/cycles/\(id)/advance", json: #"{"from": "draft"}"#, expect: .ok)
        return id
    }

    /// The token of the newest link e-mailed to this address, read from the outbox: the only
    /// link of an e-mail, or in a rater's digest of several forms the line that names `subject`.
    static func link(to email: String, about subject: String = "", app: Application) async throws -> String {
        let messages = try await OutboxRepository(database: app.db).recent(limit: 5000)
        let message = try XCTUnwrap(
            messages.first {
                $0.message.recipient == email
                    && (subject.isEmpty || $0.message.subject.contains(subject)
                        || $0.message.body.contains("- \(subject),"))
            }, email)
        let lines = message.message.body.split(separator: "\n").filter { $0.contains("/r/") }
        let line = try XCTUnwrap(
            lines.count == 1 || subject.isEmpty ? lines.first : lines.first { $0.contains("- \(subject),") })
        return String(line.split(separator: "/r/").last!)
    }

    static func answers(_ value: String, count: Int, app: Application, cycle: String) async throws -> String {
        let questionnaire = try await CycleRepository(database: app.db).questionnaire(cycleID: UUID(uuidString: cycle)!)
        let fields = questionnaire.questions.prefix(count).map { "\"q:\($0.code)\": \"\(value)\"" }
        return "{\"fields\": {" + fields.joined(separator: ", ") + "}}"
    }

    func test_customerLink_savesAsYouGo_acceptsOneSubmission_andRejectsBadInput() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await Self.openCycle(manager)
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let token = try await Self.link(to: customer, app: app)
            let rater = Client(app: app, token: nil)

            let form = try await rater.call(.GET, "/api/v1/rater/\(token)", expect: .ok)
            XCTAssertEqual(try form.content.get(String.self, at: "source"), "customer")
            let questionCount = try form.content.get([[String: String]].self, at: "questions").count
            XCTAssertEqual(questionCount, GlobalMobilityQuestionnaire.questionnaire.questions.count)

            // Out-of-range answers and fields that are not on the form change nothing.
            try await rater.call(
                .POST, "/api/v1/rater/\(token)/autosave", json: #"{"name": "q:OM.1-a", "value": "mostly"}"#,
                expect: .unprocessableEntity)
            try await rater.call(
                .POST, "/api/v1/rater/\(token)/autosave", json: #"{"name": "b:0:0:OM.1", "value": "on"}"#,
                expect: .unprocessableEntity)
            try await rater.call(.POST, "/api/v1/rater/\(token)/autosave", json: "{not json", expect: .badRequest)
            let untouched = try await rater.call(.GET, "/api/v1/rater/\(token)", expect: .ok)
            XCTAssertEqual(try untouched.content.get([String: String].self, at: "fields"), [:])

            try await rater.call(
                .POST, "/api/v1/rater/\(token)/autosave", json: #"{"name": "q:OM.1-a", "value": "often"}"#,
                expect: .noContent)
            let resumed = try await rater.call(.GET, "/api/v1/rater/\(token)", expect: .ok)
            XCTAssertEqual(try resumed.content.get([String: String].self, at: "fields"), ["q:OM.1-a": "often"])

            // Submitting the draft alone: every other question is reported missing.
            let missing = try await rater.call(
                .POST, "/api/v1/rater/\(token)/submit", json: "{}", expect: .unprocessableEntity)
            let details = try missing.content.get([String].self, at: "error", "details")
            XCTAssertEqual(details.count, questionCount - 1)

            let complete = try await Self.answers("always", count: questionCount, app: app, cycle: cycle)
            try await rater.call(.POST, "/api/v1/rater/\(token)/submit", json: complete, expect: .created)
            try await rater.call(.POST, "/api/v1/rater/\(token)/submit", json: complete, expect: .conflict)
            try await rater.call(
                .POST, "/api/v1/rater/\(token)/autosave", json: #"{"name": "q:OM.1-a", "value": "never"}"#,
                expect: .conflict)
            let stored = try await ResponseRepository(database: app.db).customerResponses(
                cycleID: UUID(uuidString: cycle)!)
            XCTAssertEqual(stored.count, 1, "one submission, stored once")
            XCTAssertEqual(stored.first?.answers["OM.1-a"], .always)

            // Unknown or malformed links are simply not found.
            try await rater.call(.GET, "/api/v1/rater/\(String(token.reversed()))", expect: .notFound)
            try await rater.call(.GET, "/api/v1/rater/%00%01", expect: .notFound)
            try await rater.call(.GET, "/r/" + String(repeating: "x", count: 500), expect: .notFound)

            // Once the cycle closes, the link stops taking answers.
            try await manager.call(.POST, "/api/v1/cycles/\(cycle)/advance", json: #"{"from": "open"}"#, expect: .ok)
            let other = demo.accounts.flatMap(\.reviewerEmails).first { $0 != customer }!
            let otherToken = try await Self.link(to: other, app: app)
            try await rater.call(
                .POST, "/api/v1/rater/\(otherToken)/autosave", json: #"{"name": "q:OM.1-a", "value": "often"}"#,
                expect: .gone)
            // Closed three weeks early: the page gives the day it closed, and no sign-in page,
            // which an outside customer could not use.
            let page = try await BrowserSession(app: app).get("/r/\(otherToken)")
            XCTAssertEqual(page.status, .gone)
            XCTAssertContains(page.body.string, "closed on \(Localizer(.english).date(.today))")
            XCTAssertFalse(page.body.string.contains("href=\"/login\""), page.body.string)
        }
    }

    func test_revokedLinks_andForgedIdsFromAnotherCycle_changeNothing() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let first = try await Self.openCycle(manager, name: "First")
            let second = try await Self.openCycle(manager, name: "Second")
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let invitations = try await InvitationRepository(database: app.db).invitations(
                cycleID: UUID(uuidString: second)!)
            let foreign = invitations.first { $0.raterEmail == customer }!

            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            _ = try await browser.get("/cycles/\(first)")
            let forged = try await browser.post("/cycles/\(first)/invitations/\(foreign.id)/revoke", form: [:])
            XCTAssertEqual(forged.status, .notFound, "an invitation of another cycle is not found through this one")
            let stillApproved = try await InvitationRepository(database: app.db).invitation(id: foreign.id)
            XCTAssertEqual(stillApproved.status, .approved)

            let token = try await Self.link(to: customer, about: "Second", app: app)
            try await Client(app: app, token: nil).call(.GET, "/api/v1/rater/\(token)", expect: .ok)
            let revoked = try await browser.post("/cycles/\(second)/invitations/\(foreign.id)/revoke", form: [:])
            XCTAssertEqual(revoked.status, .seeOther)
            try await Client(app: app, token: nil).call(.GET, "/api/v1/rater/\(token)", expect: .notFound)
        }
    }

    func test_anonymityRules_canOnlyBeTightened_onceOpen() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await Self.openCycle(manager)
            let looser = #"{"minimumPeers": 2, "minimumCustomers": 3, "minimumForComments": 3}"#
            let refused = try await manager.call(.PUT, "/api/v1/cycles/\(cycle)/rules", json: looser, expect: .conflict)
            XCTAssertTrue(try refused.content.get(String.self, at: "error", "message").contains("cannot be loosened"))
            let stricter = #"{"minimumPeers": 4, "minimumCustomers": 5, "minimumForComments": 5}"#
            let saved = try await manager.call(.PUT, "/api/v1/cycles/\(cycle)/rules", json: stricter, expect: .ok)
            XCTAssertEqual(try saved.content.get(Int.self, at: "rules", "minimumCustomers"), 5)
        }
    }

    /// Every customer answers; then every combination of filters is asked for. No two disclosed
    /// slices, one inside the other, may differ by fewer customers than the minimum (or the
    /// difference would be a small group's answers), and no disclosed slice may be below it.
    func test_slicedResults_neverRevealAGroupBelowTheMinimum() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await Self.openCycle(manager)
            let cycleID = UUID(uuidString: cycle)!
            let questionCount = try await CycleRepository(database: app.db).questionnaire(cycleID: cycleID).questions
                .count
            let complete = try await Self.answers("often", count: questionCount, app: app, cycle: cycle)
            for invitation in try await InvitationRepository(database: app.db).invitations(cycleID: cycleID)
            where invitation.source == .customer {
                let token = try await Self.link(to: invitation.raterEmail, about: invitation.subjectName, app: app)
                try await Client(app: app, token: nil).call(
                    .POST, "/api/v1/rater/\(token)/submit", json: complete, expect: .created)
            }
            let rows = try await ResponseRepository(database: app.db).customerResponseAttributes(cycleID: cycleID)
            XCTAssertGreaterThan(rows.count, 10)
            let whileOpen = try await manager.call(.GET, "/api/v1/cycles/\(cycle)/results", expect: .ok)
            XCTAssertFalse(
                try whileOpen.content.get(Bool.self, at: "disclosed"), "nothing about customers while the cycle is open"
            )
            try await manager.call(.POST, "/api/v1/cycles/\(cycle)/advance", json: "{\"from\": \"open\"}", expect: .ok)

            var values: [String: Set<String>] = [:]
            for row in rows.values { for (key, value) in row { values[key, default: []].insert(value) } }
            var queries: [[String: String]] = [[:]]
            for key in values.keys.sorted() { for value in values[key]! { queries.append([key: value]) } }
            for row in rows.values {
                let keys = row.keys.sorted()
                for (index, first) in keys.enumerated() {
                    for second in keys[(index + 1)...] { queries.append([first: row[first]!, second: row[second]!]) }
                }
            }
            var disclosed: [[String: String]: Set<UUID>] = [:]
            for filters in Set(queries) {
                let query = filters.map {
                    "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                }.joined(separator: "&")
                let response = try await manager.call(.GET, "/api/v1/cycles/\(cycle)/results?\(query)", expect: .ok)
                guard try response.content.get(Bool.self, at: "disclosed") else { continue }
                let members = Set(rows.filter { row in filters.allSatisfy { row.value[$0.key] == $0.value } }.keys)
                XCTAssertEqual(try response.content.get(Int.self, at: "responses"), members.count)
                disclosed[filters] = members
            }
            XCTAssertNotNil(disclosed[[:]], "the whole cycle is large enough to show")
            for (filters, members) in disclosed {
                XCTAssertGreaterThanOrEqual(members.count, 3, "\(filters)")
                for (otherFilters, others) in disclosed where others.isSubset(of: members) && others != members {
                    XCTAssertGreaterThanOrEqual(
                        members.count - others.count, 3, "\(filters) minus \(otherFilters) isolates a small group")
                }
            }
        }
    }

    func test_reports_areReadOnlyByThoseAllowed_andWithholdSmallGroups() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await Self.openCycle(manager)
            let accountManagerEmail = WebHarness.email(of: .accountManager, in: demo)
            let subjectID = try await PeopleRepository(database: app.db).personID(email: accountManagerEmail)!
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let questionCount = try await CycleRepository(database: app.db).questionnaire(
                cycleID: UUID(uuidString: cycle)!
            ).questions.count
            let managerPage = BrowserSession(app: app)
            try await managerPage.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let htmlPath = "/cycles/\(cycle)/people/\(subjectID)/report"
            let before = try await managerPage.get(htmlPath)
            XCTAssertTrue(before.body.string.contains("Customers: shown once the cycle has closed"))
            let token = try await Self.link(to: customer, app: app)
            try await Client(app: app, token: nil).call(
                .POST, "/api/v1/rater/\(token)/submit",
                json: try await Self.answers("never", count: questionCount, app: app, cycle: cycle), expect: .created)
            let after = try await managerPage.get(htmlPath)
            XCTAssertEqual(
                after.body.string, before.body.string, "while the cycle is open a submission changes nothing shown")

            let reportPath = "/api/v1/cycles/\(cycle)/people/\(subjectID)/report"
            let accountManager = Client(
                app: app, token: try await WebHarness.token(for: .accountManager, app: app, demo: demo))
            try await accountManager.call(.GET, reportPath, expect: .notFound)
            let open = try await manager.call(.GET, reportPath, expect: .ok).content.decode(PersonReportDTO.self)
            XCTAssertEqual(open.groups.first { $0.source == .customer }?.decision, "afterClose")
            XCTAssertNil(open.groups.first { $0.source == .customer }?.responses, "not even how many answered")

            try await manager.call(.POST, "/api/v1/cycles/\(cycle)/advance", json: "{\"from\": \"open\"}", expect: .ok)
            let closedPage = try await managerPage.get(htmlPath)
            XCTAssertTrue(
                closedPage.body.string.contains("Customers: withheld to keep them anonymous"),
                "a kept report is rebuilt when the cycle closes")
            let report = try await manager.call(.GET, reportPath, expect: .ok)
            let decoded = try report.content.decode(PersonReportDTO.self)
            XCTAssertEqual(decoded.groups.first { $0.source == .customer }?.decision, "withheld")
            XCTAssertEqual(
                decoded.competencies.compactMap(\.customerMean), [], "a lone customer's scores are not shown")
            XCTAssertEqual(decoded.questions.count, 0)

            try await manager.call(
                .POST, "/api/v1/cycles/\(cycle)/advance", json: "{\"from\": \"closed\"}", expect: .ok)
            try await accountManager.call(.GET, reportPath, expect: .ok)
            let someoneElse = try await PeopleRepository(database: app.db).personID(
                email: demo.accountManagers.first { $0.email != accountManagerEmail }!.email)!
            try await accountManager.call(
                .GET, "/api/v1/cycles/\(cycle)/people/\(someoneElse)/report", expect: .notFound)
            let page = BrowserSession(app: app)
            try await page.signIn(accountManagerEmail)
            let html = try await page.get("/cycles/\(cycle)/people/\(subjectID)/report")
            XCTAssertEqual(html.status, .ok)
            XCTAssertTrue(html.body.string.contains("<svg"))
            XCTAssertTrue(html.body.string.contains("Customers: withheld to keep them anonymous"))
            // The summary comes before the wide table, so that a phone shows it first.
            let body = html.body.string
            let summary = try XCTUnwrap(body.range(of: "<h2>In short</h2>"))
            let table = try XCTUnwrap(body.range(of: "Results by competency"))
            XCTAssertLessThan(summary.lowerBound, table.lowerBound)
            XCTAssertTrue(body.contains("Blind spots (self above others)"))

            // In French once the account manager chooses it; the kept English report is not reused.
            try await page.post("/preferences/language", form: ["language": "fr", "back": "/"])
            let french = try await page.get("/cycles/\(cycle)/people/\(subjectID)/report").body.string
            XCTAssertContains(french, #"<html lang="fr" dir="ltr">"#)
            XCTAssertContains(french, "<h2>En bref</h2>")
            XCTAssertContains(french, "Clients : masqués pour préserver leur anonymat")
            XCTAssertContains(french, "OM.1 Interlocuteur unique")
            let programme = try await managerPage.get(htmlPath).body.string
            XCTAssertContains(programme, "<h2>In short</h2>")
        }
    }
}

final class ScorecardRoutesTests: XCTestCase {
    func test_scorecards_belongToTheirInterviewer_andRejectForgedFields() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let framework = try await FrameworkRepository(database: app.db).latestPublished(
                named: GlobalMobilityAccountManagerFramework.name)!
            let customer = BrowserSession(app: app)
            try await customer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            _ = try await customer.get("/scorecards")
            let created = try await customer.post(
                "/scorecards", form: ["title": "Panel", "frameworkID": framework.id.uuidString, "candidates": "A\nB"])
            XCTAssertEqual(created.status, .seeOther)
            let path = try XCTUnwrap(created.headers.first(name: .location))
            _ = try await customer.get(path)
            let saved = try await customer.post("\(path)/autosave", form: ["name": "level:1:OM.1", "value": "2"])
            XCTAssertEqual(saved.status, .noContent)
            for (name, value) in [("level:2:OM.1", "1"), ("level:0:XX.9", "1"), ("level:0:OM.1", "7"), ("rm -rf", "")] {
                let refused = try await customer.post("\(path)/autosave", form: ["name": name, "value": value])
                XCTAssertEqual(refused.status, .unprocessableEntity, name)
            }
            let id = UUID(uuidString: String(path.split(separator: "/").last!))!
            let card = try await ScorecardRepository(database: app.db).scorecard(id: id)
            XCTAssertEqual(card.levels, [1: ["OM.1": 2]], "only the valid rating was stored")

            let accountManager = BrowserSession(app: app)
            try await accountManager.signIn(WebHarness.email(of: .accountManager, in: demo))
            let refused = try await accountManager.get(path)
            XCTAssertEqual(refused.status, .forbidden, "account managers do not interview")
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let read = try await manager.get(path)
            XCTAssertEqual(read.status, .ok)
            XCTAssertFalse(read.body.string.contains("Save the scorecard"), "only the interviewer edits")
        }
    }
}

final class NominationConflictTests: XCTestCase {
    typealias Client = AssessmentRoutesTests.Client

    /// Nominating a peer in a cycle that asks no peers conflicts with the cycle's settings
    /// (409), whatever the request says; the request itself was well formed.
    func test_nominatingAPeer_inACycleWithoutPeers_isAConflict() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await AssessmentRoutesTests.openCycle(
                manager, name: "No peers", rules: #", "sources": ["self", "supervisor", "customer"]"#)
            let invitations = try await InvitationRepository(database: app.db).invitations(
                cycleID: UUID(uuidString: cycle)!)
            let subject = try XCTUnwrap(invitations.first).subjectID
            let refused = try await manager.call(
                .POST, "/api/v1/cycles/\(cycle)/people/\(subject)/nominations",
                json: #"{"email": "\#(WebHarness.email(of: .supervisor, in: demo))", "source": "peer"}"#,
                expect: .conflict)
            XCTAssertTrue(refused.body.string.contains("peers"), refused.body.string)
        }
    }
}
