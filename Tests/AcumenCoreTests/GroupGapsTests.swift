import AcumenCore
import Foundation
import XCTest

final class GroupGapsTests: XCTestCase {
    let (ana, ben, chloe) = (UUID(), UUID(), UUID())

    func test_competenciesWhereMostAreBelow_comeFirst_withWhoAndByHowMuch() {
        let gaps = GroupGapAnalysis.gaps([
            (
                ana,
                [
                    CompetencyGap(competencyCode: "OM.4", target: 1, current: 0.5),
                    CompetencyGap(competencyCode: "KE.1", target: 1, current: 1),
                ]
            ),
            (
                ben,
                [
                    CompetencyGap(competencyCode: "OM.4", target: 1, current: 0),
                    CompetencyGap(competencyCode: "KE.1", target: 1, current: 0.5),
                ]
            ),
            (
                chloe,
                [
                    CompetencyGap(competencyCode: "OM.4", target: 1, current: 1.5),
                    CompetencyGap(competencyCode: "KE.1", target: 1, current: 2),
                ]
            ),
        ])
        XCTAssertEqual(gaps.map(\.competencyCode), ["OM.4", "KE.1"])
        XCTAssertEqual(gaps[0].below, [ana, ben])
        XCTAssertEqual(gaps[0].assessed, 3)
        XCTAssertTrue(gaps[0].isMostlyBelow)
        XCTAssertEqual(gaps[0].meanShortfall, 0.5, accuracy: 1e-9, "(0.5 + 1 + 0) / 3: above target counts as none")
        XCTAssertEqual(gaps[0].commonLevel, 0)
        XCTAssertEqual(gaps[1].below, [ben])
        XCTAssertFalse(gaps[1].isMostlyBelow, "one of three is not most")
    }

    func test_aGroupSession_isTakenTogether_fromTheLevelReached() {
        let framework = UUID()
        func offering(_ code: String, _ format: OfferingFormat, minutes: Int, from: Int = 0, other: Bool = false)
            -> Offering
        {
            Offering(
                code: code, title: code, summary: "", category: "Financial", format: format,
                durationMinutes: minutes, language: "en", phase: .technical,
                targets: [
                    CompetencyTarget(
                        frameworkID: other ? UUID() : framework, competencyCode: "OM.4", fromLevel: from,
                        toLevel: from + 1)
                ])
        }
        let catalogue = [
            offering("VIDEO", .video, minutes: 8), offering("ROOM", .classroom, minutes: 240),
            offering("ONLINE", .virtualClassroom, minutes: 90), offering("ROOM-2", .classroom, minutes: 120, from: 1),
            offering("ELSEWHERE", .classroom, minutes: 30, other: true),
        ]
        func chosen(from level: Int, together: Bool) -> String? {
            GroupSessionChooser.offering(
                for: "OM.4", from: level, frameworkID: framework, in: catalogue, together: together)?.code
        }
        XCTAssertEqual(chosen(from: 0, together: true), "ROOM")
        XCTAssertEqual(chosen(from: 0, together: false), "ONLINE")
        XCTAssertEqual(chosen(from: 1, together: false), "ROOM-2")
        XCTAssertNil(chosen(from: 2, together: true))
    }
}
