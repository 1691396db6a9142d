import AcumenCore
import AcumenStore
import FluentKit
import SQLKit
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

/// Attacks on raters' anonymity, each asserting that the attacker learns nothing. One test per
/// way in that an earlier attack suite found, and more of our own.
///
/// Each attack runs on SQLite and, with `ACUMEN_TEST_POSTGRES_URL` set, on PostgreSQL.
final class AnonymityAttackTests: XCTestCase {
    typealias Client = AssessmentRoutesTests.Client

    private func peerInvitations(of subjectID: UUID, cycle: String, app: Application) async throws -> [Invitation] {
        try await InvitationRepository(database: app.db).invitations(
            cycleID: UUID(uuidString: cycle)!, subjectID: subjectID)
    }

    func test_aSupervisorCannotRateTheirOwnReportAnonymously_norTheSubjectThemselves() async throws {
        try await aSupervisorCannotRateTheirOwnReportAnonymouslyNorTheSubjectThemselves(on: WebHarness.sqlite())
    }

    func test_aSupervisorCannotRateTheirOwnReportAnonymously_norTheSubjectThemselves_onPostgreSQL() async throws {
        try await aSupervisorCannotRateTheirOwnReportAnonymouslyNorTheSubjectThemselves(on: WebHarness.postgres())
    }

