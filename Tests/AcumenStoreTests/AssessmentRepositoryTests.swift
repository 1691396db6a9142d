import AcumenCore
import AcumenStore
import FluentKit
import SQLKit
import XCTest

final class AssessmentRepositoryTests: XCTestCase {
    func test_cycle_submissions_areAppendOnly_andAnonymous() async throws {
        try await StoreHarness.onSQLite(submissionsAreAppendOnlyAndAnonymous)
    }

    func test_cycle_submissions_areAppendOnly_andAnonymous_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(submissionsAreAppendOnlyAndAnonymous)
    }

    private func submissionsAreAppendOnlyAndAnonymous(database: any Database, label: String) async throws {
        let fixture = try await AssessmentFixture.make(on: database)
        let cycles = CycleRepository(database: database)
        let invitations = InvitationRepository(database: database)
        let responses = ResponseRepository(database: database)

        let created = try await invitations.invitations(cycleID: fixture.cycleID, subjectID: fixture.anaID)
        XCTAssertEqual(
            Set(created.map { "\($0.source.rawValue) \($0.raterName)" }),
            ["self Ana Ruiz", "supervisor Lea Lead", "customer Cy Client"], label)
        let peerID = try await invitations.nominate(
            cycle: try await CycleRepository(database: database).cycle(id: fixture.cycleID), subjectID: fixture.anaID,
            raterPersonID: fixture.benID, source: .peer,
            accountID: nil, nominatedBy: "ana@x.example", approved: false)
        let nominated = try await invitations.invitation(id: peerID)
        XCTAssertEqual(nominated.status, .nominated, label)
        _ = try await cycles.advance(cycleID: fixture.cycleID, from: .draft, today: .today)
        let cycle = try await cycles.cycle(id: fixture.cycleID)

        let customer = created.first { $0.source == .customer }!
        // As `RaterLinks` does: the digest and its e-mail in one transaction.
        try await database.transaction { database in
            try await InvitationRepository(database: database).issue(
                invitationID: customer.id, tokenDigest: "digest-1", today: fixture.today)
            try await OutboxRepository(database: database).enqueue(
                OutgoingMessage(recipient: "cy@client.example", subject: "s", body: "b"))
        }
        let opened = try await invitations.invitation(tokenDigest: "digest-1")
        XCTAssertEqual(opened?.id, customer.id, label)

        try await responses.saveDraftField(invitationID: customer.id, name: "q:OM.1-a", value: "often")
        try await responses.saveDraftField(invitationID: customer.id, name: "q:OM.1-a", value: "always")
        let draft = try await responses.draft(invitationID: customer.id)
        XCTAssertEqual(draft, ["q:OM.1-a": "always"], "autosave keeps the latest value (\(label))")

        let first = try await responses.submit(
            invitation: customer, cycle: cycle, content: .answers(["OM.1-a": .often], comments: [:]),
            raterKey: "key-1", today: fixture.today)
        do {
            try await responses.submit(
                invitation: customer, cycle: cycle, content: .answers(["OM.1-a": .never], comments: [:]),
                raterKey: "key-1", today: fixture.today)
            XCTFail("a second submission was accepted (\(label))")
        } catch StoreError.conflict {}
        let afterDouble = try await responses.customerResponses(cycleID: fixture.cycleID)
        XCTAssertEqual(afterDouble.map(\.answers), [["OM.1-a": .often]], label)

        try await responses.reopenForCorrection(invitation: customer, raterKey: "key-1")
        let reopened = try await responses.draft(invitationID: customer.id)
        XCTAssertEqual(reopened["q:OM.1-a"], "often", label)
        let second = try await responses.submit(
            invitation: customer, cycle: cycle, content: .answers(["OM.1-a": .always], comments: [:]),
            raterKey: "key-1", today: fixture.today)
        XCTAssertNotEqual(first, second, label)

        let sql = database as! any SQLDatabase
        let stored = try await sql.raw(
            "SELECT id, status, replaces_id, rater_person_id, submitted_on FROM responses ORDER BY status"
        ).all()
        XCTAssertEqual(stored.count, 2, "the correction was added, not written over (\(label))")
        let statuses = try stored.map { try $0.decode(column: "status", as: String.self) }
        XCTAssertEqual(statuses, ["submitted", "voided"], label)
        let replaces = try stored[0].decode(column: "replaces_id", as: UUID?.self)
        XCTAssertNil(replaces, "an anonymous correction is not linked to what it replaces (\(label))")
        XCTAssertEqual(try stored[1].decode(column: "id", as: UUID.self), first, label)
        for row in stored {
            let rater = try row.decode(column: "rater_person_id", as: UUID?.self)
            XCTAssertNil(rater, "an anonymous response names no rater (\(label))")
            let day = try row.decode(column: "submitted_on", as: String.self)
            XCTAssertEqual(day, cycle.settings.closesOn.description, "dated on the closing day (\(label))")
        }
        let current = try await responses.customerResponses(cycleID: fixture.cycleID)
        XCTAssertEqual(current.map(\.answers), [["OM.1-a": .always]], label)
        let outbox = try await OutboxRepository(database: database).claimDue()
        XCTAssertEqual(outbox.map(\.message.recipient), ["cy@client.example"], label)
    }

    func test_closingACycle_recordsTheDay_answersStopped() async throws {
        try await StoreHarness.onSQLite(closingRecordsTheDay)
    }

    func test_closingACycle_recordsTheDay_answersStopped_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(closingRecordsTheDay)
    }

    private func closingRecordsTheDay(database: any Database, label: String) async throws {
        let fixture = try await AssessmentFixture.make(on: database)
        let cycles = CycleRepository(database: database)
        let planned = try await cycles.cycle(id: fixture.cycleID).settings.closesOn
        _ = try await cycles.advance(cycleID: fixture.cycleID, from: .draft, today: fixture.today)
        let opened = try await cycles.cycle(id: fixture.cycleID)
        XCTAssertNil(opened.closedOn, label)
        let early = try XCTUnwrap(CalendarDate(year: planned.year - 1, month: planned.month, day: 1))
        _ = try await cycles.advance(cycleID: fixture.cycleID, from: .open, today: early)
        let closed = try await cycles.cycle(id: fixture.cycleID)
        XCTAssertEqual(closed.closedOn, early, label)
        XCTAssertEqual(closed.answersClosedOn, early, "closed before the planned day (\(label))")
        _ = try await cycles.advance(cycleID: fixture.cycleID, from: .closed, today: fixture.today)
        let released = try await cycles.cycle(id: fixture.cycleID)
        XCTAssertEqual(released.closedOn, early, "releasing keeps it (\(label))")
    }

    func test_ratersWithoutALogin_areTeamLeadsAndSupervisorRaters_whoCannotSignIn() async throws {
        try await StoreHarness.onSQLite(ratersWithoutLogin)
    }

    func test_ratersWithoutALogin_areTeamLeadsAndSupervisorRaters_whoCannotSignIn_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(ratersWithoutLogin)
    }

    private func ratersWithoutLogin(database: any Database, label: String) async throws {
        _ = try await AssessmentFixture.make(on: database)
        let people = PeopleRepository(database: database)
        let before = try await people.ratersWithoutLogin()
        XCTAssertEqual(before.map(\.email), ["lead@x.example"], "Lea leads Ana and Ben (\(label))")
        _ = try await UserRepository(database: database).create(
            email: "LEAD@x.example", passwordHash: "x", role: .supervisor)
        let afterLogin = try await people.ratersWithoutLogin()
        XCTAssertTrue(afterLogin.isEmpty, "a login under the same address counts, whatever its case (\(label))")
    }

    func test_rules_canOnlyTighten_onceOpen() async throws {
        try await StoreHarness.onSQLite { database, label in
            let fixture = try await AssessmentFixture.make(on: database)
            let cycles = CycleRepository(database: database)
            try await cycles.changeRules(cycleID: fixture.cycleID, to: AnonymityRules(minimumPeers: 4))
            _ = try await cycles.advance(cycleID: fixture.cycleID, from: .draft, today: .today)
            do {
                try await cycles.changeRules(cycleID: fixture.cycleID, to: AnonymityRules(minimumPeers: 3))
                XCTFail("rules were loosened in an open cycle (\(label))")
            } catch StoreError.conflict {}
            try await cycles.changeRules(cycleID: fixture.cycleID, to: AnonymityRules(minimumPeers: 5))
            let rules = try await cycles.cycle(id: fixture.cycleID).settings.rules
            XCTAssertEqual(rules.minimumPeers, 5, label)
            do {
                try await cycles.rewordQuestion(cycleID: fixture.cycleID, code: "OM.1-a", text: "Changed")
                XCTFail("a question was reworded in an open cycle (\(label))")
            } catch StoreError.conflict {}
        }
    }
}

