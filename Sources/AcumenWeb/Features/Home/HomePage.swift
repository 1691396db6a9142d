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
        let text = context.localizer
        let greeting = overview.personName.map {
            text.text(HomeMessage.welcome, ["name": $0.split(separator: " ").first.map(String.init) ?? $0])
        }
        return Layout.page(text.text(HomeMessage.title), context: context) {
            H1(greeting ?? text.text(HomeMessage.title))
            H2(text.text(HomeMessage.next))
            agenda(overview.agenda, today: model.today, text: text)
            if let report = overview.latestReport, let personID = model.viewer.personID {
                latestReport(report, personID: personID, text: text)
            } else if model.viewer.role == .accountManager {
                H2(text.text(HomeMessage.latestReport))
                Paragraph(text.text(HomeMessage.noReport))
            }
            if model.viewer.role == .supervisor {
                team(overview.team, text: text)
            }
            if model.viewer.role.seesEveryone {
                runningCycles(overview.runningCycles, text: text)
            }
            if model.viewer.role == .customerReviewer {
                accounts(overview.accounts, text: text)
            }
        }
    }

    // MARK: Parts

    private static func agenda(_ items: [AgendaItem], today: CalendarDate, text: Localizer) -> Component {
        guard !items.isEmpty else { return Paragraph(text.text(HomeMessage.nothing)) }
        return Tag("ol") {
            for item in items {
                ListItem {
                    Link(item.title, url: url(for: item.target)).class("agenda-title")
                    if let dueOn = item.dueOn {
                        Text(" ")
                        StatusBadge(
                            text: HomeMessage.due(dueOn, on: today, text: text),
                            kind: item.isOverdue(on: today) ? "late" : "due")
                    }
                    if !item.detail.isEmpty { Paragraph(item.detail).class("muted") }
                }.class("agenda-item")
            }
        }.class("agenda")
    }

    private static func latestReport(_ report: HomeOverview.LatestReport, personID: UUID, text: Localizer)
        -> Component
    {
        let framework = report.framework
        // Competency titles in the reader's language where translated; the code makes them unique.
        let name = { (code: String) in
            framework.original(.competencyTitle(code)) == nil
                ? code : "\(framework.text(.competencyTitle(code), in: text.language).text) (\(code))"
        }
        let glance = report.glance
        return Div {
            H2(text.text(HomeMessage.latestReport))
            Paragraph {
                Link(report.cycle.name, url: SitePath.cycleSubjectReport.url(report.cycle.id, personID))
            }
            Paragraph(text.text(HomeMessage.reportGlance)).class("muted")
            Paragraph { Link(text.text(HomeMessage.openDashboard), url: SitePath.personDashboard.url(personID)) }
            Div {
                listCard(
                    text.text(HomeMessage.strengths), glance.strengths.map(name),
                    empty: text.text(HomeMessage.strengthsNone))
                listCard(
                    text.text(HomeMessage.develop), glance.developmentAreas.map(name),
                    empty: text.text(HomeMessage.developNone))
                Div {
                    H3(text.text(HomeMessage.since))
                    if let previous = report.previousCycle {
                        if glance.changes.isEmpty {
                            Paragraph(text.text(HomeMessage.noChange, ["cycle": previous.name])).class("muted")
                        } else {
                            List(glance.changes) { change in
                                ListItem(
                                    text.text(
                                        change.levels > 0 ? HomeMessage.up : HomeMessage.down,
                                        [
                                            "competency": name(change.competencyCode),
                                            "levels": text.decimal(abs(change.levels), fractionDigits: 1),
                                        ]))
                            }
                        }
                    } else {
                        Paragraph(text.text(HomeMessage.firstReport)).class("muted")
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

    private static func team(_ members: [HomeOverview.TeamMember], text: Localizer) -> Component {
        Div {
            H2(text.text(HomeMessage.team))
            if members.isEmpty {
                Paragraph(text.text(HomeMessage.teamNone))
            } else {
                DataTable(
                    caption: text.text(HomeMessage.teamCaption),
                    headings: [
                        HomeMessage.person, .latestCycle, .yourRating, .peersToApprove, .belowTarget,
                    ].map { text.text($0) },
                    rows: members.map { member in
                        [
                            Link(member.person.name, url: SitePath.person.url(member.person.id)),
                            member.cycle.map { cycle -> Component in
                                Text(
                                    text.text(
                                        HomeMessage.cycleWithStatus,
                                        ["cycle": cycle.name, "status": text.text(StatusMessage(cycle.status))]))
                            } ?? Text(text.text(HomeMessage.noCycle)),
                            Text(
                                text.text(
                                    member.ratingSubmitted.map { $0 ? HomeMessage.submitted : .waiting } ?? .notAsked)),
                            Text(
                                member.peersWaitingForApproval == 0
                                    ? text.text(HomeMessage.none) : text.integer(member.peersWaitingForApproval)),
                            Text(
                                !member.assessed
                                    ? text.text(HomeMessage.notAssessed)
                                    : member.gapsBelowTarget.isEmpty
                                        ? text.text(HomeMessage.none)
                                        : text.text(
                                            HomeMessage.gaps,
                                            [
                                                "count": text.integer(member.gapsBelowTarget.count),
                                                "code": member.gapsBelowTarget[0].competencyCode,
                                            ])
                            ),
                        ]
                    }, stacksOnPhone: true)
            }
        }
    }

    private static func runningCycles(_ cycles: [HomeOverview.RunningCycle], text: Localizer) -> Component {
        Div {
            H2(text.text(ProgrammeHomeMessage.running))
            if cycles.isEmpty {
                Paragraph {
                    Text(text.text(ProgrammeHomeMessage.noneRunning) + " ")
                    Link(text.text(ProgrammeHomeMessage.startCycle), url: SitePath.newCycle.url())
                }
            } else {
                DataTable(
                    caption: text.text(ProgrammeHomeMessage.caption),
                    headings: [
                        ProgrammeHomeMessage.colCycle, .colStatus, .colCloses, .colAnswers, .colShortOfRaters,
                    ].map { text.text($0) },
                    rows: cycles.map { running in
                        let progress = running.progress
                        let closes = text.date(running.cycle.settings.closesOn)
                        return [
                            Link(running.cycle.name, url: SitePath.cycle.url(running.cycle.id)),
                            Text(text.standalone(text.text(StatusMessage(running.cycle.status)))),
                            Text(
                                progress.daysLeft >= 0
                                    ? text.text(
                                        ProgrammeHomeMessage.daysLeft, count: progress.daysLeft, ["date": closes])
                                    : text.text(ProgrammeHomeMessage.passed, ["date": closes])),
                            List(progress.rates) { rate in
                                let words = [
                                    "source": PersonReportPage.sourceName(rate.source, text: text),
                                    "answered": text.integer(rate.answered), "invited": text.integer(rate.invited),
                                ]
                                return ListItem(
                                    rate.rate.map {
                                        text.text(
                                            ProgrammeHomeMessage.sourceAnswersRate,
                                            words.merging(["rate": text.percent($0)]) { $1 })
                                    } ?? text.text(ProgrammeHomeMessage.sourceAnswers, words))
                            }.class("plain"),
                            Text(
                                progress.subjectsShortOfRaters == 0
                                    ? text.text(ProgrammeHomeMessage.noneShort)
                                    : text.integer(progress.subjectsShortOfRaters)),
                        ]
                    }, stacksOnPhone: true)
                Paragraph(text.text(ProgrammeHomeMessage.countedInTens)).class("muted")
            }
        }
    }

    private static func accounts(_ accounts: [HomeOverview.AccountOverview], text: Localizer) -> Component {
        Div {
            H2(text.text(HomeMessage.accounts))
            if accounts.isEmpty {
                Paragraph(text.text(HomeMessage.accountsNone))
            }
            for overview in accounts {
                Div {
                    H3 { Link(overview.account.name, url: SitePath.account.url(overview.account.id)) }
                    Paragraph(
                        overview.releasedCycles.isEmpty
                            ? text.text(HomeMessage.noResults)
                            : text.text(
                                HomeMessage.released, ["cycles": text.list(overview.releasedCycles.map(\.name))])
                    )
                    if overview.openActions.isEmpty {
                        Paragraph(text.text(HomeMessage.noActions)).class("muted")
                    } else {
                        H4(text.text(HomeMessage.openActions))
                        List(overview.openActions) { action in
                            let item = action.item
                            let words = [
                                "title": item.title, "owner": item.ownerName,
                                "status": text.text(StatusMessage(item.status)),
                            ]
                            return ListItem(
                                item.dueDate.map {
                                    text.text(HomeMessage.action, words.merging(["date": text.date($0)]) { $1 })
                                } ?? text.text(HomeMessage.actionUndated, words))
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
        case .roadmap(let personID): SitePath.roadmap.url(personID)
        }
    }
}
