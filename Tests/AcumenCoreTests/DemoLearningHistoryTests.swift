import AcumenCore
import Foundation
import XCTest

final class DemoLearningHistoryTests: XCTestCase {
    func test_theDemosYearOfLearning_fallsOnDaysPeopleWorked_andIsTheSameEachTime() {
        let last = CalendarDate("2026-08-24")!
        let year = ReportingPeriod.year(endingOn: last)
        let members = (0..<200).map { index in
            ProgrammeFigures.Member(
                id: UUID.stable(named: "member \(index)"), location: index % 5 == 0 ? "remote" : "Lisbon",
                hireDate: index % 10 == 0 ? CalendarDate("2026-05-01")! : CalendarDate("2020-01-01")!,
                endDate: index % 17 == 0 ? CalendarDate("2025-12-31")! : nil)
        }
        let offerings = DemoCatalogue.offerings(
            frameworks: .init(globalMobility: UUID(), general: UUID()), baseURL: "https://a.example")
        let history = DemoLearningHistory.completions(of: members, offerings: offerings, yearEndingOn: last)
        XCTAssertEqual(history, DemoLearningHistory.completions(of: members, offerings: offerings, yearEndingOn: last))
        let byID = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
        for completion in history {
            let member = byID[completion.personID]!
            XCTAssertTrue(year.contains(completion.day), "\(completion.day)")
            XCTAssertTrue(member.isEmployed(on: completion.day), "\(completion.day) for \(member.hireDate)")
        }
        let figures = ProgrammeFigures(
            period: year, members: members, completions: history, promotions: [], serviceAnswers: [])
        XCTAssertEqual(try XCTUnwrap(figures.adoptionRate), 0.85, accuracy: 0.08)
        XCTAssertGreaterThan(figures.distinctOfferings, 36, "the programme's own bar")
        XCTAssertGreaterThanOrEqual(figures.byMonth.count, 12, "every month of the year")
    }
}