/// A published framework, three vendor people, one customer reviewer and a draft cycle.
struct AssessmentFixture {
    var frameworkID: UUID
    var cycleID: UUID
    var anaID: UUID
    var benID: UUID
    var today: CalendarDate

    static func make(on database: any Database) async throws -> AssessmentFixture {
        let people = PeopleRepository(database: database)
        let header = "name,email,job_title,hire_date,organisation,location,country,team,supervisor_email\n"
        _ = try await people.importPeople(
            csv: header + "Lea Lead,lead@x.example,Team Lead,2019-05-06,,London,United Kingdom,EMEA,\n"
                + "Ana Ruiz,ana@x.example,Account Manager,2024-02-01,,London,United Kingdom,EMEA,lead@x.example\n"
                + "Ben Berg,ben@x.example,Senior Account Manager,2020-02-01,,London,United Kingdom,EMEA,lead@x.example\n"
                + "Cy Client,cy@client.example,Mobility Manager,2018-01-01,Client Co,,,,\n")
        _ = try await AccountRepository(database: database).importAccounts(
            csv: "account,customer,account_manager_email,team_member_emails,reviewer_emails\n"
                + "Client Co relocation,Client Co,ana@x.example,,cy@client.example\n",
            knownEmails: try await people.allEmails())
        let frameworks = FrameworkRepository(database: database)
        let framework = try await frameworks.create(GlobalMobilityAccountManagerFramework.content)
        _ = try await frameworks.publish(id: framework.id)
        let today = CalendarDate(year: 2026, month: 11, day: 2)!
        let settings = CycleSettings(
            name: "2026 annual review", opensOn: today, closesOn: today.adding(days: 28))
        let version = try await frameworks.version(id: framework.id)
        let cycleID = try await cycle(settings, framework: version, today: today, on: database)
        return AssessmentFixture(
            frameworkID: framework.id, cycleID: cycleID, anaID: try await people.personID(email: "ana@x.example")!,
            benID: try await people.personID(email: "ben@x.example")!, today: today)
    }

    /// Another cycle of every account manager on the fixture's framework.
    func anotherCycle(named name: String, opensOn day: CalendarDate, on database: any Database) async throws -> UUID {
        try await Self.cycle(
            CycleSettings(name: name, opensOn: day, closesOn: day.adding(days: 28)),
            framework: try await FrameworkRepository(database: database).version(id: frameworkID), today: day,
            on: database)
    }

    private static func cycle(
        _ settings: CycleSettings, framework version: FrameworkVersion, today: CalendarDate, on database: any Database
    ) async throws -> UUID {
        try await database.transaction { database in
            let created = try await CycleRepository(database: database).create(
                frameworkID: version.summary.id, settings: settings, scope: .allAccountManagers,
                questionnaire: Questionnaire.starting(
                    for: version.content, from: GlobalMobilityQuestionnaire.questionnaire), today: today)
            try await InvitationRepository(database: database).createAutomatic(
                cycleID: created.id, subjects: created.subjects, sources: settings.sources)
            return created.id
        }
    }
}
