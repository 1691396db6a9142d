import AcumenCore
import Foundation
import XCTest

final class CompetencyHeatmapTests: XCTestCase {
    private func member(
        team: String, supervisor: String = "Sam", location: String = "Lisbon", customers: [String] = [],
        level: Double, target: Int = 1
    ) -> AssessedMember {
        AssessedMember(
            personID: UUID(),
            groups: [.team: [team], .supervisor: [supervisor], .location: [location], .customer: customers],
            levels: ["OM.1": level], targets: ["OM.1": target])
    }

    func test_aCell_countsTheShareOnTarget_andTheMeanGap() {
        let people = [
            member(team: "North", level: 2), member(team: "North", level: 1), member(team: "North", level: 0.5),
            member(team: "North", level: 0),
        ]
        let heatmap = CompetencyHeatmap(people: people, competencyCodes: ["OM.1"], minimum: 3)
        let cell = heatmap.cell(.team, group: "North", competency: "OM.1")
        XCTAssertEqual(cell.count, 4)
        XCTAssertEqual(cell.shareOnTarget, 0.5, "levels 2 and 1 reach target 1")
        XCTAssertEqual(try XCTUnwrap(cell.meanGap), (-1 + 0 + 0.5 + 1) / 4, accuracy: 1e-12)
    }

    func test_aGroupBelowTheMinimum_isWithheld_withItsCountButNoFigure() {
        let people =
            (0..<5).map { _ in member(team: "North", level: 1) } + [
                member(team: "South", level: 0), member(team: "South", level: 2),
            ]
        let heatmap = CompetencyHeatmap(people: people, competencyCodes: ["OM.1"], minimum: 3)
        let south = heatmap.cell(.team, group: "South", competency: "OM.1")
        XCTAssertTrue(south.isWithheld)
        XCTAssertNil(south.meanGap)
        XCTAssertEqual(south.count, 2)
        // North alone would be everyone minus South: showing both would give South away.
        XCTAssertTrue(
            heatmap.cell(.team, group: "North", competency: "OM.1").isWithheld
                || heatmap.everyone[0].isWithheld,
            "everyone and North differ by the two people of South")
    }

    func test_aTeamAndASupervisorDifferingByOnePerson_areNotBothShown() {
        // Sam leads the four of North and one of South: subtracting North from Sam's people
        // would give that one person's level.
        var people = (0..<4).map { _ in member(team: "North", supervisor: "Sam", level: 1) }
        people.append(member(team: "South", supervisor: "Sam", level: 2))
        people += (0..<4).map { _ in member(team: "South", supervisor: "Kim", level: 0) }
        let heatmap = CompetencyHeatmap(people: people, competencyCodes: ["OM.1"], minimum: 3)
        let north = heatmap.cell(.team, group: "North", competency: "OM.1")
        let sam = heatmap.cell(.supervisor, group: "Sam", competency: "OM.1")
        XCTAssertFalse(!north.isWithheld && !sam.isWithheld, "one of them must be withheld")
    }

