import AcumenCore
import Foundation
import Plot

/// One account manager's dashboard: level against target (radar and table), strengths and
/// development areas, the trend across cycles with the framework version of each, roadmap
/// progress and what is due, and the latest evidence. Levels are counted from 1, as reports
/// count them.
enum IndividualDashboardPage {
    typealias Message = DashboardMessage
    typealias Model = IndividualDashboardController.Model
    typealias Cell = Node<HTML.BodyContext>

    static func render(_ model: Model, results: String, context: PageContext) -> HTMLPage {
        let text = context.localizer
        // Nodes rather than components below: Plot reflects on every component it renders,
        // which on this page, read at every request, cost more than its queries.
        return Layout.page(text.text(Message.title, ["name": model.person.name]), context: context) {
            Node<HTML.BodyContext>.group(
                .p(.class("crumbs"), .a(.href(SitePath.person.url(model.person.id)), .text(model.person.name))),
                .h1(.text(text.text(Message.title, ["name": model.person.name]))),
                .raw(results),
                progress(model, text: text),
                evidence(model, text: text))
        }
    }

    /// Where the person stands and how that moved, as HTML: the same for every reader of the
    /// same cycles in the same language, so the controller keeps it.
    static func results(latest: ReportsController.LoadedReport?, trend: CompetencyTrend, text: Localizer) -> String {
        ComponentGroup {
            if let latest {
                standing(latest, text: text)
            } else {
                Paragraph(text.text(Message.noResults))
            }
            if trend.points.count > 1 { self.trend(trend, text: text) }
        }.render()
    }

    private static func level(_ value: Double?, text: Localizer) -> String {
        value.map { text.decimal($0 + 1, fractionDigits: 1) } ?? "–"
    }

    private static func standing(_ latest: ReportsController.LoadedReport, text: Localizer) -> Component {
        let framework = latest.framework
        let glance = ReportGlance(report: latest.report, previous: nil)
        func names(_ codes: [String]) -> String {
            text.list(codes.map { code in "\(code) \(framework.text(.competencyTitle(code), in: text.language).text)" })
        }
        return Tag("section") {
            H2(text.text(Message.standing))
            Paragraph {
                Text(
                    text.text(
                        Message.latest,
                        ["cycle": latest.cycle.settings.name, "closed": text.date(latest.cycle.settings.closesOn)])
                        + " ")
                Link(
                    text.text(Message.fullReport),
                    url: SitePath.cycleSubjectReport.url(latest.cycle.id, latest.subject.id))
            }
            Tag("dl") {
                Tag("dt") { Text(text.text(Message.strengths)) }
                Tag("dd") { Text(glance.strengths.isEmpty ? text.text(Message.noneYet) : names(glance.strengths)) }
                Tag("dt") { Text(text.text(Message.developmentAreas)) }
                Tag("dd") {
                    Text(glance.developmentAreas.isEmpty ? text.text(Message.noneYet) : names(glance.developmentAreas))
                }
            }.class("facts")
            Div {
                Div { Node<HTML.BodyContext>.raw(PersonReportPage.radar(latest, text: text).svg()) }.class("chart")
                DataTable(
                    caption: text.text(Message.againstTarget),
                    headings: [Message.competency, .target, .others, .ownView, .gap].map { text.text($0) },
                    rows: latest.report.rows.map { row in
                        let result = row.competency
                        return [
                            Cell.text(
                                "\(result.competencyCode) \(framework.text(.competencyTitle(result.competencyCode), in: text.language).text)"
                            ),
                            Cell.text(result.target.map { framework.text(.level($0), in: text.language).text } ?? "–"),
                            Cell.text(level(result.others?.mean, text: text)),
                            Cell.text(level(result.bySource[.self]?.mean, text: text)),
                            Cell.text(result.gap.map { text.decimal($0, fractionDigits: 1) } ?? "–"),
                        ]
                    }, stacksOnPhone: true)
            }.class("figure-pair")
        }
    }

    private static func trend(_ trend: CompetencyTrend, text: Localizer) -> Component {
        Tag("section") {
            H2(text.text(Message.trend))
            Paragraph(text.text(Message.trendHint)).class("hint")
            DataTable(
                caption: text.text(Message.trendCaption),
                headings: [text.text(Message.competency)]
                    + trend.points.map { point in
                        text.text(
                            Message.cycleColumn,
                            [
                                "cycle": point.cycleName, "framework": point.frameworkName,
                                "version": text.integer(point.frameworkVersion),
                            ])
                    } + [text.text(Message.change)],
                rows: trend.competencyCodes.map { code in
                    [Cell.text(code)] + trend.points.map { Cell.text(level($0.levels[code], text: text)) }
                        + [
                            Cell.text(
                                trend.change(of: code).map {
                                    ($0 >= 0 ? "+" : "") + text.decimal($0, fractionDigits: 1)
                                } ?? "–")
                        ]
                })
        }
    }

