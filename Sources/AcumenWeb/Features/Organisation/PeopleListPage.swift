import AcumenCore
import Foundation
import Plot

/// The people the viewer may see: searched, filtered and paged, with the search kept in the
/// address so that a page can be shared or reloaded.
enum PeopleListPage {
    static func render(query: PeopleQuery, result: PeopleQuery.Result, visible: Int, context: PageContext)
        -> HTMLPage
    {
        Layout.page("People", context: context) {
            H1("People")
            Form(
                url: SitePath.people.url(), method: .get,
                content: {
                    Field(
                        label: "Find", name: "q", value: query.text, type: .search,
                        hint: "Words from a name, e-mail, job title, team, location or organisation.")
                    SelectField(
                        label: "Who", name: "kind",
                        choices: [
                            .init(value: "all", label: "Everyone"), .init(value: "vendor", label: "Our people"),
                            .init(value: "customer", label: "Customers"),
                        ], selected: query.kind.rawValue)
                    SelectField(
                        label: "Status", name: "status",
                        choices: [
                            .init(value: "active", label: "Active"), .init(value: "left", label: "Left"),
                            .init(value: "all", label: "Active and left"),
                        ], selected: query.status.rawValue)
                    SubmitButton(title: "Search", style: "button")
                }
            ).class("search")
            Paragraph(
                "\(result.matching) of the \(visible) \(visible == 1 ? "person" : "people") you can see"
                    + (result.pages > 1 ? "; page \(result.page) of \(result.pages)." : ".")
            ).attribute(named: "role", value: "status")
            if result.items.isEmpty {
                Paragraph("Nobody matches. Try fewer words, or include people who have left.")
            } else {
                DataTable(
                    caption: "People, by name",
                    headings: ["Name", "Job title", "Organisation", "Location", "Team", "Status"],
                    rows: result.items.map { person in
                        [
                            Link(person.name, url: SitePath.person.url(person.id)), Text(person.jobTitle),
                            Text(person.organisation),
                            Text(person.location), Text(person.team),
                            Text(person.status == .active ? "Active" : "Left \(person.endDate ?? "")"),
                        ]
                    })
            }
            if result.pages > 1 {
                Pager(
                    page: result.page, pages: result.pages, path: SitePath.people.url(),
                    query: [
                        URLQueryItem(name: "q", value: query.text),
                        URLQueryItem(name: "kind", value: query.kind.rawValue),
                        URLQueryItem(name: "status", value: query.status.rawValue),
                    ])
            }
        }
    }
}
