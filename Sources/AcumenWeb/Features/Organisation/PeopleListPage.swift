import AcumenCore
import Foundation
import Plot

/// The people the viewer may see: searched, filtered and paged, with the search kept in the
/// address so that a page can be shared or reloaded.
enum PeopleListPage {
    static func render(query: PeopleQuery, result: PeopleQuery.Result, visible: Int, context: PageContext)
        -> HTMLPage
    {
        let text = context.localizer
        return Layout.page(text.text(PeopleListMessage.title), context: context) {
            H1(text.text(PeopleListMessage.title))
            Form(
                url: SitePath.people.url(), method: .get,
                content: {
                    Field(
                        label: text.text(AccountMessage.find), name: "q", value: query.text, type: .search,
                        hint: text.text(PeopleListMessage.findHint))
                    SelectField(
                        label: text.text(PeopleListMessage.who), name: "kind",
                        choices: [
                            .init(value: "all", label: text.text(PeopleListMessage.everyone)),
                            .init(value: "vendor", label: text.text(PeopleListMessage.ourPeople)),
                            .init(value: "customer", label: text.text(PeopleListMessage.customers)),
                        ], selected: query.kind.rawValue)
                    SelectField(
                        label: text.text(PersonMessage.status), name: "status",
                        choices: [
                            .init(value: "active", label: text.text(PersonMessage.active)),
                            .init(value: "left", label: text.text(PeopleListMessage.left)),
                            .init(value: "all", label: text.text(PeopleListMessage.activeAndLeft)),
                        ], selected: query.status.rawValue)
                    SubmitButton(title: text.text(AccountMessage.search), style: "button")
                }
            ).class("search")
            Paragraph(
                text.text(PeopleListMessage.matching, count: visible, ["matching": text.integer(result.matching)])
                    + (result.pages > 1
                        ? " "
                            + text.text(
                                AccountMessage.pageOf,
                                ["page": text.integer(result.page), "pages": text.integer(result.pages)]) : "")
            ).attribute(named: "role", value: "status")
            if result.items.isEmpty {
                Paragraph(text.text(PeopleListMessage.noMatch))
            } else {
                DataTable(
                    caption: text.text(PeopleListMessage.caption),
                    headings: [text.text(PeopleListMessage.name)]
                        + [PersonMessage.jobTitle, .organisation, .location, .team, .status].map { text.text($0) },
                    rows: result.items.map { person in
                        [
                            Link(person.name, url: SitePath.person.url(person.id)), Text(person.jobTitle),
                            Text(person.organisation),
                            Text(PersonPage.location(of: person, text)), Text(person.team),
                            Text(
                                person.status == .active
                                    ? text.text(PersonMessage.active)
                                    : text.text(
                                        PersonMessage.left,
                                        ["date": person.endDate.flatMap(CalendarDate.init).map(text.date) ?? "–"])),
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
                    ], text: text)
            }
        }
    }
}

/// The words of the people list, which supervisors and account managers read too.
enum PeopleListMessage: String, MessageKey, CaseIterable {
    case title = "people.title"
    case findHint = "people.findHint"
    case who = "people.who"
    case everyone = "people.everyone"
    case ourPeople = "people.ourPeople"
    case customers = "people.customers"
    case left = "people.left"
    case activeAndLeft = "people.activeAndLeft"
    case matching = "people.matching"
    case noMatch = "people.noMatch"
    case caption = "people.caption"
    case name = "people.name"
}
