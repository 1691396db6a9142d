import AcumenCore
import Foundation
import XCTest

final class ProgrammeFiguresTests: XCTestCase {
    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }
    lazy var year2026 = ReportingPeriod(from: day("2026-01-01"), to: day("2026-12-31"))!

    let ana = UUID()
    let ben = UUID()
    let chloe = UUID()
    let dev = UUID()
    let eve = UUID()
    let course = UUID()
    let video = UUID()

    var members: [ProgrammeFigures.Member] {
        [
            .init(id: ana, location: "Lisbon", hireDate: day("2020-03-01")),
            .init(id: ben, location: "Remote", hireDate: day("2021-05-01")),
            // Left in the period, by choice.
            .init(
                id: chloe, location: "Lisbon", hireDate: day("2019-01-01"), endDate: day("2026-06-30"),
                leftVoluntarily: true),
            // Hired in the period, left without a recorded reason.
            .init(id: dev, location: "remote ", hireDate: day("2026-04-01"), endDate: day("2026-10-31")),
            // Gone before the period: not one of its account managers.
            .init(id: eve, location: "Munich", hireDate: day("2018-01-01"), endDate: day("2025-12-31")),
        ]
    }

    func completion(_ person: UUID, _ offering: UUID, _ on: String, _ format: OfferingFormat = .eLearning)
        -> ProgrammeFigures.Completion
    {
        .init(personID: person, offeringID: offering, day: day(on), format: format, category: "Reporting")
    }

    func test_adoption_countsTheAccountManagersOfThePeriod_andWhatTheyCompletedInIt() {
        let figures = ProgrammeFigures(
            period: year2026, members: members,
            completions: [
                completion(ana, course, "2026-02-10"), completion(ana, video, "2026-03-01", .video),
                completion(ben, course, "2025-12-31"),  // before the period
                completion(dev, video, "2026-05-05", .video),
                completion(eve, course, "2026-02-01"),  // not an account manager of the period
            ],
            promotions: [.init(personID: ana, day: day("2026-07-01")), .init(personID: ben, day: day("2025-07-01"))],
            serviceAnswers: [])
        XCTAssertEqual(figures.accountManagers, 4)
        XCTAssertEqual(figures.adopters, 2)
        XCTAssertEqual(figures.adoptionRate, 0.5)
        XCTAssertEqual(figures.distinctOfferings, 2)
        XCTAssertEqual(figures.completions, 3)
        XCTAssertEqual(figures.locationsReached, 2, "Lisbon, and remote however it is written")
        XCTAssertEqual(figures.locations, 2)
        XCTAssertEqual(figures.byFormat.map(\.name), ["video", "eLearning"])
        XCTAssertEqual(figures.byFormat.map(\.people), [2, 1])
        XCTAssertEqual(figures.byMonth.map(\.name), ["2026-02", "2026-03", "2026-05"])
        XCTAssertEqual(figures.promotions, 1)
        XCTAssertEqual(figures.promotionRate, 0.25)
    }

    func test_turnover_isLeaversOverTheMeanHeadcount_annualised() throws {
        let figures = ProgrammeFigures(
            period: year2026, members: members, completions: [], promotions: [], serviceAnswers: [])
        // 1 January: Ana, Ben, Chloe (3); 31 December: Ana, Ben (2); mean 2.5; two leavers.
        XCTAssertEqual(figures.turnover.averageHeadcount, 2.5)
        XCTAssertEqual(figures.turnover.leavers, 2)
        XCTAssertEqual(try XCTUnwrap(figures.turnover.rate), 2 / 2.5, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(figures.turnover.voluntaryRate), 1 / 2.5, accuracy: 1e-12)
        XCTAssertEqual(figures.leaversWithoutReason, 1)
        XCTAssertEqual(figures.turnoverByLocation.map(\.location), ["Lisbon", "Remote"])
        XCTAssertEqual(figures.turnoverByLocation.map(\.leavers), [1, 1])

        // Half a year: the same leavers count twice as fast.
        let firstHalf = ReportingPeriod(from: day("2026-01-01"), to: day("2026-07-01"))!
        let half = ProgrammeFigures(
            period: firstHalf, members: members, completions: [], promotions: [], serviceAnswers: [])
        // 1 January: 3; 1 July: Ana, Ben, Dev (Chloe's last day was 30 June); one leaver.
        XCTAssertEqual(half.turnover.averageHeadcount, 3)
        XCTAssertEqual(try XCTUnwrap(half.turnover.rate), 1.0 / 3 * 365 / 182, accuracy: 1e-12)
    }

    func test_serviceRating_isTheFavourableShare_ofCyclesThatClosedInThePeriod_andReachedTheirMinimum() throws {
        func cycle(_ name: String, _ closes: String, responses: Int, _ counts: [FrequencyAnswer: Int])
            -> ProgrammeFigures.ServiceAnswers
        {
            .init(cycleName: name, closesOn: day(closes), responses: responses, minimumResponses: 3, counts: counts)
        }
        let figures = ProgrammeFigures(
            period: year2026, members: [], completions: [], promotions: [],
            serviceAnswers: [
                cycle(
                    "Spring", "2026-04-30", responses: 10,
                    [.always: 30, .often: 40, .sometimes: 20, .never: 10, .dontKnow: 50]),
                cycle("Autumn", "2026-10-31", responses: 2, [.always: 10]),  // below the minimum
                cycle("Last year", "2025-10-31", responses: 10, [.never: 100]),  // outside the period
                cycle("Winter", "2026-12-15", responses: 5, [.always: 5, .rarely: 5]),
            ])
        XCTAssertEqual(figures.serviceCycles.map(\.cycleName), ["Spring", "Winter"])
        XCTAssertEqual(figures.serviceCyclesWithheld, 1)
        XCTAssertEqual(
            try XCTUnwrap(figures.serviceRating), 75.0 / 110, accuracy: 1e-12, "Don't know is not on the scale")
        XCTAssertNil(
            ProgrammeFigures(period: year2026, members: [], completions: [], promotions: [], serviceAnswers: [])
                .serviceRating)
        XCTAssertNil(
            ProgrammeFigures(period: year2026, members: [], completions: [], promotions: [], serviceAnswers: [])
                .adoptionRate)
    }

    func test_aPeriod_isReadFromItsTwoDays_andRefusedWithTheReason() {
        let fallback = ReportingPeriod.year(endingOn: day("2026-12-02"))
        XCTAssertEqual(fallback.from, day("2025-12-03"))
        XCTAssertEqual(fallback.days, 365)
        XCTAssertEqual(try ReportingPeriod.read(from: nil, to: "", default: fallback).get(), fallback)
        XCTAssertEqual(
            try ReportingPeriod.read(from: "2026-01-01", to: "2026-06-30", default: fallback).get().days, 181)
        XCTAssertEqual(
            ReportingPeriod.read(from: "2026-13-01", to: nil, default: fallback), .failure(.unreadable("from")))
        XCTAssertEqual(ReportingPeriod.read(from: nil, to: "soon", default: fallback), .failure(.unreadable("to")))
        XCTAssertEqual(
            ReportingPeriod.read(from: "2026-06-01", to: "2026-05-31", default: fallback), .failure(.endsBeforeItStarts)
        )
        XCTAssertEqual(
            ReportingPeriod.read(from: "1900-01-01", to: "2026-01-01", default: fallback), .failure(.tooLong))
    }
}

