import AcumenCore
import Foundation
import XCTest

final class ProgrammeImpactTests: XCTestCase {
    private let earlier = ProgrammeImpact.Cycle(name: "2025", closesOn: CalendarDate("2025-06-30")!)
    private let later = ProgrammeImpact.Cycle(name: "2026", closesOn: CalendarDate("2026-06-30")!)

    private func person(_ change: Double, trained: Bool, customers: (Double, Double)? = nil)
        -> ProgrammeImpact.Person
    {
        ProgrammeImpact.Person(
            personID: UUID(), earlierLevels: ["OM.1": 1, "OM.2": 1, "OM.3": 0],
            laterLevels: ["OM.1": 1 + change, "OM.2": 1 + change, "OM.4": 2], tookTraining: trained,
            earlierCustomerShare: customers?.0, laterCustomerShare: customers?.1)
    }

    func test_aPersonsChange_isTheMeanOverCompetenciesRatedInBoth() {
        let someone = person(0.5, trained: true)
        XCTAssertEqual(someone.competencyChange, 0.5, "OM.3 and OM.4 were rated in one cycle only")
        XCTAssertNil(someone.customerChange)
        XCTAssertEqual(person(0, trained: false, customers: (0.5, 0.75)).customerChange, 0.25)
        let nothingShared = ProgrammeImpact.Person(
            personID: UUID(), earlierLevels: ["OM.1": 1], laterLevels: ["OM.2": 2], tookTraining: false)
        XCTAssertNil(nothingShared.competencyChange)
    }

    func test_trainedAndUntrained_areComparedWithWelchsInterval() throws {
        let people =
            [1.0, 2, 3, 4].map { person($0, trained: false) } + [2.0, 4, 6, 8].map { person($0, trained: true) }
        let impact = ProgrammeImpact(earlier: earlier, later: later, people: people, minimumGroup: 3)
        let comparison = try XCTUnwrap(impact.competencyComparison)
        XCTAssertEqual(comparison.trained, 4)
        XCTAssertEqual(comparison.untrainedMean, 2.5, accuracy: 1e-12)
        XCTAssertEqual(comparison.difference, 2.5, accuracy: 1e-12)
        // Variances 20/3 and 5/3 over 4 each: standard error √(25/12); Welch's degrees of freedom
        // 4.41, read as 4 (t = 2.776445).
        let half = 2.776445 * (25.0 / 12).squareRoot()
        XCTAssertEqual(comparison.interval.lowerBound, 2.5 - half, accuracy: 1e-5)
        XCTAssertEqual(comparison.interval.upperBound, 2.5 + half, accuracy: 1e-5)
        XCTAssertFalse(comparison.isClear, "the interval includes zero")
        XCTAssertNil(impact.customerComparison, "nobody's customers were shown")
        XCTAssertEqual(try XCTUnwrap(impact.meanCompetencyChange), 3.75, accuracy: 1e-12)
    }

    func test_aSideSmallerThanTheMinimum_isNotCompared() {
        let people = [1.0, 2].map { person($0, trained: false) } + [2.0, 4, 6].map { person($0, trained: true) }
        XCTAssertNil(
            ProgrammeImpact(earlier: earlier, later: later, people: people, minimumGroup: 3).competencyComparison)
        XCTAssertNotNil(
            ProgrammeImpact(earlier: earlier, later: later, people: people, minimumGroup: 2).competencyComparison)
    }

    func test_competencyChanges_followTheOrderGiven_andCountOnlyThoseRatedInBoth() {
        let impact = ProgrammeImpact(
            earlier: earlier, later: later, people: [person(1, trained: true), person(0, trained: false)],
            minimumGroup: 2)
        let rows = impact.competencyChanges(order: ["OM.2", "OM.1", "OM.3", "OM.4"])
        XCTAssertEqual(rows.map(\.competencyCode), ["OM.2", "OM.1"])
        XCTAssertEqual(rows.first?.people, 2)
        XCTAssertEqual(rows.first?.earlierMean, 1)
        XCTAssertEqual(rows.first?.change, 0.5)
    }
}
