import AcumenCore
import AcumenStore
import Foundation
import SQLKit
import XCTVapor
import XCTest

@testable import AcumenWeb

final class GroupDashboardRoutesTests: XCTestCase {
    private struct Heatmap: Decodable {
        struct Cell: Decodable {
            var group: String
            var competency: String
            var n: Int
            var value: Double?
            var meanGap: Double?
            var withheld: Bool
        }

        var cycleId: String
        var by: String
        var minimum: Int
        var everyone: [Cell]
        var cells: [Cell]
    }

    private func heatmap(_ session: BrowserSession, _ query: String) async throws -> Heatmap {
        let answer = try await session.get("/api/v1/analytics/heatmap" + query)
        XCTAssertEqual(answer.status, .ok, answer.body.string)
        return try JSONDecoder().decode(Heatmap.self, from: Data(buffer: answer.body))
    }

    func test_programmeStaff_readEveryGrouping_withheldCellsSayNull_andTheCSVAgrees() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let before = try await staff.get("/analytics/groups")
            XCTAssertEqual(before.status, .ok)
            XCTAssertContains(before.body.string, "No cycle has closed yet")
            let none = try await staff.get("/api/v1/analytics/heatmap")
            XCTAssertEqual(none.status, .notFound)

            _ = try await DemoLoader(database: app.db).load(withPastCycle: true) { DemoOrganisation.password }
            let home = try await staff.get("/")
            XCTAssertContains(home.body.string, "href=\"/analytics/groups\"")
            for dimension in GroupDimension.allCases {
                let map = try await heatmap(staff, "?by=\(dimension.rawValue)")
                XCTAssertEqual(map.by, dimension.rawValue)
                XCTAssertEqual(map.everyone.first?.n, 120, "every demo account manager was assessed")
                for cell in map.cells {
                    XCTAssertEqual(cell.withheld, cell.value == nil)
                    if !cell.withheld { XCTAssertGreaterThanOrEqual(cell.n, map.minimum) }
                }
            }
            let raw = try await staff.get("/api/v1/analytics/heatmap?by=customer")
            XCTAssertContains(raw.body.string, "\"value\":null")

            let byTeam = try await heatmap(staff, "?by=team")
            let csv = try CSVTable(
                text: try await staff.get("/analytics/groups/cells.csv?by=team&cycle=\(byTeam.cycleId)").body.string,
                requiredColumns: ["grouped_by", "group", "competency", "n", "share_on_target", "withheld"])
            XCTAssertEqual(csv.rows.count, byTeam.everyone.count + byTeam.cells.count)
            for (row, cell) in zip(csv.rows.dropFirst(byTeam.everyone.count), byTeam.cells) {
                XCTAssertEqual(row["group"], cell.group)
                XCTAssertEqual(Int(row["n"]), cell.n)
                XCTAssertEqual(row["withheld"] == "yes", cell.withheld)
                if let value = cell.value { XCTAssertEqual(Double(row["share_on_target"])!, value, accuracy: 1e-4) }
            }

            let page = try await staff.get("/analytics/groups?by=location&measure=gap")
            XCTAssertEqual(page.status, .ok)
            XCTAssertContains(page.body.string, "Competencies by Location")
            XCTAssertContains(page.body.string, "class=\"heatmap\"")
            XCTAssertContains(page.body.string, "Levels reached")
            XCTAssertContains(page.body.string, "Largest gaps by Location")