final class CompetencyTrendTests: XCTestCase {
    func point(_ name: String, _ closes: String, version: Int, _ levels: [String: Double]) -> CompetencyTrend.Point {
        .init(
            cycleName: name, closesOn: CalendarDate(closes)!, frameworkName: "Global Mobility",
            frameworkVersion: version,
            levels: levels)
    }

    func test_aTrend_runsOldestFirst_andComparesOnlyWithinOneFrameworkVersion() {
        let trend = CompetencyTrend(
            points: [
                point("2026", "2026-10-31", version: 2, ["OM.1": 1.5, "OM.2": 2]),
                point("2024", "2024-10-31", version: 1, ["OM.1": 0.5, "OM.9": 1]),
                point("2025", "2025-10-31", version: 1, ["OM.1": 1, "OM.2": 1]),
            ], latestOrder: ["OM.2", "OM.1", "OM.3"])
        XCTAssertEqual(trend.points.map(\.cycleName), ["2024", "2025", "2026"])
        XCTAssertEqual(
            trend.competencyCodes, ["OM.2", "OM.1", "OM.9"], "the latest order, then what only earlier cycles rated")
        XCTAssertNil(trend.change(of: "OM.1"), "2025 and 2026 were rated against different versions")
        XCTAssertNil(trend.change(of: "OM.9"), "rated once")

        let sameVersion = CompetencyTrend(
            points: [
                point("a", "2025-01-31", version: 1, ["OM.1": 1]), point("b", "2026-01-31", version: 1, ["OM.1": 1.75]),
            ],
            latestOrder: ["OM.1"])
        XCTAssertEqual(sameVersion.change(of: "OM.1"), 0.75)
    }
}
