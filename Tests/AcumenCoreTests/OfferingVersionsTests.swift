import AcumenCore
import Foundation
import XCTest

final class OfferingVersionsTests: XCTestCase {
    func test_targetsOnAnEarlierVersion_countForTheNewOne_whereItKeepsTheCompetency() {
        let (first, second, other) = (UUID(), UUID(), UUID())
        let offering = Offering(
            code: "FIN-1", title: "Budgets", summary: "", category: "Financial", format: .video, durationMinutes: 8,
            phase: .technical,
            targets: [
                CompetencyTarget(frameworkID: first, competencyCode: "OM.3", fromLevel: 0, toLevel: 1),
                CompetencyTarget(frameworkID: first, competencyCode: "OM.9", fromLevel: 0, toLevel: 1),
                CompetencyTarget(frameworkID: other, competencyCode: "CN.1", fromLevel: 0, toLevel: 1),
            ])
        let applied = [offering].applying(to: second, versions: [first, second], competencies: ["OM.3", "OM.4"])
        XCTAssertEqual(
            applied[0].targets,
            [
                CompetencyTarget(frameworkID: other, competencyCode: "CN.1", fromLevel: 0, toLevel: 1),
                CompetencyTarget(frameworkID: second, competencyCode: "OM.3", fromLevel: 0, toLevel: 1),
            ], "OM.9 is gone from the new version; another framework's target stays as it was")
        let unchanged = [offering].applying(to: first, versions: [first, second], competencies: ["OM.3", "OM.9"])
        XCTAssertEqual(unchanged, [offering])
    }
}
