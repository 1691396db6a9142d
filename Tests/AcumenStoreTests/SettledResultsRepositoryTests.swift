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
            shownSlices: [
                "OM.1": [.everyone, CompetencyHeatmap.slice(.team, "EMEA")], "OM.2": [],
            ])
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
        let shown = try await repository.shownSlices(cycleID: fixture.cycleID)
        XCTAssertEqual(shown, ["OM.1": [.everyone, CompetencyHeatmap.slice(.team, "EMEA")]], label)
        let levels = try await repository.levels(cycleID: fixture.cycleID)
        XCTAssertEqual(
            levels, [fixture.anaID: ["OM.1": 1.5, "OM.2": 2], fixture.benID: ["OM.1": 0.25]],
            "\(label): a target without a level is no level")
        let rows = try await (database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM settled_standings").first()?
            .decode(column: "n", as: Int.self)
        XCTAssertEqual(rows, 4, "\(label): one copy of each row")
    }
}
