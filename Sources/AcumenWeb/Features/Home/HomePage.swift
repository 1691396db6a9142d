import AcumenCore
import Foundation
import Plot

/// Where everyone lands after signing in: what is asked of them now, in the order to do it,
/// and the one glance their role needs.
enum HomePage {
    struct Model {
        var overview: HomeOverview
        var viewer: Viewer
        var today: CalendarDate
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let overview = model.overview
        let greeting = overview.personName.map { "Welcome, \($0.split(separator: " ").first.map(String.init) ?? $0)" }
        return Layout.page("Home", context: context) {
            H1(greeting ?? "Home")
            H2("What to do next")
            agenda(overview.agenda, today: model.today)
            if let report = overview.latestReport, let personID = model.viewer.personID {
                latestReport(report, personID: personID)
            } else if model.viewer.role == .accountManager {
                H2("Your latest report")
                Paragraph(
                    "No report has been released to you yet. It appears here once your programme manager releases a cycle."
                )
            }
            if model.viewer.role == .supervisor {
                team(overview.team)
            }
            if model.viewer.role.seesEveryone {
                runningCycles(overview.runningCycles)
            }
            if model.viewer.role == .customerReviewer {
                accounts(overview.accounts)
            }
        }
    }

    // MARK: Parts

    private static func agenda(_ items: [AgendaItem], today: CalendarDate) -> Component {
        guard !items.isEmpty else {
            return Paragraph("Nothing is waiting for you. New forms and requests appear here, and by e-mail.")
        }
        return Tag("ol") {
            for item in items {
                ListItem {
                    Link(item.title, url: url(for: item.target)).class("agenda-title")
                    if let dueOn = item.dueOn {
                        Text(" ")
                        StatusBadge(
                            text: AgendaItem.dueText(dueOn, on: today),
                            kind: item.isOverdue(on: today) ? "late" : "due")
                    }
                    if !item.detail.isEmpty { Paragraph(item.detail).class("muted") }
                }.class("agenda-item")
            }
        }.class("agenda")
    }

    private static func latestReport(_ report: HomeOverview.LatestReport, personID: UUID) -> Component {
        let titles = Dictionary(
            report.framework.competencies.map { ($0.code, $0.title) }, uniquingKeysWith: { first, _ in first })
        let name = { (code: String) in titles[code].map { "\($0) (\(code))" } ?? code }
        let glance = report.glance
        return Div {
            H2("Your latest report")
            Paragraph {
                Link(report.cycle.name, url: SitePath.cycleSubjectReport.url(report.cycle.id, personID))
                Text(": what others see, in one glance. The full report has every competency, source and comment.")
            }
            Div {
                listCard("Strengths", glance.strengths.map(name), empty: "None stand out yet.")
                listCard("To develop", glance.developmentAreas.map(name), empty: "Nothing is below your targets.")
                Div {
                    H3("Since your last report")
                    if let previous = report.previousCycle {
                        if glance.changes.isEmpty {
                            Paragraph("No competency moved by half a level or more since \(previous.name).").class(
                                "muted")
                        } else {
                            List(glance.changes) { change in
                                ListItem(
                                    "\(name(change.competencyCode)): \(change.levels > 0 ? "up" : "down") \(String(format: "%.1f", abs(change.levels))) levels"
                                )
                            }
                        }
                    } else {
                        Paragraph("This is your first released report; the next one will show what changed.").class(
                            "muted")
                    }
                }.class("card")
            }.class("cards glance")
        }
    }

    private static func listCard(_ title: String, _ items: [String], empty: String) -> Component {
        Div {
            H3(title)
            if items.isEmpty {
                Paragraph(empty).class("muted")
            } else {
                List(items) { ListItem($0) }
            }
        }.class("card")
    }