    private func aSupervisorCannotRateTheirOwnReportAnonymouslyNorTheSubjectThemselves(on database: DatabaseLocation)
        async throws
    {
        try await WebHarness.withDemoApp(database: database) { app, demo in
            let (manager, cycle) = try await Self.openCycleAsProgrammeManager(app, demo)
            let supervisorEmail = WebHarness.email(of: .supervisor, in: demo)
            let supervisor = Client(
                app: app, token: try await WebHarness.token(for: .supervisor, app: app, demo: demo))
            let people = PeopleRepository(database: app.db)
            let supervisorID = try await people.personID(email: supervisorEmail)!
            let reports = demo.accountManagers.filter {
                $0.supervisorEmail.lowercased() == supervisorEmail.lowercased()
            }
            let subject = try XCTUnwrap(reports.first)
            let subjectID = try await people.personID(email: subject.email)!
            let before = try await peerInvitations(of: subjectID, cycle: cycle, app: app)
            for email in [supervisorEmail, subject.email, WebHarness.email(of: .programmeManager, in: demo)] {
                for client in [supervisor, manager] {
                    let answer = try await client.call(
                        .POST, "/api/v1/cycles/\(cycle)/people/\(subjectID)/nominations",
                        json: #"{"email": "\#(email)", "source": "peer"}"#)
                    XCTAssertTrue(
                        [.conflict, .unprocessableEntity, .notFound].contains(answer.status),
                        "\(email) as a peer: \(answer.status) \(answer.body.string)")
                }
            }
            let after = try await peerInvitations(of: subjectID, cycle: cycle, app: app)
            XCTAssertEqual(after.count, before.count, "nobody was added")
            XCTAssertFalse(after.contains { $0.source == .peer && $0.raterPersonID == supervisorID })
        }
    }

    /// The attack that recovered a peer's level: correct, get a fresh link, submit again. The
    /// correction must void the first response whatever link it came through.
    func test_aCorrectionThroughAReissuedLink_voidsTheFirstResponse_soTheRaterCountsOnce() async throws {
        try await aCorrectionThroughAReissuedLinkVoidsTheFirstResponseSoTheRaterCountsOnce(on: WebHarness.sqlite())
    }

    func test_aCorrectionThroughAReissuedLink_voidsTheFirstResponse_soTheRaterCountsOnce_onPostgreSQL() async throws {
        try await aCorrectionThroughAReissuedLinkVoidsTheFirstResponseSoTheRaterCountsOnce(on: WebHarness.postgres())
    }

    private func aCorrectionThroughAReissuedLinkVoidsTheFirstResponseSoTheRaterCountsOnce(
        on database: DatabaseLocation
    ) async throws {
        try await WebHarness.withDemoApp(database: database) { app, demo in
            let (_, cycle) = try await Self.openCycleAsProgrammeManager(app, demo)
            let cycleID = UUID(uuidString: cycle)!
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let questions = GlobalMobilityQuestionnaire.questionnaire.questions.count
            let first = try await Self.answerAsCustomer(customer, "never", app: app, cycle: cycle)
            // "Correct my answers", then a new link (a reminder or a reissue) before submitting again.
            try await app.send(.POST, "/r/\(first)/correct", afterResponse: { XCTAssertEqual($0.status, .seeOther) })
            let all = try await InvitationRepository(database: app.db).invitations(cycleID: cycleID)
            let invitation = try XCTUnwrap(all.first { $0.raterEmail == customer })
            let current = try await CycleRepository(database: app.db).cycle(id: cycleID)
            let link = try await RaterLinks(database: app.db, baseURL: "http://127.0.0.1:8080").send(
                invitation, cycle: current, today: .today)
            let second = String(link.split(separator: "/r/").last!)
            try await Client(app: app, token: nil).call(
                .POST, "/api/v1/rater/\(second)/submit",
                json: try await AssessmentRoutesTests.answers("always", count: questions, app: app, cycle: cycle),
                expect: .created)
            let sql = app.db as! any SQLDatabase
            let rows = try await sql.raw(
                """
                SELECT status, replaces_id FROM responses
                WHERE cycle_id = \(bind: cycleID) AND subject_id = \(bind: invitation.subjectID) AND source = 'customer'
                """
            ).all()
            let statuses = try rows.map { try $0.decode(column: "status", as: String.self) }.sorted()
            XCTAssertEqual(statuses, ["submitted", "voided"], "one current response per rater")
            XCTAssertTrue(try rows.allSatisfy { try $0.decode(column: "replaces_id", as: UUID?.self) == nil })
            let counts = try await ResponseRepository(database: app.db).responseCounts(cycleID: cycleID)
            XCTAssertEqual(counts[invitation.subjectID]?[.customer], 1)
        }
    }

    func test_revokingARaterWhoAnswered_voidsTheirAnswers_andTheyCannotBeAddedAgain() async throws {
        try await revokingARaterWhoAnsweredVoidsTheirAnswersAndTheyCannotBeAddedAgain(on: WebHarness.sqlite())
    }

    func test_revokingARaterWhoAnswered_voidsTheirAnswers_andTheyCannotBeAddedAgain_onPostgreSQL() async throws {
        try await revokingARaterWhoAnsweredVoidsTheirAnswersAndTheyCannotBeAddedAgain(on: WebHarness.postgres())
    }

    private func revokingARaterWhoAnsweredVoidsTheirAnswersAndTheyCannotBeAddedAgain(on database: DatabaseLocation)
        async throws
    {
        try await WebHarness.withDemoApp(database: database) { app, demo in
            let (manager, cycle) = try await Self.openCycleAsProgrammeManager(app, demo)
            let cycleID = UUID(uuidString: cycle)!
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            try await Self.answerAsCustomer(customer, "often", app: app, cycle: cycle)
            let all = try await InvitationRepository(database: app.db).invitations(cycleID: cycleID)
            let invitation = try XCTUnwrap(all.first { $0.raterEmail == customer })
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            _ = try await browser.get("/cycles/\(cycle)/people/\(invitation.subjectID)")
            let revoked = try await browser.post(
                "/cycles/\(cycle)/invitations/\(invitation.id)/revoke", form: [:])
            XCTAssertEqual(revoked.status, .seeOther)
            let counts = try await ResponseRepository(database: app.db).responseCounts(cycleID: cycleID)
            XCTAssertNil(counts[invitation.subjectID]?[.customer], "the revoked rater's answers no longer count")
            let again = try await manager.call(
                .POST, "/api/v1/cycles/\(cycle)/people/\(invitation.subjectID)/nominations",
                json: #"{"email": "\#(customer)", "source": "customer"}"#)
            XCTAssertEqual(again.status, .conflict, "a second nomination of the same person")
        }
    }

    /// A programme manager who reissues a link does not get it: whoever holds it reads the
    /// rater's saved answers.
    func test_aReissuedLink_goesOnlyToTheRater() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let (_, cycle) = try await Self.openCycleAsProgrammeManager(app, demo)
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let first = try await AssessmentRoutesTests.link(to: customer, app: app)
            try await Client(app: app, token: nil).call(
                .POST, "/api/v1/rater/\(first)/autosave", json: #"{"name": "q:OM.1-a", "value": "often"}"#,
                expect: .noContent)
            let all = try await InvitationRepository(database: app.db).invitations(cycleID: UUID(uuidString: cycle)!)
            let invitation = try XCTUnwrap(all.first { $0.raterEmail == customer })
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            _ = try await browser.get("/cycles/\(cycle)/people/\(invitation.subjectID)")
            let reissued = try await browser.post("/cycles/\(cycle)/invitations/\(invitation.id)/reissue", form: [:])
            XCTAssertEqual(reissued.status, .seeOther)
            let page = try await browser.get("/cycles/\(cycle)/people/\(invitation.subjectID)")
            XCTAssertTrue(page.body.string.contains("A new link was sent"))
            XCTAssertFalse(page.body.string.contains("/r/"), "the new link is not shown to whoever reissued it")
            try await Client(app: app, token: nil).call(.GET, "/api/v1/rater/\(first)", expect: .notFound)
            let second = try await AssessmentRoutesTests.link(to: customer, app: app)
            XCTAssertNotEqual(second, first)
            let draft = try await Client(app: app, token: nil).call(.GET, "/api/v1/rater/\(second)", expect: .ok)
            XCTAssertEqual(try draft.content.get(String.self, at: "fields", "q:OM.1-a"), "often", "the rater keeps it")
        }
    }

