import AcumenCore
import XCTest

final class PeopleQueryTests: XCTestCase {
    func person(
        _ name: String, title: String = "Account Manager", location: String = "London",
        kind: OrganisationKind = .vendor, status: EmploymentStatus = .active
    ) -> PersonSummary {
        PersonSummary(
            id: UUID(), name: name, email: name.lowercased().replacingOccurrences(of: " ", with: ".") + "@x.example",
            jobTitle: title, organisation: kind == .vendor ? "Northwind" : "Client Co", organisationKind: kind,
            location: location, team: "EMEA North", supervisorName: "", hireDate: "2020-01-01", status: status)
    }

    func test_wordsMatchAnyField_ignoringCaseAndAccents_andAllMustMatch() {
        let people = [
            person("Zoë Müller", location: "Zurich"), person("Ana Ruiz", title: "Team Lead"),
            person("Ben Berg", location: "São Paulo"),
        ]
        XCTAssertEqual(PeopleQuery(text: "zoe muller").apply(to: people).items.map(\.name), ["Zoë Müller"])
        XCTAssertEqual(PeopleQuery(text: "sao").apply(to: people).items.map(\.name), ["Ben Berg"])
        XCTAssertEqual(PeopleQuery(text: "team lead").apply(to: people).items.map(\.name), ["Ana Ruiz"])
        XCTAssertEqual(PeopleQuery(text: "ruiz zurich").apply(to: people).matching, 0, "every word must match")
        XCTAssertEqual(PeopleQuery(text: "  ").apply(to: people).matching, 3)
    }

    func test_statusAndKind_filter_andActiveIsTheDefault() {
        let people = [
            person("Ana Ruiz"), person("Old Timer", status: .left), person("Cy Client", kind: .customer),
        ]
        XCTAssertEqual(PeopleQuery().apply(to: people).matching, 2, "people who left are hidden unless asked for")
        XCTAssertEqual(PeopleQuery(status: .left).apply(to: people).items.map(\.name), ["Old Timer"])
        XCTAssertEqual(PeopleQuery(status: .all, kind: .customer).apply(to: people).items.map(\.name), ["Cy Client"])
    }

    func test_pages_holdFiftyEach_andAPageBeyondTheEndShowsTheLast() {
        let people = (0..<120).map { person(String(format: "Person %03d", $0)) }
        let second = PeopleQuery(page: 2).apply(to: people)
        XCTAssertEqual(second.pages, 3)
        XCTAssertEqual(second.items.first?.name, "Person 050")
        let beyond = PeopleQuery(page: 99).apply(to: people)
        XCTAssertEqual(beyond.page, 3)
        XCTAssertEqual(beyond.items.count, 20)
        XCTAssertEqual(PeopleQuery(page: -4).page, 1)
    }
}