    private static func progress(_ model: Model, text: Localizer) -> Cell {
        guard let roadmap = model.roadmap else {
            return .section(.h2(.text(text.text(Message.roadmap))), .p(.text(text.text(Message.noRoadmap))))
        }
        let items = roadmap.items
        let due = roadmap.due(within: 30, of: model.today)
        let dueList: Cell =
            due.items.isEmpty && due.followUps.isEmpty
            ? .p(.text(text.text(Message.nothingDue)))
            : .group(
                .h3(.text(text.text(Message.dueSoon))),
                .ul(
                    .group(
                        due.items.map { item in
                            .li(
                                .text(
                                    text.text(
                                        Message.itemDue,
                                        ["title": item.offeringTitle, "due": item.due.map(text.date) ?? ""])))
                        }
                            + due.followUps.map { followUp in
                                .li(
                                    .text(
                                        text.text(
                                            followUp.kind == .refresher ? Message.refresherDue : .reobservationDue,
                                            ["competency": followUp.competencyCode, "due": text.date(followUp.due)])))
                            })))
        return .section(
            .h2(.text(text.text(Message.roadmap))),
            .p(
                .text(
                    text.text(
                        Message.progress,
                        [
                            "completed": text.integer(items.filter { $0.status == .completed }.count),
                            "all": text.integer(items.count),
                            "waived": text.integer(items.filter { $0.status == .waived }.count),
                        ]))),
            dueList,
            .p(.a(.href(SitePath.roadmap.url(model.person.id)), .text(text.text(Message.openRoadmap)))))
    }

    private static func evidence(_ model: Model, text: Localizer) -> Cell {
        .section(
            .h2(.text(text.text(Message.evidence))),
            .if(
                model.observations.isEmpty && model.completions.isEmpty && model.checkResults.isEmpty,
                .p(.text(text.text(Message.noEvidence)))),
            .if(
                !model.observations.isEmpty,
                .component(
                    DataTable(
                        caption: text.text(Message.observations),
                        headings: [Message.day, .competency, .observedLevel].map { text.text($0) },
                        rows: model.observations.map { observation in
                            [
                                Cell.text(text.date(observation.observedOn)), Cell.text(observation.competencyCode),
                                Cell.text(observation.level.map { text.integer($0 + 1) } ?? "–"),
                            ]
                        }))),
            .if(
                !model.completions.isEmpty,
                .component(
                    DataTable(
                        caption: text.text(Message.completions),
                        headings: [Message.day, .offering, .reportedBy].map { text.text($0) },
                        rows: model.completions.map { completion in
                            [
                                Cell.text(text.date(completion.recorded.completedOn)), Cell.text(completion.title),
                                Cell.text(completion.recorded.source),
                            ]
                        }))),
            .if(
                !model.checkResults.isEmpty,
                .component(
                    DataTable(
                        caption: text.text(Message.knowledgeChecks),
                        headings: [Message.day, .check, .checkScore].map { text.text($0) },
                        rows: model.checkResults.map { result in
                            [
                                Cell.text(result.attempt.submittedAt.map { text.moment($0) } ?? ""),
                                Cell.a(.href(SitePath.attempt.url(result.attempt.id)), .text(result.title)),
                                Cell.text(
                                    (result.attempt.score.map { text.percent($0) } ?? "–") + " · "
                                        + KnowledgeCheckPages.result(result.attempt, text: text)),
                            ]
                        }))))
    }
}

enum DashboardMessage: String, MessageKey, CaseIterable {
    case title = "dashboard.title"
    case noResults = "dashboard.noResults"
    case standing = "dashboard.standing"
    case latest = "dashboard.latest"
    case fullReport = "dashboard.fullReport"
    case strengths = "dashboard.strengths"
    case developmentAreas = "dashboard.developmentAreas"
    case noneYet = "dashboard.noneYet"
    case againstTarget = "dashboard.againstTarget"
    case competency = "dashboard.competency"
    case target = "dashboard.target"
    case others = "dashboard.others"
    case ownView = "dashboard.ownView"
    case gap = "dashboard.gap"
    case trend = "dashboard.trend"
    case trendHint = "dashboard.trendHint"
    case trendCaption = "dashboard.trendCaption"
    case cycleColumn = "dashboard.cycleColumn"
    case change = "dashboard.change"
    case roadmap = "dashboard.roadmap"
    case progress = "dashboard.progress"
    case nothingDue = "dashboard.nothingDue"
    case dueSoon = "dashboard.dueSoon"
    case itemDue = "dashboard.itemDue"
    case refresherDue = "dashboard.refresherDue"
    case reobservationDue = "dashboard.reobservationDue"
    case openRoadmap = "dashboard.openRoadmap"
    case noRoadmap = "dashboard.noRoadmap"
    case evidence = "dashboard.evidence"
    case noEvidence = "dashboard.noEvidence"
    case observations = "dashboard.observations"
    case day = "dashboard.day"
    case observedLevel = "dashboard.observedLevel"
    case completions = "dashboard.completions"
    case offering = "dashboard.offering"
    case reportedBy = "dashboard.reportedBy"
    case knowledgeChecks = "dashboard.knowledgeChecks"
    case check = "dashboard.check"
    case checkScore = "dashboard.checkScore"
}