    /// Peers of one account manager too few to be shown: after close, no cycle-wide figure and no
    /// export includes them, so nothing can be subtracted to find them.
    func test_aWithheldPeerGroup_isInNoCycleFigure_andNoExport() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let (manager, cycle) = try await Self.openCycleAsProgrammeManager(app, demo)
            let subject = demo.accountManagers[0]
            let subjectID = try await PeopleRepository(database: app.db).personID(email: subject.email)!
            let peers = demo.accountManagers.filter {
                $0.email != subject.email && !$0.supervisorEmail.isEmpty && $0.email != subject.supervisorEmail
            }.prefix(2)
            let framework = try await FrameworkRepository(database: app.db).version(
                id: try await CycleRepository(database: app.db).cycle(id: UUID(uuidString: cycle)!).frameworkID
            ).content
            let fields = try String(
                data: JSONEncoder().encode([
                    "fields": DoubleRatingRoutesTests.everyCompetency(at: 2, framework: framework)
                ]), encoding: .utf8)!
            for peer in peers {
                try await manager.call(
                    .POST, "/api/v1/cycles/\(cycle)/people/\(subjectID)/nominations",
                    json: #"{"email": "\#(peer.email)", "source": "peer"}"#, expect: .created)
                let token = try await AssessmentRoutesTests.link(to: peer.email, about: subject.name, app: app)
                try await Client(app: app, token: nil).call(
                    .POST, "/api/v1/rater/\(token)/submit", json: fields, expect: .created)
            }
            try await manager.call(.POST, "/api/v1/cycles/\(cycle)/advance", json: #"{"from": "open"}"#, expect: .ok)
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let quality = try await browser.get("/cycles/\(cycle)/quality")
            XCTAssertTrue(quality.body.string.contains(">All peers</th><td>0</td>"), "no withheld peer counted")
            let export = try await browser.get("/cycles/\(cycle)/export.csv")
            XCTAssertEqual(export.status, .ok)
            XCTAssertFalse(export.body.string.contains(",peer,"), "no raw rows of a withheld group")
            let report = try await manager.call(
                .GET, "/api/v1/cycles/\(cycle)/people/\(subjectID)/report", expect: .ok
            ).content.decode(PersonReportDTO.self)
            let peerGroup = try XCTUnwrap(report.groups.first { $0.source == .peer })
            XCTAssertEqual(peerGroup.decision, "withheld")
            XCTAssertNil(peerGroup.responses, "not even how many answered")
        }
    }

