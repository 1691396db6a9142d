import AcumenCore
import AcumenStore
import Foundation
import XCTVapor
import XCTest

@testable import AcumenWeb

final class ProgrammeRoutesTests: XCTestCase {
    /// Completions of the demo's account managers in 2026, reported by a source system.
    private func complete(app: Application, count: Int) async throws {
        let people = try await AnalyticsRepository(database: app.db).accountManagers()
            .filter { $0.endDate == nil }.prefix(count)
        let offerings = try await CatalogueRepository(database: app.db).offerings()
        let completions = people.enumerated().map { index, member in
            CompletionRepository.Completion(
                personID: member.id, offeringID: offerings[index % 7].id,
                completedOn: CalendarDate(year: 2026, month: 1 + index % 9, day: 10)!)
        }
        _ = try await CompletionRepository(database: app.db).record(completions, source: "LMS", at: Date())
    }

    func test_programmeStaff_readTheFigures_andCanCountThemAgainFromTheCSVs() async throws {
        try await WebHarness.withDemoApp { app, demo in
            try await complete(app: app, count: 30)
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let home = try await staff.get("/")
            XCTAssertContains(home.body.string, "href=\"/analytics/programme\"")

            let period = "?from=2026-01-01&to=2026-09-30"
            let page = try await staff.get("/analytics/programme" + period)
            XCTAssertEqual(page.status, .ok)
            XCTAssertContains(page.body.string, "Used the training")
            XCTAssertContains(page.body.string, "multiplied by 365 over the period")
            XCTAssertContains(page.body.string, "<svg")
            XCTAssertContains(page.body.string, "/analytics/programme/people.csv?from=2026-01-01&to=2026-09-30")

            let answer = try await staff.get("/api/v1/analytics/programme" + period)
            XCTAssertEqual(answer.status, .ok)
            let figures = try JSONDecoder().decode(ProgrammeFiguresDTO.self, from: Data(buffer: answer.body))
            XCTAssertEqual(figures.from, "2026-01-01")
            XCTAssertEqual(figures.adopters, 30)

            // Counted again from the files alone.
            let people = try CSVTable(
                text: try await staff.get("/analytics/programme/people.csv" + period).body.string,
                requiredColumns: ["person_id", "in_period", "completions_in_period", "end_date", "leaving_reason"])
            let inPeriod = people.rows.filter { $0["in_period"] == "yes" }
            XCTAssertEqual(figures.accountManagers, inPeriod.count)
            let adopters = inPeriod.filter { Int($0["completions_in_period"])! > 0 }
            XCTAssertEqual(figures.adopters, adopters.count)
            XCTAssertEqual(
                try XCTUnwrap(figures.adoptionRate), Double(adopters.count) / Double(inPeriod.count), accuracy: 1e-12)
            XCTAssertEqual(figures.locationsReached, Set(adopters.map { $0["location"].lowercased() }).count)
            let leavers = inPeriod.filter { ("2026-01-01"..."2026-09-30").contains($0["end_date"]) }
            XCTAssertEqual(figures.leavers, leavers.count)
            XCTAssertEqual(figures.voluntaryLeavers, leavers.filter { $0["leaving_reason"] == "voluntary" }.count)
            let headcount =
                Double(
                    people.rows.filter { $0["employed_on_first_day"] == "yes" }.count
                        + people.rows.filter { $0["employed_on_last_day"] == "yes" }.count) / 2
            XCTAssertEqual(figures.averageHeadcount, headcount)
            if headcount > 0 {
                XCTAssertEqual(
                    try XCTUnwrap(figures.turnoverRate), Double(leavers.count) / headcount * 365 / 273, accuracy: 1e-12)
            }
            let completions = try CSVTable(
                text: try await staff.get("/analytics/programme/completions.csv" + period).body.string,
                requiredColumns: ["person_id", "offering_id", "completed_on", "format", "category"])
            XCTAssertEqual(figures.completions, completions.rows.count)
            XCTAssertEqual(figures.distinctOfferings, Set(completions.rows.map { $0["offering_id"] }).count)
            XCTAssertEqual(figures.byFormat.map(\.completions).reduce(0, +), completions.rows.count)
            let service = try await staff.get("/analytics/programme/service.csv" + period)
            XCTAssertEqual(service.status, .ok)
            XCTAssertContains(service.body.string, "cycle,closes_on,customers,minimum_customers,shown")
        }
    }

