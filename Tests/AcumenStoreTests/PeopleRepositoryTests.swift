import AcumenCore
import AcumenStore
import FluentKit
import XCTest

final class PeopleRepositoryTests: XCTestCase {
    let header =
        "name,email,job_title,hire_date,organisation,location,country,team,supervisor_email,employment_status,end_date\n"

    func test_import_isAllOrNothing() async throws {
        try await StoreHarness.onSQLite(importIsAllOrNothing)
    }

    func test_import_isAllOrNothing_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(importIsAllOrNothing)
    }

    private func importIsAllOrNothing(database: any Database, label: String) async throws {
        let people = PeopleRepository(database: database)
        let csv =
            header + "Lea Lead,lead@x.example,Team Lead,2019-05-06,,London,United Kingdom,EMEA,,,\n"
            + "Ana Ruiz,ana@x.example,Account Manager,2024-02-01,,remote,,EMEA,lead@x.example,,\n"
            + "Bad Row,bad@x.example,Account Manager,2024-02-30,,,,,,,\n"
        do {
            _ = try await people.importPeople(csv: csv)
            XCTFail("a file with a bad row was imported (\(label))")
        } catch let report as ImportReport {
            XCTAssertEqual(report.problems.map(\.line), [4], label)
        }
        let storedEmails = try await people.allEmails()
        XCTAssertEqual(storedEmails, [], "nothing was stored (\(label))")
    }

    func test_import_linksSupervisors_andIsIdempotent() async throws {
        try await StoreHarness.onSQLite(importLinksSupervisorsAndIsIdempotent)
    }

    func test_import_linksSupervisors_andIsIdempotent_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(importLinksSupervisorsAndIsIdempotent)
    }

    private func importLinksSupervisorsAndIsIdempotent(database: any Database, label: String) async throws {
        let people = PeopleRepository(database: database)
        let csv =
            header + "Ana Ruiz,ana@x.example,Account Manager,2024-02-01,,Madrid,Spain,Iberia,lead@x.example,,\n"
            + "Lea Lead,lead@x.example,Team Lead,2019-05-06,,remote,,Iberia,,,\n"
            + "Cy Client,cy@client.example,Mobility Manager,2018-01-01,Client Co,,,,,,\n"
        let first = try await people.importPeople(csv: csv)
        XCTAssertEqual(first, ImportSummary(created: 3, updated: 0), label)
        let second = try await people.importPeople(csv: csv)
        XCTAssertEqual(second, ImportSummary(created: 0, updated: 3), label)

        let lead = try await people.personID(email: "lead@x.example")!
        let viewer = Viewer(userID: UUID(), email: "lead@x.example", role: .supervisor, personID: lead)
        let visible = try await people.people(visibleTo: viewer)
        XCTAssertEqual(Set(visible.map(\.email)), ["ana@x.example", "lead@x.example"], label)
        let ana = visible.first { $0.email == "ana@x.example" }!
        XCTAssertEqual(ana.supervisorName, "Lea Lead", label)
        XCTAssertEqual(ana.location, "Madrid, Spain", label)
        let history = try await people.employmentHistory(personID: ana.id).map(\.kind)
        XCTAssertEqual(history, [.hired], label)
    }

    func test_largeImport_isWrittenInSlices_withSupervisorsListedAfterTheirReports() async throws {
        try await StoreHarness.onSQLite(largeImportIsWrittenInSlicesWithSupervisorsListedAfterTheirReports)
    }

    func test_largeImport_isWrittenInSlices_withSupervisorsListedAfterTheirReports_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(largeImportIsWrittenInSlicesWithSupervisorsListedAfterTheirReports)
    }

    private func largeImportIsWrittenInSlicesWithSupervisorsListedAfterTheirReports(
        database: any Database, label: String
    ) async throws {
        // Reports come first and their supervisors last, across more than one insert slice.
        var rows: [String] = []
        for index in 0..<2_500 {
            rows.append("P\(index),p\(index)@x.example,AM,2024-01-01,,,,T,lead\(index % 10)@x.example,,\n")
        }
        for lead in 0..<10 {
            rows.append("Lead \(lead),lead\(lead)@x.example,Team Lead,2019-01-01,,,,T,,,\n")
        }
        let summary = try await PeopleRepository(database: database).importPeople(csv: header + rows.joined())
        XCTAssertEqual(summary.created, 2_510, label)
        let lead = try await PeopleRepository(database: database).personID(email: "lead3@x.example")!
        let viewer = Viewer(userID: UUID(), email: "", role: .supervisor, personID: lead)
        let visible = try await PeopleRepository(database: database).people(visibleTo: viewer)
        XCTAssertEqual(visible.count, 251, label)
    }

    func test_accountManager_seesOnlyThemself_andNotOthersById() async throws {
        try await StoreHarness.onSQLite(accountManagerSeesOnlyThemselfAndNotOthersById)
    }

    func test_accountManager_seesOnlyThemself_andNotOthersById_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(accountManagerSeesOnlyThemselfAndNotOthersById)
    }

    private func accountManagerSeesOnlyThemselfAndNotOthersById(database: any Database, label: String) async throws {
        let people = PeopleRepository(database: database)
        _ = try await people.importPeople(
            csv: header + "Ana,ana@x.example,AM,2024-02-01,,,,,ben@x.example,,\n"
                + "Ben,ben@x.example,AM,2024-02-01,,,,,,,\n")
        let ana = try await people.personID(email: "ana@x.example")!
        let ben = try await people.personID(email: "ben@x.example")!
        let viewer = Viewer(userID: UUID(), email: "ana@x.example", role: .accountManager, personID: ana)
        let visible = try await people.people(visibleTo: viewer)
        XCTAssertEqual(visible.map(\.id), [ana], label)
        XCTAssertEqual(
            visible.first?.supervisorName, "Ben", "a supervisor's name shows even when only oneself is visible")
        do {
            _ = try await people.person(id: ben, visibleTo: viewer)
            XCTFail("an account manager saw a colleague (\(label))")
        } catch StoreError.notFound {}
    }

    func test_demo_loadsOnce_andSecondRunAddsNothing() async throws {
        try await StoreHarness.onSQLite(demoLoadsOnceAndSecondRunAddsNothing)
    }

    func test_demo_loadsOnce_andSecondRunAddsNothing_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(demoLoadsOnceAndSecondRunAddsNothing)
    }

    private func demoLoadsOnceAndSecondRunAddsNothing(database: any Database, label: String) async throws {
        let loader = DemoLoader(database: database)
        let first = try await loader.load { "hash" }
        XCTAssertTrue(first.createdSomething, label)
        let count = try await PeopleRepository(database: database).allEmails().count
        XCTAssertEqual(count, first.organisation.people.count, label)
        let second = try await loader.load { "hash" }
        XCTAssertFalse(second.createdSomething, label)
        let peopleAfterSecondRun = try await PeopleRepository(database: database).allEmails().count
        XCTAssertEqual(peopleAfterSecondRun, count, label)
        let frameworks = try await FrameworkRepository(database: database).summaries()
        XCTAssertEqual(frameworks.count, 2, label)
        // The past reviews: released, once each, the last with every account manager's self and
        // supervisor ratings, the one before with those hired by then.
        let cycles = try await CycleRepository(database: database).cycles()
        XCTAssertEqual(Set(cycles.map(\.name)), [DemoHistory.cycleName, DemoHistory.earlierCycleName], label)
        XCTAssertTrue(cycles.allSatisfy { $0.status == .released }, label)
        let last = try XCTUnwrap(cycles.first { $0.name == DemoHistory.cycleName })
        let counts = try await ResponseRepository(database: database).responseCounts(cycleID: last.id)
        XCTAssertEqual(counts.count, first.organisation.accountManagers.count, label)
        XCTAssertTrue(counts.values.allSatisfy { $0[.self] == 1 && $0[.supervisor] == 1 }, label)
        XCTAssertTrue(frameworks.allSatisfy { $0.status == .published }, label)
        let admin = Viewer(userID: UUID(), email: "a", role: .administrator, personID: nil)
        let accountCount = try await AccountRepository(database: database).accounts(
            visibleTo: try await PeopleRepository(database: database).visiblePersonIDs(for: admin)
        ).count
        XCTAssertEqual(accountCount, 40, label)
    }
}