    /// Whether a given anonymous rater has answered is said to nobody: not in the API's list,
    /// not on the supervisor's page (whose buttons once changed), not by counts.
    func test_whoAnswered_isVisibleToNobody_whileTheCycleIsOpen() async throws {
        try await whoAnsweredIsVisibleToNobodyWhileTheCycleIsOpen(on: WebHarness.sqlite())
    }

    func test_whoAnswered_isVisibleToNobody_whileTheCycleIsOpen_onPostgreSQL() async throws {
        try await whoAnsweredIsVisibleToNobodyWhileTheCycleIsOpen(on: WebHarness.postgres())
    }

    private func whoAnsweredIsVisibleToNobodyWhileTheCycleIsOpen(on database: DatabaseLocation) async throws {
        try await WebHarness.withDemoApp(database: database) { app, demo in
            let (manager, cycle) = try await Self.openCycleAsProgrammeManager(app, demo)
            let cycleID = UUID(uuidString: cycle)!
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let all = try await InvitationRepository(database: app.db).invitations(cycleID: cycleID)
            let invitation = try XCTUnwrap(all.first { $0.raterEmail == customer })
            let managerPage = BrowserSession(app: app)
            try await managerPage.signIn(WebHarness.email(of: .programmeManager, in: demo))
            func snapshot() async throws -> [String] {
                let list = try await manager.call(.GET, "/api/v1/cycles/\(cycle)/invitations", expect: .ok)
                let subjectPage = try await managerPage.get("/cycles/\(cycle)/people/\(invitation.subjectID)")
                let cyclePage = try await managerPage.get("/cycles/\(cycle)")
                let preview = try await managerPage.get("/cycles/\(cycle)/preview")
                let report = try await managerPage.get("/cycles/\(cycle)/people/\(invitation.subjectID)/report")
                let quality = try await managerPage.get("/cycles/\(cycle)/quality")
                let results = try await manager.call(.GET, "/api/v1/cycles/\(cycle)/results", expect: .ok)
                let export = try await managerPage.get("/cycles/\(cycle)/export.csv")
                XCTAssertEqual(export.status, .conflict, "no raw export while the cycle is open")
                return [list, subjectPage, cyclePage, preview, report, quality, results].map(\.body.string)
            }
            let before = try await snapshot()
            let listed = try JSONDecoder().decode(
                CyclesAPIController.InvitationListDTO.self, from: Data(before[0].utf8))
            XCTAssertTrue(listed.invitations.filter { $0.source.isAnonymous }.allSatisfy { $0.submitted == nil })
            try await Self.answerAsCustomer(customer, "often", app: app, cycle: cycle)
            let after = try await snapshot()
            for (index, name) in [
                "invitations", "subject page", "cycle page", "preview", "report", "quality", "results",
            ]
            .enumerated() {
                XCTAssertTrue(
                    Self.sameContent(after[index], before[index]), "\(name) changed when one customer answered")
            }
        }
    }