    func test_badDays_areNamed_andChangeNothing() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let unreadable = try await staff.get("/api/v1/analytics/programme?from=2026-13-01")
            XCTAssertEqual(unreadable.status, .badRequest)
            XCTAssertContains(unreadable.body.string, "from")
            let backwards = try await staff.get("/api/v1/analytics/programme?from=2026-06-01&to=2026-05-01")
            XCTAssertEqual(backwards.status, .badRequest)
            XCTAssertContains(backwards.body.string, "ends before it starts")
            let csv = try await staff.get("/analytics/programme/people.csv?to=someday")
            XCTAssertEqual(csv.status, .badRequest)
            let page = try await staff.get("/analytics/programme?from=%00&to=2026-01-01")
            XCTAssertEqual(page.status, .badRequest)
            XCTAssertContains(page.body.string, "Write 'from' as a day")
            XCTAssertContains(page.body.string, "Used the training")  // the default period is still shown
        }
    }

    func test_onlyThoseWhoRunTheProgramme_readItsFigures() async throws {
        try await WebHarness.withDemoApp { app, demo in
            for role in [Role.accountManager, .supervisor, .customerReviewer] {
                let someone = BrowserSession(app: app)
                try await someone.signIn(WebHarness.email(of: role, in: demo))
                for path in [
                    "/analytics/programme", "/api/v1/analytics/programme", "/analytics/programme/people.csv",
                    "/analytics/programme/completions.csv", "/analytics/programme/service.csv",
                ] {
                    let refused = try await someone.get(path)
                    XCTAssertEqual(refused.status, .forbidden, "\(role) \(path)")
                }
                let home = try await someone.get("/").body.string
                XCTAssertFalse(home.contains("/analytics/programme"), "\(role)")
            }
            let stranger = try await app.sendRequest(.GET, "/api/v1/analytics/programme")
            XCTAssertEqual(stranger.status, .unauthorized)
        }
    }

    func test_theServiceRating_isTheSameCountedLiveOrFromWhatACycleKept() async throws {
        try await WebHarness.withDemoApp { app, demo in
            _ = try await DemoLoader(database: app.db).load(withPastCycle: true) { DemoOrganisation.password }
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let asked = "/analytics/programme/service.csv?from=2024-01-01&to=\(CalendarDate.today)"
            // The demo's cycles settled without their results kept: their answers are counted live.
            let live = try await staff.get(asked).body.string
            let settled = try await CycleRepository(database: app.db).cycles().filter(\.status.isSettled)
            XCTAssertEqual(settled.count, 2)
            for cycle in settled {
                try await SettledResults.ensureKept(cycle, database: app.db)
                let kept = try await SettledResultsRepository(database: app.db).isKept(cycleID: cycle.id)
                XCTAssertTrue(kept)
            }
            let counted = try await staff.get(asked).body.string
            XCTAssertEqual(counted, live)
            XCTAssertEqual(counted.split(whereSeparator: \.isNewline).count, 3, "a header and both past reviews")
        }
    }

    func test_theImpactOfTraining_isComparedBetweenTwoCycles_andCountsAgainFromItsCSV() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let before = try await staff.get("/analytics/programme")
            XCTAssertContains(before.body.string, "Competency change needs two closed cycles")

            // The demo's two past reviews and the year of learning between them.
            _ = try await DemoLoader(database: app.db).load(withPastCycle: true) { DemoOrganisation.password }
            let page = try await staff.get("/analytics/programme")
            XCTAssertContains(page.body.string, "This is an association, not proof")
            XCTAssertContains(page.body.string, "From \(DemoHistory.earlierCycleName)")
            let answer = try await staff.get("/api/v1/analytics/programme")
            let figures = try JSONDecoder().decode(ProgrammeFiguresDTO.self, from: Data(buffer: answer.body))
            let impact = try XCTUnwrap(figures.impact)
            XCTAssertEqual(impact.laterCycle, DemoHistory.cycleName)
            XCTAssertEqual(impact.earlierCycle, DemoHistory.earlierCycleName)
            let comparison = try XCTUnwrap(impact.competencyComparison)

            let csv = try CSVTable(
                text: try await staff.get("/analytics/programme/impact.csv").body.string,
                requiredColumns: ["person_id", "took_training", "competency_change"])
            XCTAssertEqual(csv.rows.count, impact.people)
            func mean(_ rows: [CSVTable.Row]) -> Double {
                rows.map { Double($0["competency_change"])! }.reduce(0, +) / Double(rows.count)
            }
            let trained = csv.rows.filter { $0["took_training"] == "yes" }
            let untrained = csv.rows.filter { $0["took_training"] == "no" }
            XCTAssertEqual(trained.count, comparison.trained)
            XCTAssertEqual(untrained.count, comparison.untrained)
            XCTAssertEqual(mean(trained), comparison.trainedMean, accuracy: 1e-3)
            XCTAssertEqual(mean(untrained), comparison.untrainedMean, accuracy: 1e-3)
            XCTAssertEqual(mean(csv.rows), try XCTUnwrap(impact.meanCompetencyChange), accuracy: 1e-3)
            XCTAssertLessThan(comparison.intervalLow, comparison.difference)
            XCTAssertGreaterThan(comparison.intervalHigh, comparison.difference)

            // Kept between requests, but not past a change to the learning record.
            let untrainedID = try XCTUnwrap(UUID(uuidString: try XCTUnwrap(untrained.first)["person_id"]))
            let offering = try await CatalogueRepository(database: app.db).offerings()[0]
            let between = try XCTUnwrap(CalendarDate(impact.laterClosedOn)).adding(days: -1)
            _ = try await CompletionRepository(database: app.db).record(
                [.init(personID: untrainedID, offeringID: offering.id, completedOn: between)], source: "LMS", at: Date()
            )
            let again = try await staff.get("/api/v1/analytics/programme")
            let updated = try JSONDecoder().decode(ProgrammeFiguresDTO.self, from: Data(buffer: again.body))
            XCTAssertEqual(updated.impact?.competencyComparison?.trained, comparison.trained + 1)
        }
    }
}
