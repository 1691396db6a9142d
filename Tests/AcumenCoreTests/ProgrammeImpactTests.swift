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
            personID: UUID(), competencyChange: change, tookTraining: trained, earlierCustomerShare: customers?.0,
            laterCustomerShare: customers?.1)
    }

    private func impact(_ people: [ProgrammeImpact.Person], minimumGroup: Int) -> ProgrammeImpact {
        ProgrammeImpact(
            earlier: earlier, later: later, people: people, competencyChanges: [], minimumGroup: minimumGroup)
    }

    func test_aCustomersChange_isCountedOnlyWhereBothCyclesShowThem() {
        XCTAssertNil(person(0.5, trained: true).customerChange)
        XCTAssertNil(person(0, trained: false, customers: nil).customerChange)
        XCTAssertEqual(person(0, trained: false, customers: (0.5, 0.75)).customerChange, 0.25)
    }

    func test_someoneWithNoCompetencyRatedInBoth_isLeftOutOfTheComparison() throws {
        var people =
            [1.0, 2, 3].map { person($0, trained: false) } + [2.0, 4, 6].map { person($0, trained: true) }
        people.append(ProgrammeImpact.Person(personID: UUID(), competencyChange: nil, tookTraining: true))
        let comparison = try XCTUnwrap(impact(people, minimumGroup: 3).competencyComparison)
        XCTAssertEqual(comparison.trained, 3)
        XCTAssertEqual(comparison.trainedMean, 4, accuracy: 1e-12)
    }

    func test_trainedAndUntrained_areComparedWithWelchsInterval() throws {
        let people =
            [1.0, 2, 3, 4].map { person($0, trained: false) } + [2.0, 4, 6, 8].map { person($0, trained: true) }
        let impact = impact(people, minimumGroup: 3)
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
        XCTAssertNil(impact(people, minimumGroup: 3).competencyComparison)
        XCTAssertNotNil(impact(people, minimumGroup: 2).competencyComparison)
    }

    func test_competencyChanges_followTheOrderGiven() {
        let changes = ["OM.1", "OM.2"].map {
            ProgrammeImpact.CompetencyChange(competencyCode: $0, people: 2, earlierMean: 1, laterMean: 1.5)
        }
        let impact = ProgrammeImpact(
            earlier: earlier, later: later, people: [], competencyChanges: changes, minimumGroup: 2)
        let rows = impact.competencyChanges(order: ["OM.2", "OM.1", "OM.3"])
        XCTAssertEqual(rows.map(\.competencyCode), ["OM.2", "OM.1"], "OM.3 was not rated in both")
        XCTAssertEqual(rows.first?.change, 0.5)
    }
}