    static func openCycleAsProgrammeManager(_ app: Application, _ demo: DemoOrganisation) async throws -> (
        Client, String
    ) {
        let manager = Client(
            app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
        return (manager, try await AssessmentRoutesTests.openCycle(manager))
    }

    /// Answers every question with `value` through the link e-mailed to `email`; returns the link's token.
    @discardableResult
    static func answerAsCustomer(
        _ email: String, _ value: String, about subject: String = "", app: Application, cycle: String
    ) async throws -> String {
        let token = try await AssessmentRoutesTests.link(to: email, about: subject, app: app)
        try await Client(app: app, token: nil).call(
            .POST, "/api/v1/rater/\(token)/submit",
            json: try await AssessmentRoutesTests.answers(
                value, count: GlobalMobilityQuestionnaire.questionnaire.questions.count, app: app, cycle: cycle),
            expect: .created)
        return token
    }

    /// A restart between two reads (caches gone, gate rebuilt from the database) shows the same
    /// figures; a server given another anonymity key refuses the database instead of counting
    /// raters it cannot recognise twice.
    func test_aRestartBetweenReads_showsTheSame_andAnotherKeyIsRefused() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-restart-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = DatabaseLocation.sqliteFile(path: folder.appendingPathComponent("acumen.sqlite").path)
        let key = SecretToken.generate()
        var cycle = ""
        var subjectID = UUID()
        func read(_ app: Application, _ demo: DemoOrganisation) async throws -> [String] {
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            return try await [
                "/api/v1/cycles/\(cycle)/results", "/api/v1/cycles/\(cycle)/preview",
                "/api/v1/cycles/\(cycle)/people/\(subjectID)/report",
            ].asyncMap { try await manager.call(.GET, $0, expect: .ok).body.string }
        }
        var first: [String] = []
        try await WebHarness.withDemoApp(database: location, anonymityKey: key) { app, demo in
            let manager: Client
            (manager, cycle) = try await Self.openCycleAsProgrammeManager(app, demo)
            let cycleID = UUID(uuidString: cycle)!
            for invitation in try await InvitationRepository(database: app.db).invitations(cycleID: cycleID)
            where invitation.source == .customer {
                subjectID = invitation.subjectID
                try await Self.answerAsCustomer(
                    invitation.raterEmail, "often", about: invitation.subjectName, app: app, cycle: cycle)
            }
            try await manager.call(.POST, "/api/v1/cycles/\(cycle)/advance", json: #"{"from": "open"}"#, expect: .ok)
            first = try await read(app, demo)
        }
        XCTAssertTrue(first[0].contains(#""disclosed":true"#), "the whole cycle's customers are shown")
        try await WebHarness.withDemoApp(database: location, anonymityKey: key) { app, demo in
            let second = try await read(app, demo)
            for (before, after) in zip(first, second) {
                XCTAssertTrue(Self.sameContent(before, after), "a restart changed what is shown")
            }
        }
        do {
            try await WebHarness.withDemoApp(database: location, anonymityKey: SecretToken.generate()) { _, _ in
                XCTFail("a database used with one anonymity key was opened with another")
            }
        } catch let error as SettingsError {
            XCTAssertTrue(error.description.contains("another anonymity key"))
        }
    }

    /// Pages compared as text; JSON compared as values, since key order may differ.
    static func sameContent(_ first: String, _ second: String) -> Bool {
        guard first.hasPrefix("{"),
            let left = try? JSONSerialization.jsonObject(with: Data(first.utf8)) as? NSDictionary,
            let right = try? JSONSerialization.jsonObject(with: Data(second.utf8)) as? NSDictionary
        else { return first == second }
        return left.isEqual(right)
    }

    func test_rulesCannotChangeAfterClose_soNoSecondCatalogueExists() async throws {
        try await rulesCannotChangeAfterCloseSoNoSecondCatalogueExists(on: WebHarness.sqlite())
    }

    func test_rulesCannotChangeAfterClose_soNoSecondCatalogueExists_onPostgreSQL() async throws {
        try await rulesCannotChangeAfterCloseSoNoSecondCatalogueExists(on: WebHarness.postgres())
    }

    private func rulesCannotChangeAfterCloseSoNoSecondCatalogueExists(on database: DatabaseLocation) async throws {
        try await WebHarness.withDemoApp(database: database) { app, demo in
            let (manager, cycle) = try await Self.openCycleAsProgrammeManager(app, demo)
            try await manager.call(.POST, "/api/v1/cycles/\(cycle)/advance", json: #"{"from": "open"}"#, expect: .ok)
            let stricter = #"{"minimumPeers": 4, "minimumCustomers": 5, "minimumForComments": 5}"#
            let refused = try await manager.call(
                .PUT, "/api/v1/cycles/\(cycle)/rules", json: stricter, expect: .conflict)
            XCTAssertTrue(try refused.content.get(String.self, at: "error", "message").contains("fixed"))
        }
    }

    /// Links are built from ACUMEN_PUBLIC_URL, never from a forged Host header.
    func test_aForgedHostHeader_neverReachesAnEmailedLink() async throws {
        try await aForgedHostHeaderNeverReachesAnEmailedLink(on: WebHarness.sqlite())
    }

    func test_aForgedHostHeader_neverReachesAnEmailedLink_onPostgreSQL() async throws {
        try await aForgedHostHeaderNeverReachesAnEmailedLink(on: WebHarness.postgres())
    }

    private func aForgedHostHeaderNeverReachesAnEmailedLink(on database: DatabaseLocation) async throws {
        try await WebHarness.withDemoApp(database: database) { app, demo in
            let (manager, cycle) = try await Self.openCycleAsProgrammeManager(app, demo)
            let subject = demo.accountManagers[0]
            let subjectID = try await PeopleRepository(database: app.db).personID(email: subject.email)!
            let peer = try XCTUnwrap(
                demo.accountManagers.first {
                    $0.email != subject.email && !$0.supervisorEmail.isEmpty
                        && $0.email != subject.supervisorEmail
                })
            var headers: HTTPHeaders = ["Host": "evil.example", "Content-Type": "application/json"]
            headers.add(name: .authorization, value: "Bearer \(manager.token!)")
            try await app.send(
                .POST, "/api/v1/cycles/\(cycle)/people/\(subjectID)/nominations", headers: headers,
                body: ByteBuffer(string: #"{"email": "\#(peer.email)", "source": "peer"}"#),
                afterResponse: { XCTAssertEqual($0.status, .created, $0.body.string) })
            let messages = try await OutboxRepository(database: app.db).recent(limit: 5000)
            let mail = try XCTUnwrap(messages.first { $0.message.recipient == peer.email })
            XCTAssertFalse(mail.message.body.contains("evil.example"))
            XCTAssertTrue(mail.message.body.contains("http://127.0.0.1:8080/r/"))
        }
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}

/// Sign-in under attack: throttling that slows guessers without locking owners out, the same
/// answer for unknown e-mails, redirects that stay on the site, CSRF on cookie API calls.
final class SignInAttackTests: XCTestCase {
    func test_oneGuessSprayedAcrossManyEmails_isSlowedPerAddress() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let attacker = BrowserSession(app: app)
            _ = try await attacker.get("/login")
            for index in 0..<SignInThrottle().freeFailuresPerAddress {
                let answer = try await attacker.post(
                    "/login", form: ["email": "someone\(index)@example.com", "password": "Summer2026!"])
                XCTAssertEqual(answer.status, .unauthorized)
            }
            let next = try await attacker.post(
                "/login", form: ["email": WebHarness.email(of: .supervisor, in: demo), "password": "Summer2026!"])
            XCTAssertEqual(next.status, .tooManyRequests)
            XCTAssertNotNil(next.headers.first(name: .retryAfter))
        }
    }

    func test_guessingAnOwnersPassword_delaysGuessers_butNotTheOwnersKnownDevice() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let email = WebHarness.email(of: .supervisor, in: demo)
            let owner = BrowserSession(app: app)
            let signedIn = try await owner.signIn(email)
            XCTAssertEqual(signedIn.status, .seeOther)
            XCTAssertNotNil(owner.cookies[DeviceCookie.name], "signing in marks the device")

            let attacker = BrowserSession(app: app)
            _ = try await attacker.get("/login")
            for _ in 0..<SignInThrottle().freeFailuresPerAccount {
                _ = try await attacker.post("/login", form: ["email": email, "password": "wrong-guess-1"])
            }
            let slowed = try await attacker.post(
                "/login", form: ["email": email, "password": DemoOrganisation.password])
            XCTAssertEqual(slowed.status, .tooManyRequests, "even the right password waits after many failures")
            XCTAssertTrue(slowed.body.string.contains("Wait"), "a delay, not a lock")

            // Someone behind the same address (a proxy, an office) fails often enough to slow it.
            for index in 0..<SignInThrottle().freeFailuresPerAddress {
                _ = try await attacker.post(
                    "/login", form: ["email": "x\(index)@example.com", "password": "wrong-guess"])
            }
            // The owner comes back later in the same browser: a new session, the device cookie kept.
            let returning = BrowserSession(app: app)
            returning.cookies[DeviceCookie.name] = owner.cookies[DeviceCookie.name]
            let back = try await returning.signIn(email)
            XCTAssertEqual(back.status, .seeOther, "the owner's own device gets past the guessers' delays")
        }
    }

    func test_unknownEmail_getsTheSameAnswerAsAWrongPassword() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            _ = try await browser.get("/login")
            let unknown = try await browser.post(
                "/login", form: ["email": "nobody@example.com", "password": "x-123456"])
            let wrong = try await browser.post(
                "/login", form: ["email": WebHarness.email(of: .supervisor, in: demo), "password": "x-123456"])
            XCTAssertEqual(unknown.status, wrong.status)
            XCTAssertTrue(unknown.body.string.contains("That email and password do not match."))
            XCTAssertTrue(wrong.body.string.contains("That email and password do not match."))
        }
    }

