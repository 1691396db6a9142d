import AcumenCore
import AcumenStore
import FluentKit
import SQLKit
import XCTest

final class SettledResultsRepositoryTests: XCTestCase {
    func test_keptResultsReadBackWhole_andKeepingTwiceKeepsOneCopy() async throws {
        try await StoreHarness.onSQLite(keptResultsReadBack)
    }

    func test_keptResultsReadBackWhole_andKeepingTwiceKeepsOneCopy_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(keptResultsReadBack)
    }

    private static let codes = ["OM.1", "OM.2", "OM.3"]

    private static func kept(_ fixture: AssessmentFixture) -> SettledResultsRepository.Kept {
        let ana = AssessedMember(
            personID: fixture.anaID,
            groups: [.team: ["EMEA"], .location: ["London"], .customer: ["Client Co", "Other Co"]],
            levels: ["OM.1": 1.5, "OM.2": 2], targets: ["OM.1": 2, "OM.3": 1])
        let ben = AssessedMember(
            personID: fixture.benID, groups: [.team: ["EMEA"], .tenure: [TenureBand.fiveYearsOrMore.rawValue]],
            levels: ["OM.1": 0.25], targets: [:])
        return .init(
            members: [ana, ben], customerTallies: [fixture.anaID: .init(favourable: 2, scored: 3)],
            heatmap: CompetencyHeatmap(people: [ana, ben], competencyCodes: codes, minimum: 2))
    }

    private func keptResultsReadBack(database: any Database, label: String) async throws {
        let fixture = try await AssessmentFixture.make(on: database)
        let repository = SettledResultsRepository(database: database)
        let isKeptAtFirst = try await repository.isKept(cycleID: fixture.cycleID)
        XCTAssertFalse(isKeptAtFirst, label)
        let kept = Self.kept(fixture)
        try await repository.keep(cycleID: fixture.cycleID, kept, on: fixture.today)
        // Another process keeping the same cycle at the same moment writes the same rows.
        try await repository.keep(cycleID: fixture.cycleID, kept, on: fixture.today)
        let isKept = try await repository.isKept(cycleID: fixture.cycleID)
        XCTAssertTrue(isKept, label)

        func normalised(_ members: [AssessedMember]) -> [UUID: AssessedMember] {
            Dictionary(
                uniqueKeysWithValues: members.map { member in
                    var member = member
                    member.groups = member.groups.mapValues { $0.sorted() }
                    return (member.personID, member)
                })
        }
        let members = try await repository.members(cycleID: fixture.cycleID)
        XCTAssertEqual(normalised(members), normalised(kept.members), "\(label): levels, targets and groups")
        let onlyBen = try await repository.members(cycleID: fixture.cycleID, among: [fixture.benID])
        XCTAssertEqual(onlyBen.map(\.personID), [fixture.benID], label)
        let tallies = try await repository.customerTallies(cycleID: fixture.cycleID)
        XCTAssertEqual(tallies, kept.customerTallies, label)
        for dimension in GroupDimension.allCases {
            let heatmap = try await repository.heatmap(
                cycleID: fixture.cycleID, groupedBy: dimension, competencyCodes: Self.codes, minimum: 2)
            XCTAssertEqual(
                Set(heatmap.cells), Set(kept.heatmap.cells.filter { $0.dimension == nil || $0.dimension == dimension }),
                "\(label): everyone's cells and the dimension's, withheld ones without figures")
            XCTAssertEqual(heatmap.levelCounts, kept.heatmap.levelCounts, label)
        }
        let byCustomer = try await repository.heatmap(
            cycleID: fixture.cycleID, groupedBy: .customer, competencyCodes: Self.codes, minimum: 2)
        XCTAssertEqual(byCustomer.groups(.customer), ["Client Co", "Other Co"], label)
        XCTAssertEqual(byCustomer.groups(.team), [], "\(label): one grouping at a time")
        XCTAssertEqual(
            byCustomer.everyone.map(\.count), [1, 0, 0], "\(label): Ana alone has a level and a target, for OM.1")

        // Ana alone has both a level and a target for OM.1; Ben has no target.
        let emea = try await repository.cellMembers(
            cycleID: fixture.cycleID, dimension: .team, group: "EMEA", competencyCode: "OM.1", among: nil)
        XCTAssertEqual(emea, [fixture.anaID], label)
        let everyone = try await repository.cellMembers(
            cycleID: fixture.cycleID, dimension: nil, group: "", competencyCode: "OM.1", among: nil)
        XCTAssertEqual(everyone, [fixture.anaID], label)
        let amongBen = try await repository.cellMembers(
            cycleID: fixture.cycleID, dimension: .team, group: "EMEA", competencyCode: "OM.1", among: [fixture.benID])
        XCTAssertEqual(amongBen, [], "\(label): only among those the viewer may see")
        let otherTeam = try await repository.cellMembers(
            cycleID: fixture.cycleID, dimension: .team, group: "APAC", competencyCode: "OM.1", among: nil)
        XCTAssertEqual(otherTeam, [], label)
        let rows = try await (database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM settled_standings").first()?
            .decode(column: "n", as: Int.self)
        XCTAssertEqual(rows, 4, "\(label): one copy of each row")
    }

    func test_levelChanges_pairTheTwoCyclesLevels() async throws {
        try await StoreHarness.onSQLite(levelChangesPairTheCycles)
    }

    func test_levelChanges_pairTheTwoCyclesLevels_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(levelChangesPairTheCycles)
    }

    private func levelChangesPairTheCycles(database: any Database, label: String) async throws {
        let fixture = try await AssessmentFixture.make(on: database)
        let laterID = try await fixture.anotherCycle(
            named: "2027 annual review", opensOn: fixture.today.adding(days: 365), on: database)
        let (disjoint, onlyLater, onlyTargeted) = (UUID(), UUID(), UUID())
        func member(_ id: UUID, levels: [String: Double], targets: [String: Int] = [:]) -> AssessedMember {
            AssessedMember(personID: id, groups: [:], levels: levels, targets: targets)
        }
        let repository = SettledResultsRepository(database: database)
        func keep(_ cycleID: UUID, _ members: [AssessedMember]) async throws {
            try await repository.keep(
                cycleID: cycleID,
                .init(
                    members: members, customerTallies: [:],
                    heatmap: CompetencyHeatmap(people: members, competencyCodes: [], minimum: 2)),
                on: fixture.today)
        }
        try await keep(
            fixture.cycleID,
            [
                member(fixture.anaID, levels: ["OM.1": 1.5, "OM.2": 2]), member(fixture.benID, levels: ["OM.1": 0.25]),
                member(disjoint, levels: ["OM.3": 1]), member(onlyTargeted, levels: [:], targets: ["OM.1": 2]),
            ])
        try await keep(
            laterID,
            [
                member(fixture.anaID, levels: ["OM.1": 2.5, "OM.3": 1]),
                member(fixture.benID, levels: ["OM.1": 0.75, "OM.2": 1]), member(disjoint, levels: ["OM.4": 2]),
                member(onlyLater, levels: ["OM.1": 1]), member(onlyTargeted, levels: ["OM.1": 1]),
            ])
        let changes = try await repository.levelChanges(from: fixture.cycleID, to: laterID)
        let people = Dictionary(uniqueKeysWithValues: changes.people.map { ($0.personID, $0.change) })
        XCTAssertEqual(
            Set(people.keys), [fixture.anaID, fixture.benID, disjoint],
            "\(label): rated by others in both cycles; a target is no rating")
        XCTAssertEqual(people[fixture.anaID] ?? nil, 1, "\(label): OM.1 alone was rated in both")
        XCTAssertEqual(people[fixture.benID] ?? nil, 0.5, label)
        XCTAssertEqual(people[disjoint] ?? 0, nil, "\(label): no competency rated in both")
        XCTAssertEqual(changes.competencies.count, 1, label)
        let om1 = try XCTUnwrap(changes.competencies.first, label)
        XCTAssertEqual(om1.competencyCode, "OM.1", label)
        XCTAssertEqual(om1.people, 2, label)
        XCTAssertEqual(om1.earlierMean, 0.875, accuracy: 1e-12, label)
        XCTAssertEqual(om1.laterMean, 1.625, accuracy: 1e-12, label)
    }
}
