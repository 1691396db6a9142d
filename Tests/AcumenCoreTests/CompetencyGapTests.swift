import AcumenCore
import XCTest

final class CompetencyGapTests: XCTestCase {
    func test_gaps_orderShortfallsFirst_andSkipCompetenciesWithoutATargetOrALevel() {
        let gaps = CompetencyGap.gaps(
            targets: ["OM.1": 2, "OM.2": 1, "OM.3": 2, "OM.4": 1],
            current: ["OM.1": 0.5, "OM.2": 2, "OM.3": 2, "OM.5": 0])
        XCTAssertEqual(gaps.map(\.competencyCode), ["OM.1", "OM.3", "OM.2"])
        XCTAssertEqual(gaps.map(\.size), [1.5, 0, -1])
        XCTAssertEqual(gaps.map(\.standing), [.below, .onTarget, .above])
    }

    func test_size_isUnknownWithoutBothSides() {
        XCTAssertNil(CompetencyGap.size(target: nil, current: 1))
        XCTAssertNil(CompetencyGap.size(target: 1, current: nil))
        XCTAssertEqual(CompetencyGap.size(target: 2, current: 1.25), 0.75)
    }

    func test_equalShortfalls_areOrderedByCode() {
        let gaps = CompetencyGap.gaps(targets: ["B": 2, "A": 2], current: ["B": 1, "A": 1])
        XCTAssertEqual(gaps.map(\.competencyCode), ["A", "B"])
    }
}
