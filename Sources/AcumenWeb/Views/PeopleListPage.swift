import AcumenCore
import AcumenStore
import Plot
import Vapor

enum PeopleListPage {
    static func render(people: [PersonSummary], context: PageContext) -> Response {
        Layout.page("People", context: context) {
            H1("People")
            Paragraph("\(people.count) \(people.count == 1 ? "person" : "people") you can see.")
            Div {
                Tag("table") {
                    Tag("caption") { Text("People, by name") }
                    Tag("thead") {
                        Tag("tr") {
                            for heading in ["Name", "Job title", "Organisation", "Location", "Team", "Status"] {
                                Tag("th") { Text(heading) }.attribute(named: "scope", value: "col")
                            }
                        }
                    }
                    Tag("tbody") {
                        for person in people {
                            Tag("tr") {
                                Tag("th") { Link(person.name, url: "/people/\(person.id)") }.attribute(
                                    named: "scope", value: "row")
                                Tag("td") { Text(person.jobTitle) }
                                Tag("td") { Text(person.organisation) }
                                Tag("td") { Text(person.location) }
                                Tag("td") { Text(person.team) }
                                Tag("td") { Text(person.status == .active ? "Active" : "Left \(person.endDate ?? "")") }
                            }
                        }
                    }
                }.class("table")
            }.class("table-scroll").attribute(named: "tabindex", value: "0").accessibilityLabel("People table")
        }
    }
}
