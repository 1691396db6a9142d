import AcumenCore
import AcumenStore
import FluentKit
import SQLKit
import XCTest

final class AnalyticsRepositoryTests: XCTestCase {
    func test_theProgrammesRows_areReadAsTheFiguresCountThem() async throws {
        try await StoreHarness.onSQLite(programmeRows)
    }

    func test_theProgrammesRows_areReadAsTheFiguresCountThem_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(programmeRows)
    }

    private func programmeRows(database: any Database, label: String) async throws {
        let fixture = try await AssessmentFixture.make(on: database)
        let people = PeopleRepository(database: database)
        _ = try await people.importPeople(
            csv: "name,email,job_title,hire_date,location,country,employment_status,end_date,leaving_reason\n"
                + "Dee Dale,dee@x.example,account manager,2021-01-01,remote,,left,2026-06-30,voluntary\n"
                + "Eli East,eli@x.example,Account Manager,2022-01-01,Lisbon,Portugal,left,2026-07-31,\n")
        let members = try await AnalyticsRepository(database: database).accountManagers()
        let dee = try await people.personID(email: "dee@x.example")!
        let eli = try await people.personID(email: "eli@x.example")!
        XCTAssertEqual(
            Set(members.map(\.id)), [fixture.anaID, fixture.benID, dee, eli],
            "\(label): neither the team lead nor the customer; leavers and any capitals included")
        let deeRow = try XCTUnwrap(members.first { $0.id == dee })
        XCTAssertEqual(deeRow.leftVoluntarily, true, label)
        XCTAssertEqual(deeRow.location, "remote", label)
        XCTAssertEqual(deeRow.endDate, CalendarDate("2026-06-30"), label)
        XCTAssertNil(members.first { $0.id == eli }?.leftVoluntarily, "\(label): no reason recorded")
        XCTAssertEqual(members.first { $0.id == fixture.anaID }?.location, "London", label)

        // Completions: one by hand on the roadmap's record, one from a source system, one outside the period.
        let frameworks = FrameworkRepository(database: database)
        let general = try await frameworks.create(GeneralAccountManagementFramework.content)
        let summaries = try await frameworks.summaries()
        let globalMobility = try XCTUnwrap(
            summaries.first { $0.name == GlobalMobilityAccountManagerFramework.content.name })
        let offerings = DemoCatalogue.offerings(
            frameworks: .init(globalMobility: globalMobility.id, general: general.id), baseURL: "https://a.example")
        try await CatalogueRepository(database: database).save(offerings)
        let video = try XCTUnwrap(offerings.first { $0.format == .video })
        let course = try XCTUnwrap(offerings.first { $0.format == .eLearning })
        _ = try await CompletionRepository(database: database).record(
            [
                .init(personID: fixture.anaID, offeringID: video.id, completedOn: CalendarDate("2026-03-02")!),
                .init(personID: dee, offeringID: course.id, completedOn: CalendarDate("2026-05-01")!),
                .init(personID: fixture.benID, offeringID: course.id, completedOn: CalendarDate("2025-12-31")!),
            ], source: "LMS", at: Date())
        let year = ReportingPeriod(from: CalendarDate("2026-01-01")!, to: CalendarDate("2026-12-31")!)!
        let completions = try await AnalyticsRepository(database: database).completions(in: year)
        XCTAssertEqual(
            Set(completions.map { "\($0.personID == dee ? "dee" : "ana") \($0.format.rawValue) \($0.day)" }),
            ["ana video 2026-03-02", "dee eLearning 2026-05-01"], label)
        XCTAssertEqual(completions.first { $0.personID == dee }?.category, course.category, label)

        // Customers' answers: counted in the database once the cycle has closed, by cycle.
        let cycles = CycleRepository(database: database)
        _ = try await cycles.advance(cycleID: fixture.cycleID, from: .draft, today: fixture.today)
        let cycle = try await cycles.cycle(id: fixture.cycleID)
        let customer = try await InvitationRepository(database: database).invitations(
            cycleID: fixture.cycleID, subjectID: fixture.anaID
        ).first { $0.source == .customer }!
        try await ResponseRepository(database: database).submit(
            invitation: customer, cycle: cycle,
            content: .answers(["OM.1-a": .often, "OM.2-a": .always, "OM.3-a": .dontKnow], comments: [:]),
            raterKey: "key-1", today: fixture.today)
        let whileOpen = try await AnalyticsRepository(database: database).serviceAnswers(in: year)
        XCTAssertEqual(whileOpen, [], "\(label): answers are counted only once the cycle has closed")
        _ = try await cycles.advance(cycleID: fixture.cycleID, from: .open, today: fixture.today)
        let answers = try await AnalyticsRepository(database: database).serviceAnswers(in: year)
        XCTAssertEqual(answers.count, 1, label)
        XCTAssertEqual(answers.first?.responses, 1, label)
        XCTAssertEqual(answers.first?.counts, [.often: 1, .always: 1, .dontKnow: 1], label)
        XCTAssertEqual(answers.first?.minimumResponses, cycle.settings.rules.minimumCustomers, label)

        let figures = try await AnalyticsRepository(database: database).programmeFigures(in: year)
        XCTAssertEqual(figures.accountManagers, 4, label)
        XCTAssertEqual(figures.adopters, 2, label)
        XCTAssertEqual(figures.locationsReached, 2, "\(label): London and remote")
        XCTAssertEqual(figures.turnover.leavers, 2, label)
        XCTAssertEqual(figures.turnover.voluntaryLeavers, 1, label)
        XCTAssertEqual(figures.serviceCyclesWithheld, 1, "\(label): one customer is below the cycle's minimum")
        XCTAssertNil(figures.serviceRating, label)
    }
}
