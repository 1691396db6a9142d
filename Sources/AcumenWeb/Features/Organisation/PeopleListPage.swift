import AcumenCore
import Plot

enum PeopleListPage {
    static func render(people: [PersonSummary], context: PageContext) -> HTMLPage {
        Layout.page("People", context: context) {
            H1("People")
            Paragraph("\(people.count) \(people.count == 1 ? "person" : "people") you can see.")
            DataTable(
                caption: "People, by name",
                headings: ["Name", "Job title", "Organisation", "Location", "Team", "Status"],
                rows: people.map { person in
                    [
                        Link(person.name, url: SitePath.person.url(person.id)), Text(person.jobTitle),
                        Text(person.organisation),
                        Text(person.location), Text(person.team),
                        Text(person.status == .active ? "Active" : "Left \(person.endDate ?? "")"),
                    ]
                })
        }
    }
}
