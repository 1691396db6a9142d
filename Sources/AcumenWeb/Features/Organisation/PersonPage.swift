import AcumenCore
import Plot

enum PersonPage {
    static func render(person: PersonSummary, history: [EmploymentEvent], context: PageContext) -> HTMLPage {
        let text = context.localizer
        let none = text.text(PersonMessage.none)
        let day = { (stored: String) in CalendarDate(stored).map(text.date) ?? stored }
        let status =
            person.status == .active
            ? text.text(PersonMessage.active)
            : text.text(PersonMessage.left, ["date": person.endDate.map(day) ?? text.text(PersonMessage.unknownDate)])
        return Layout.page(person.name, context: context) {
            H1(person.name)
            Tag("dl") {
                for (term, value) in [
                    (PersonMessage.jobTitle, person.jobTitle), (.email, person.email),
                    (.organisation, person.organisation),
                    (.location, person.location.isEmpty ? text.text(PersonMessage.notSet) : location(of: person, text)),
                    (.team, person.team.isEmpty ? none : person.team),
                    (.supervisor, person.supervisorName.isEmpty ? none : person.supervisorName),
                    (.hired, day(person.hireDate)), (.status, status),
                ] {
                    Tag("dt") { Text(text.text(term)) }
                    Tag("dd") { Text(value) }
                }
            }.class("facts")
            if context.user?.viewer.role != .customerReviewer {
                Paragraph {
                    Link(text.text(PersonMessage.dashboard), url: SitePath.personDashboard.url(person.id))
                    Text(" · ")
                    Link(text.text(PersonMessage.roadmap), url: SitePath.roadmap.url(person.id))
                }
            }
            H2(text.text(PersonMessage.history))
            if history.isEmpty {
                Paragraph(text.text(PersonMessage.noEvents))
            } else {
                List(history) { event in
                    let titles = ["from": event.fromTitle, "to": event.toTitle]
                    let change =
                        switch event.kind {
                        case .hired: text.text(PersonMessage.hiredAs, titles)
                        case .promoted: text.text(PersonMessage.promoted, titles)
                        case .transferred: text.text(PersonMessage.transferred, titles)
                        case .left: text.text(PersonMessage.leftFrom, titles)
                        }
                    return ListItem {
                        Text(text.text(PersonMessage.event, ["date": text.date(event.date), "change": change]))
                    }
                }
            }
        }
    }
}

extension PersonPage {
    /// Where someone works, with working from home in the reader's words.
    static func location(of person: PersonSummary, _ text: Localizer) -> String {
        person.isRemote ? text.text(PersonMessage.remote) : person.location
    }
}

/// The words of a person's page, which people read about themselves.
enum PersonMessage: String, MessageKey, CaseIterable {
    case roadmap = "person.roadmap"
    case dashboard = "person.dashboard"
    case jobTitle = "person.jobTitle"
    case email = "person.email"
    case organisation = "person.organisation"
    case location = "person.location"
    case team = "person.team"
    case supervisor = "person.supervisor"
    case hired = "person.hired"
    case status = "person.status"
    case none = "person.none"
    case notSet = "person.notSet"
    case active = "person.active"
    case left = "person.left"
    case unknownDate = "person.unknownDate"
    case history = "person.history"
    case noEvents = "person.noEvents"
    case hiredAs = "person.event.hired"
    case promoted = "person.event.promoted"
    case transferred = "person.event.transferred"
    case leftFrom = "person.event.left"
    case event = "person.event"
    case remote = "person.remote"
}
