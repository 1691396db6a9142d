import AcumenCore
import Plot

enum PersonPage {
    static func render(person: PersonSummary, history: [EmploymentEvent], context: PageContext) -> HTMLPage {
        Layout.page(person.name, context: context) {
            H1(person.name)
            Tag("dl") {
                for (term, value) in [
                    ("Job title", person.jobTitle), ("Email", person.email), ("Organisation", person.organisation),
                    ("Location", person.location.isEmpty ? "Not set" : person.location),
                    ("Team", person.team.isEmpty ? "None" : person.team),
                    ("Supervisor", person.supervisorName.isEmpty ? "None" : person.supervisorName),
                    ("Hired", person.hireDate),
                    ("Status", person.status == .active ? "Active" : "Left on \(person.endDate ?? "unknown date")"),
                ] {
                    Tag("dt") { Text(term) }
                    Tag("dd") { Text(value) }
                }
            }.class("facts")
            H2("Employment history")
            if history.isEmpty {
                Paragraph("No events recorded.")
            } else {
                List(history) { event in
                    let change: String =
                        switch event.kind {
                        case .hired: "Hired as \(event.toTitle)"
                        case .promoted: "Promoted from \(event.fromTitle) to \(event.toTitle)"
                        case .transferred: "Transferred from \(event.fromTitle) to \(event.toTitle)"
                        case .left: "Left (was \(event.fromTitle))"
                        }
                    return ListItem { Text("\(event.date): \(change)") }
                }
            }
        }
    }
}
