import AcumenCore
import XCTest

final class DemoGeneratorTests: XCTestCase {
    func test_sameSeed_givesTheSameOrganisation() {
        var first = DemoGenerator(seed: 7)
        var second = DemoGenerator(seed: 7)
        XCTAssertEqual(first.generate().people, second.generate().people)
    }

    func test_demo_hasTheSizeTheBriefAsksFor() {
        var generator = DemoGenerator()
        let demo = generator.generate()
        XCTAssertEqual(demo.accountManagers.count, 120)
        let locations = Set(demo.accountManagers.map(\.location))
        XCTAssertEqual(locations.count, 25)
        XCTAssertTrue(locations.contains("remote"))
        XCTAssertEqual(Set(demo.accounts.map(\.customer)).count, 40)
        XCTAssertTrue(demo.events.contains { $0.kind == .left })
        XCTAssertTrue(demo.events.contains { $0.kind == .promoted })
        XCTAssertEqual(Set(demo.people.map(\.email)).count, demo.people.count, "emails are unique")
        let emails = Set(demo.people.map(\.email))
        XCTAssertTrue(demo.people.allSatisfy { $0.supervisorEmail.isEmpty || emails.contains($0.supervisorEmail) })
        XCTAssertEqual(Set(demo.logins.map(\.role)), Set(Role.allCases))
    }

    func test_everyoneIsInTheTeamOfTheirOffice_andNamesAreNeverRepeated() {
        var generator = DemoGenerator()
        let demo = generator.generate()
        let byEmail = Dictionary(uniqueKeysWithValues: demo.people.map { ($0.email, $0) })
        let teamOfOffice = Dictionary(
            uniqueKeysWithValues: DemoGenerator.teams.flatMap { team in team.cities.map { ($0, team.name) } })
        for person in demo.accountManagers {
            XCTAssertEqual(teamOfOffice[person.location], person.team, "\(person.name) in \(person.location)")
            XCTAssertEqual(byEmail[person.supervisorEmail]?.team, person.team, "\(person.name)'s supervisor")
        }
        XCTAssertEqual(Set(demo.people.map(\.name)).count, demo.people.count, "no two people share a name")
        for account in demo.accounts {
            let team = [account.accountManagerEmail] + account.memberEmails
            XCTAssertEqual(Set(team.compactMap { byEmail[$0]?.name }).count, team.count, account.name)
        }
    }

    func test_reportingLines_findIndirectReports_andSurviveCycles() {
        let a = UUID(), b = UUID(), c = UUID()
        let lines = ReportingLines(people: [(a, nil), (b, a), (c, b)])
        XCTAssertEqual(lines.reports(of: a), [b, c])
        XCTAssertEqual(lines.reports(of: c), [])
        let cyclic = ReportingLines(people: [(a, c), (b, a), (c, b)])
        XCTAssertEqual(cyclic.reports(of: a), [b, c])
    }
}