            // The people behind a shown cell, and none behind a withheld one.
            let shown = try XCTUnwrap(byTeam.cells.first { !$0.withheld })
            let group = shown.group.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let people = try await staff.get(
                "/analytics/groups/people?by=team&group=\(group)&competency=\(shown.competency)")
            XCTAssertEqual(people.status, .ok)
            XCTAssertEqual(people.body.string.components(separatedBy: "/dashboard\"").count - 1, shown.n)
            let byCustomer = try await heatmap(staff, "?by=customer")
            let hidden = try XCTUnwrap(byCustomer.cells.first { $0.withheld })
            let hiddenGroup = hidden.group.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let refused = try await staff.get(
                "/analytics/groups/people?by=customer&group=\(hiddenGroup)&competency=\(hidden.competency)")
            XCTAssertEqual(refused.status, .notFound)
        }
    }

    func test_aSupervisorReadsTheirLineOnly_andAnAccountManagerNothing() async throws {
        try await WebHarness.withDemoApp { app, demo in
            _ = try await DemoLoader(database: app.db).load(withPastCycle: true) { DemoOrganisation.password }
            let people = PeopleRepository(database: app.db)
            let supervisorEmail = WebHarness.email(of: .supervisor, in: demo)
            let visible = try await people.visiblePersonIDs(
                for: Viewer(
                    userID: UUID(), email: "", role: .supervisor,
                    personID: try await people.personID(email: supervisorEmail)))
            let cycles = CycleRepository(database: app.db)
            let all = try await cycles.cycles()
            let released = try XCTUnwrap(all.first { $0.status == .released })
            let line = try await cycles.subjects(cycleID: released.id).filter { visible?.contains($0.id) == true }
            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(supervisorEmail)
            let map = try await heatmap(supervisor, "?by=location")
            XCTAssertEqual(map.everyone.first?.n, line.count, "their line, not everyone")

            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .accountManager, in: demo))
            let api = try await manager.get("/api/v1/analytics/heatmap")
            XCTAssertEqual(api.status, .forbidden)
            let page = try await manager.get("/analytics/groups")
            XCTAssertEqual(page.status, .forbidden)
            let home = try await manager.get("/")
            XCTAssertFalse(home.body.string.contains("href=\"/analytics/groups\""))
        }
    }

    func test_aCyclesGroupsAreThoseWhenItsResultsWereKept_soLaterMovesOpenNoDifference() async throws {
        try await WebHarness.withDemoApp { app, demo in
            _ = try await DemoLoader(database: app.db).load(withPastCycle: true) { DemoOrganisation.password }
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let before = try await heatmap(staff, "?by=team")
            let largest = try XCTUnwrap(
                Dictionary(grouping: before.cells, by: \.group).max { $0.value[0].n < $1.value[0].n }?.key)
            // Everyone of the largest team moves to another; the cycle's heatmap stays as kept.
            try await (app.db as! any SQLDatabase).raw(
                """
                UPDATE people SET team_id = (SELECT id FROM teams WHERE name <> \(bind: largest) LIMIT 1)
                WHERE team_id = (SELECT id FROM teams WHERE name = \(bind: largest))
                """
            ).run()
            let kept = SettledResultsRepository(database: app.db)
            let cycleID = try XCTUnwrap(UUID(uuidString: before.cycleId))
            let stillKept = try await kept.isKept(cycleID: cycleID)
            XCTAssertTrue(stillKept)
            let sizes = try await kept.members(cycleID: cycleID).filter { $0.groups[.team] == [largest] }.count
            XCTAssertEqual(sizes, before.cells.first { $0.group == largest }?.n)

            let again = try await heatmap(staff, "?by=team&cycle=\(before.cycleId)")
            XCTAssertEqual(again.cells.map(\.n), before.cells.map(\.n))
            XCTAssertEqual(again.cells.map(\.value), before.cells.map(\.value))
        }
    }

    func test_manyGroups_arePagedOnThePage_whileTheAPIGivesEveryOne() async throws {
        try await WebHarness.withDemoApp { app, demo in
            _ = try await DemoLoader(database: app.db).load(withPastCycle: true) { DemoOrganisation.password }
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let map = try await heatmap(staff, "?by=customer")
            var groups: [String] = []
            for cell in map.cells where !groups.contains(cell.group) { groups.append(cell.group) }
            let perPage = GroupDashboardPage.groupsPerPage
            XCTAssertGreaterThan(groups.count, perPage, "the demo has more customers than one page holds")
            func rowHeaders(_ html: String) -> Set<String> {
                Set(
                    groups.filter { group in
                        let escaped = group.replacingOccurrences(of: "&", with: "&amp;")
                            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                        return html.contains(">\(escaped)</")
                    })
            }
            let first = try await staff.get("/analytics/groups?by=customer").body.string
            XCTAssertEqual(rowHeaders(first), Set(groups.prefix(perPage)))
            XCTAssertContains(first, "class=\"pager\"")
            let second = try await staff.get("/analytics/groups?by=customer&page=2").body.string
            XCTAssertEqual(rowHeaders(second), Set(groups.dropFirst(perPage).prefix(perPage)))
            let beyond = try await staff.get("/analytics/groups?by=customer&page=999")
            XCTAssertEqual(beyond.status, .ok, "a page past the end shows the last")
        }
    }

    func test_badChoices_answer400_andAnUnknownCycle404() async throws {
        try await WebHarness.withDemoApp { app, demo in
            _ = try await DemoLoader(database: app.db).load(withPastCycle: true) { DemoOrganisation.password }
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            for query in ["?by=region", "?cycle=last", "?measure=median", "?by=team&cycle=%00", "?page=0", "?page=x"] {
                let answer = try await staff.get("/api/v1/analytics/heatmap" + query)
                XCTAssertEqual(answer.status, .badRequest, query)
                XCTAssertContains(answer.body.string, "\"field\"")
            }
            let unknownCycle = try await staff.get("/api/v1/analytics/heatmap?cycle=\(UUID())")
            XCTAssertEqual(unknownCycle.status, .notFound)
            let page = try await staff.get("/analytics/groups?by=region")
            XCTAssertEqual(page.status, .badRequest)
            let unknown = try await staff.get("/analytics/groups/people?by=team&group=Nobody&competency=OM.1")
            XCTAssertEqual(unknown.status, .notFound)
            let code = try await staff.get("/analytics/groups/people?by=team&group=Nobody&competency=NOPE")
            XCTAssertEqual(code.status, .badRequest)
        }
    }
}