    /// Whatever the population, the shown cells of all dimensions together never cut out a
    /// group smaller than the minimum: every atom (people in exactly the same shown cells) is
    /// large enough, so no sum or difference of shown figures isolates fewer.
    func test_shownCells_neverSingleOutASmallGroup_inRandomPopulations() {
        var generator = SeededGenerator(seed: 19)
        for round in 0..<40 {
            let size = Int.random(in: 6...60, using: &generator)
            let people = (0..<size).map { _ in
                AssessedMember(
                    personID: UUID(),
                    groups: [
                        .team: ["T\(Int.random(in: 0..<4, using: &generator))"],
                        .supervisor: ["S\(Int.random(in: 0..<5, using: &generator))"],
                        .location: ["L\(Int.random(in: 0..<3, using: &generator))"],
                        .tenure: ["B\(Int.random(in: 0..<3, using: &generator))"],
                        .customer: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                            "C\(Int.random(in: 0..<6, using: &generator))"
                        },
                    ],
                    levels: ["OM.1": Double(Int.random(in: 0...2, using: &generator))], targets: ["OM.1": 1])
            }
            let minimum = Int.random(in: 2...4, using: &generator)
            let heatmap = CompetencyHeatmap(people: people, competencyCodes: ["OM.1"], minimum: minimum)
            let shown = (heatmap.everyone + GroupDimension.allCases.flatMap { heatmap.cells($0) })
                .filter { !$0.isWithheld }
            var signatures: [UUID: [String]] = [:]
            for (index, cell) in shown.enumerated() {
                XCTAssertGreaterThanOrEqual(cell.count, minimum, "round \(round)")
                let members = people.filter { person in
                    cell.dimension.map { person.groups[$0]?.contains(cell.group) ?? false } ?? true
                }
                XCTAssertEqual(members.count, cell.count, "round \(round): everyone here has a level and a target")
                for person in members { signatures[person.personID, default: []].append("\(index)") }
            }
            let atoms = Dictionary(grouping: signatures.values, by: { $0 }).mapValues(\.count)
            for (signature, size) in atoms {
                XCTAssertGreaterThanOrEqual(size, minimum, "round \(round): atom \(signature)")
            }
        }
    }

    func test_theDistribution_readsTheExpertShareAgainstTheGuideline() {
        let people = (0..<10).map { index in member(team: "North", level: index == 0 ? 2 : index < 4 ? 1.6 : 0.9) }
        let heatmap = CompetencyHeatmap(people: people, competencyCodes: ["OM.1"], minimum: 3)
        let distribution = try! XCTUnwrap(heatmap.distribution("OM.1", levels: 3))
        XCTAssertEqual(distribution.counts, [6, 3, 1], "1.6 has reached Advanced, not Expert")
        XCTAssertEqual(distribution.expertShare, 0.1)
        XCTAssertEqual(distribution.guidelineReading, .withinGuideline)
        XCTAssertEqual(RatingDistribution(levels: [2, 2, 2, 0], levelCount: 3).guidelineReading, .aboveGuideline)
        XCTAssertEqual(RatingDistribution(levels: [1, 1, 0], levelCount: 3).guidelineReading, .belowGuideline)

        let few = CompetencyHeatmap(people: Array(people.prefix(2)), competencyCodes: ["OM.1"], minimum: 3)
        XCTAssertNil(few.distribution("OM.1", levels: 3), "two people are fewer than the minimum")
    }

    /// A heatmap read back from its cells and level counts answers as the one it was kept from.
    func test_aKeptHeatmap_answersAsTheOneItWasKeptFrom() {
        let people = (0..<12).map { index in
            member(
                team: index < 6 ? "North" : "South", supervisor: index % 2 == 0 ? "Sam" : "Kim",
                customers: index < 4 ? ["Alder"] : [], level: Double(index % 3), target: index % 2 + 1)
        }
        let counted = CompetencyHeatmap(people: people, competencyCodes: ["OM.1"], minimum: 3)
        let kept = CompetencyHeatmap(
            competencyCodes: ["OM.1"], minimum: 3, cells: counted.cells.reversed(), levelCounts: counted.levelCounts)
        for dimension in GroupDimension.allCases {
            XCTAssertEqual(kept.groups(dimension), counted.groups(dimension))
            XCTAssertEqual(kept.cells(dimension), counted.cells(dimension))
            XCTAssertEqual(kept.largestGaps(dimension, limit: 3), counted.largestGaps(dimension, limit: 3))
        }
        XCTAssertEqual(kept.everyone, counted.everyone)
        XCTAssertEqual(kept.distribution("OM.1", levels: 3), counted.distribution("OM.1", levels: 3))
        XCTAssertEqual(counted.distribution("OM.1", levels: 3)?.counts, [4, 4, 4])
        XCTAssertEqual(counted.cell(.team, group: "East", competency: "OM.1").count, 0, "nobody is in East")
    }

    func test_tenureBands_areCountedOnTheDayGiven() {
        let day = CalendarDate("2026-06-30")!
        XCTAssertEqual(TenureBand(hireDate: CalendarDate("2025-07-01"), on: day), .underOneYear)
        XCTAssertEqual(TenureBand(hireDate: CalendarDate("2025-06-30"), on: day), .oneToThreeYears)
        XCTAssertEqual(TenureBand(hireDate: CalendarDate("2023-06-30"), on: day), .threeToFiveYears)
        XCTAssertEqual(TenureBand(hireDate: CalendarDate("2021-06-30"), on: day), .fiveYearsOrMore)
        XCTAssertEqual(TenureBand(hireDate: nil, on: day), .unknown)
    }
}