    private static func team(_ members: [HomeOverview.TeamMember]) -> Component {
        Div {
            H2("Your team")
            if members.isEmpty {
                Paragraph("Nobody reports to you in Acumen's records.")
            } else {
                DataTable(
                    caption: "The people who report to you and where each stands",
                    headings: ["Person", "Latest cycle", "Your rating", "Peers to approve", "Below target"],
                    rows: members.map { member in
                        [
                            Link(member.person.name, url: SitePath.person.url(member.person.id)),
                            member.cycle.map { cycle -> Component in
                                Text("\(cycle.name) (\(cycle.status.label.lowercased()))")
                            } ?? Text("Not in a cycle yet"),
                            Text(
                                member.ratingSubmitted.map { $0 ? "Submitted" : "Waiting for you" } ?? "Not asked"),
                            Text(member.peersWaitingForApproval == 0 ? "None" : "\(member.peersWaitingForApproval)"),
                            Text(
                                !member.assessed
                                    ? "Not assessed yet"
                                    : member.gapsBelowTarget.isEmpty
                                        ? "None"
                                        : "\(member.gapsBelowTarget.count), most: \(member.gapsBelowTarget[0].competencyCode)"
                            ),
                        ]
                    }, stacksOnPhone: true)
            }
        }
    }

    private static func runningCycles(_ cycles: [HomeOverview.RunningCycle]) -> Component {
        Div {
            H2("Running cycles")
            if cycles.isEmpty {
                Paragraph {
                    Text("No cycle is open or in preparation. ")
                    Link("Start a cycle", url: SitePath.newCycle.url())
                }
            } else {
                DataTable(
                    caption: "Cycles in preparation or open, with answers by source",
                    headings: ["Cycle", "Status", "Closes", "Answers", "Too few raters"],
                    rows: cycles.map { running in
                        let progress = running.progress
                        return [
                            Link(running.cycle.name, url: SitePath.cycle.url(running.cycle.id)),
                            Text(running.cycle.status.label),
                            Text(
                                progress.daysLeft >= 0
                                    ? "\(running.cycle.settings.closesOn) (\(progress.daysLeft) days left)"
                                    : "\(running.cycle.settings.closesOn) (passed)"),
                            List(progress.rates) { rate in
                                ListItem(
                                    "\(rate.source.label): \(rate.answered) of \(rate.invited)"
                                        + (rate.rate.map { " (\(Int(($0 * 100).rounded())) %)" } ?? ""))
                            }.class("plain"),
                            Text(progress.subjectsShortOfRaters == 0 ? "None" : "\(progress.subjectsShortOfRaters)"),
                        ]
                    }, stacksOnPhone: true)
                Paragraph(
                    "Answers of peers and customers are counted in tens while a cycle is open, so that no single answer can be told apart."
                ).class("muted")
            }
        }
    }

    private static func accounts(_ accounts: [HomeOverview.AccountOverview]) -> Component {
        Div {
            H2("Your accounts")
            if accounts.isEmpty {
                Paragraph("No account names you as a reviewer.")
            }
            for overview in accounts {
                Div {
                    H3 { Link(overview.account.name, url: SitePath.account.url(overview.account.id)) }
                    Paragraph(
                        overview.releasedCycles.isEmpty
                            ? "No results are released for this account yet."
                            : "Results released: \(overview.releasedCycles.map(\.name).joined(separator: ", "))."
                    )
                    if overview.openActions.isEmpty {
                        Paragraph("No open actions in the plan you agreed.").class("muted")
                    } else {
                        H4("Open actions you agreed")
                        List(overview.openActions) { action in
                            ListItem(
                                "\(action.item.title): \(action.item.ownerName)"
                                    + (action.item.dueDate.map { ", due \($0)" } ?? "")
                                    + " (\(action.item.status.label.lowercased()))")
                        }
                    }
                }.class("card")
            }
        }
    }

    static func url(for target: AgendaItem.Target) -> String {
        switch target {
        case .form(let invitationID): SitePath.myForm.url(invitationID)
        case .cycle(let id): SitePath.cycle.url(id)
        case .cycleSubject(let cycleID, let personID): SitePath.cycleSubject.url(cycleID, personID)
        case .calibrationExercise(let id): SitePath.calibrationExercise.url(id)
        case .calibrationList: SitePath.calibration.url()
        case .calibrationDue: SitePath.calibrationDue.url()
        case .secondRating(let id): SitePath.secondRating.url(id)
        case .outbox: SitePath.outbox.url()
        case .framework(let id): SitePath.framework.url(id)
        }
    }
}