    func test_nextIsFollowedOnlyToAPathOnThisSite() {
        for attack in [
            "/\t/evil.example/", "//evil.example", "/\\evil.example", "https://evil.example/", "/%2F%2Fevil.example",
            "/%5Cevil.example", "/\n/evil.example", "javascript:alert(1)", "/\u{00A0}/evil.example", " /frameworks",
        ] {
            XCTAssertNil(SafeRedirect.path(attack), attack.debugDescription)
        }
        XCTAssertEqual(SafeRedirect.path("/cycles/1?tab=raters"), "/cycles/1?tab=raters")
    }

    func test_anAPICallWithTheSessionCookie_needsTheCSRFToken() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            var jar = HTTPCookies()
            for (name, value) in browser.cookies { jar[name] = value }
            var headers: HTTPHeaders = ["Content-Type": "application/json"]
            headers.cookie = jar
            let body =
                #"{"name": "Forged", "frameworkId": "00000000-0000-0000-0000-000000000000", "opensOn": "2026-01-01", "closesOn": "2026-02-01"}"#
            try await app.send(
                .POST, "/api/v1/cycles", headers: headers, body: ByteBuffer(string: body),
                afterResponse: {
                    XCTAssertEqual($0.status, .forbidden)
                    XCTAssertTrue($0.body.string.contains("csrf"))
                })
            _ = try await browser.get("/frameworks")
            headers.add(name: CSRFProtection.headerName, value: browser.csrf)
            try await app.send(
                .POST, "/api/v1/cycles", headers: headers, body: ByteBuffer(string: body),
                afterResponse: {
                    XCTAssertNotEqual($0.status, .forbidden, "with the page's token the call is judged on its content")
                })
            let cycles = try await CycleRepository(database: app.db).cycles()
            XCTAssertFalse(cycles.contains { $0.name == "Forged" })
        }
    }

    func test_anonymousPageViews_storeNoSession() async throws {
        try await WebHarness.withDemoApp { app, _ in
            let sql = app.db as! any SQLDatabase
            func sessions() async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS n FROM web_sessions").first()!.decode(column: "n", as: Int.self)
            }
            let before = try await sessions()
            var headers: HTTPHeaders = [:]
            headers.cookie = HTTPCookies(dictionaryLiteral: ("acumen_session", HTTPCookies.Value(string: "stale")))
            for _ in 0..<5 {
                try await app.send(.GET, "/login", afterResponse: { XCTAssertEqual($0.status, .ok) })
                try await app.send(.GET, "/login", headers: headers, afterResponse: { XCTAssertEqual($0.status, .ok) })
            }
            let after = try await sessions()
            XCTAssertEqual(after, before)
        }
    }

    func test_serving_beyondLoopback_needsAPublicURL_andTheDemoSetsItsOwn() throws {
        XCTAssertThrowsError(
            try PublicURL.resolve(
                configured: nil, command: CommandArguments(["acumen", "serve", "--hostname", "0.0.0.0"])))
        XCTAssertEqual(
            try PublicURL.resolve(configured: nil, command: CommandArguments(["acumen", "serve", "--port", "9000"])),
            "http://127.0.0.1:9000")
        XCTAssertEqual(
            try PublicURL.resolve(configured: nil, command: CommandArguments(["acumen", "demo", "-H", "0.0.0.0"])),
            "http://127.0.0.1:8080")
        XCTAssertEqual(
            try PublicURL.resolve(
                configured: "https://acumen.example.com/", command: CommandArguments(["acumen", "serve"])),
            "https://acumen.example.com")
        for bad in ["acumen.example.com", "https://acumen.example.com/path", "ftp://x", "https://a b.example"] {
            XCTAssertThrowsError(try PublicURL.origin(bad), bad)
        }
    }
}
