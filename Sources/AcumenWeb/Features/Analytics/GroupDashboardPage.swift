import AcumenCore
import AcumenStore
import Foundation
import Plot

/// The group dashboard: the heatmap with its table and CSV, the distribution of levels against
/// the Expert guideline, and the largest group gaps with the sessions running on them.
enum GroupDashboardPage {
    typealias Message = GroupDashboardMessage
    typealias Cell = Node<HTML.BodyContext>

    static func render(
        _ loaded: GroupDashboardController.Loaded?, choice: GroupDashboardController.Choice,
        sessions: [GroupSessionRepository.Session], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(Message.title), context: context) {
            H1(text.text(Message.title))
            Paragraph(text.text(Message.intro))
            if let loaded {
                form(loaded, choice: choice, text: text)
                heatmap(loaded, choice: choice, text: text)
                distribution(loaded, text: text)
                gaps(loaded, choice: choice, sessions: sessions, text: text)
            } else {
                Paragraph(text.text(Message.noCycle)).class("notice")
            }
        }
    }

    /// The chosen cycle, grouping and measure, as every link of the page carries them.
    static func queryItems(_ loaded: GroupDashboardController.Loaded, _ choice: GroupDashboardController.Choice)
        -> [URLQueryItem]
    {
        [
            URLQueryItem(name: "cycle", value: loaded.cycle.id.lowercasedString),
            URLQueryItem(name: "by", value: choice.dimension.rawValue),
            URLQueryItem(name: "measure", value: choice.measure.rawValue),
        ]
    }

    static func query(_ loaded: GroupDashboardController.Loaded, _ choice: GroupDashboardController.Choice) -> String {
        var components = URLComponents()
        components.queryItems = queryItems(loaded, choice)
        return components.string ?? ""
    }

    private static func dimensionName(_ dimension: GroupDimension, text: Localizer) -> String {
        text.text(Message(dimension))
    }

    private static func form(
        _ loaded: GroupDashboardController.Loaded, choice: GroupDashboardController.Choice, text: Localizer
    ) -> Component {
        Form(
            url: SitePath.groupAnalytics.url(), method: .get,
            content: {
                Div {
                    SelectField(
                        label: text.text(Message.cycle), name: "cycle",
                        choices: loaded.cycles.map {
                            .init(
                                value: $0.id.lowercasedString,
                                label: "\($0.settings.name) (\(text.date($0.settings.closesOn)))")
                        }, selected: loaded.cycle.id.lowercasedString)
                    SelectField(
                        label: text.text(Message.groupBy), name: "by",
                        choices: GroupDimension.allCases.map {
                            .init(value: $0.rawValue, label: dimensionName($0, text: text))
                        }, selected: choice.dimension.rawValue)
                    SelectField(
                        label: text.text(Message.measure), name: "measure",
                        choices: [
                            .init(value: HeatmapMeasure.share.rawValue, label: text.text(Message.shareMeasure)),
                            .init(value: HeatmapMeasure.gap.rawValue, label: text.text(Message.gapMeasure)),
                        ], selected: choice.measure.rawValue)
                }.class("field-row")
                SubmitButton(title: text.text(Message.show), style: "button")
            }
        ).class("period")
    }

    /// The cell's number as the page writes it.
    private static func value(_ cell: CompetencyHeatmap.Cell, _ measure: HeatmapMeasure, text: Localizer) -> String {
        switch measure {
        case .share: cell.shareOnTarget.map(text.percent) ?? "–"
        case .gap: cell.meanGap.map { text.decimal($0, fractionDigits: 1) } ?? "–"
        }
    }

    /// How dark the cell is drawn: the larger the share on target, or the smaller the gap, the darker.
    private static func strength(_ cell: CompetencyHeatmap.Cell, _ measure: HeatmapMeasure) -> Double? {
        switch measure {
        case .share: cell.shareOnTarget
        case .gap: cell.meanGap.map { min(1, max(0, 1 - $0 / 2)) }
        }
    }

    static let groupsPerPage = 25

    private static func heatmap(
        _ loaded: GroupDashboardController.Loaded, choice: GroupDashboardController.Choice, text: Localizer
    ) -> Component {
        let heatmap = loaded.heatmap
        let codes = heatmap.competencyCodes
        let everyoneLabel = text.text(Message.everyone)
        // Thousands of teams or customers would make a page nobody can read: the chart and its
        // table show one page of groups at a time, everyone's row on each.
        let groups = heatmap.groups(choice.dimension)
        let pages = max(1, (groups.count + groupsPerPage - 1) / groupsPerPage)
        let page = min(choice.page, pages)
        let rows: [(label: String, cells: [CompetencyHeatmap.Cell])] =
            [(everyoneLabel, heatmap.everyone)]
            + groups.dropFirst((page - 1) * groupsPerPage).prefix(groupsPerPage).map { group in
                (group, codes.map { heatmap.cell(choice.dimension, group: group, competency: $0) })
            }
        let withheld = text.text(Message.withheld)
        let chart = HeatmapChart(
            title: text.text(Message.heatmapTitle, ["groups": dimensionName(choice.dimension, text: text)]),
            columns: codes,
            rows: rows.map { row in
                HeatmapChart.Row(
                    label: row.label,
                    cells: row.cells.map { cell in
                        HeatmapChart.Cell(
                            strength: strength(cell, choice.measure),
                            valueText: value(cell, choice.measure, text: text),
                            description: cell.isWithheld
                                ? "\(cell.competencyCode) \(withheld)"
                                : "\(cell.competencyCode) \(value(cell, choice.measure, text: text)) (n \(cell.count))")
                    })
            }, withheldText: "–")
        return Tag("section") {
            H2(text.text(Message.heatmapTitle, ["groups": dimensionName(choice.dimension, text: text)]))
            Paragraph(
                text.text(
                    choice.measure == .share ? Message.shareDefinition : .gapDefinition,
                    ["cycle": loaded.cycle.settings.name])
            ).class("definition")
            Paragraph(text.text(Message.withheldDefinition, ["minimum": text.integer(heatmap.minimum)]))
                .class("definition")
            // Drawn at a readable size and scrolled sideways on a phone, as wide tables are.
            Div { Node<HTML.BodyContext>.raw(chart.svg()) }.class("chart chart-wide")
                .attribute(named: "tabindex", value: "0")
                .attribute(
                    named: "aria-label",
                    value: text.text(Message.heatmapTitle, ["groups": dimensionName(choice.dimension, text: text)]))
            DataTable(
                caption: text.text(Message.tableCaption, ["groups": dimensionName(choice.dimension, text: text)]),
                headings: [dimensionName(choice.dimension, text: text)] + codes,
                rows: rows.map { row in
                    [Cell.text(row.label)]
                        + row.cells.map { cell in
                            if cell.isWithheld {
                                return Cell.text(withheld)
                            }
                            let label = "\(value(cell, choice.measure, text: text)) · \(text.integer(cell.count))"
                            guard cell.dimension != nil else { return Cell.text(label) }
                            return Cell.a(
                                .href(
                                    SitePath.groupAnalyticsPeople.url() + query(loaded, choice) + "&group="
                                        + cell.group.queryValueEncoded + "&competency="
                                        + cell.competencyCode.queryValueEncoded),
                                .attribute(
                                    named: "aria-label",
                                    value: text.text(
                                        Message.cellLink,
                                        [
                                            "group": cell.group, "competency": cell.competencyCode,
                                            "value": value(cell, choice.measure, text: text),
                                            "count": text.integer(cell.count),
                                        ])), .text(label))
                        }
                })
            if pages > 1 {
                Pager(
                    page: page, pages: pages, path: SitePath.groupAnalytics.url(),
                    query: queryItems(loaded, choice), text: text)
            }
            Paragraph(text.text(Message.tableHint)).class("hint")
            Paragraph {
                Link(text.text(Message.csv), url: SitePath.groupAnalyticsCSV.url() + query(loaded, choice))
            }.class("no-print")
        }
    }

    private static func distribution(_ loaded: GroupDashboardController.Loaded, text: Localizer) -> Component {
        let framework = loaded.framework
        let levels = framework.levels.count
        let distributions = loaded.heatmap.competencyCodes.compactMap { code in
            loaded.heatmap.distribution(code, levels: levels).map { (code: code, distribution: $0) }
        }
        let guideline = [
            "low": text.percent(RatingDistribution.expertGuideline.lowerBound),
            "high": text.percent(RatingDistribution.expertGuideline.upperBound),
        ]
        return Tag("section") {
            H2(text.text(Message.distributionTitle))
            Paragraph(text.text(Message.distributionDefinition, guideline)).class("definition")
            if distributions.isEmpty {
                Paragraph(text.text(Message.distributionWithheld, ["minimum": text.integer(loaded.heatmap.minimum)]))
            } else {
                Div {
                    Div {
                        Node<HTML.BodyContext>.raw(
                            BarChart(
                                title: text.text(Message.expertChart),
                                bars: distributions.map { row in
                                    .init(
                                        label: row.code, value: row.distribution.expertShare ?? 0,
                                        valueText: row.distribution.expertShare.map(text.percent) ?? "–")
                                }
                            ).svg())
                    }.class("chart")
                    DataTable(
                        caption: text.text(Message.distributionCaption),
                        headings: [text.text(Message.competency)] + framework.levels.names
                            + [text.text(Message.expertShare), text.text(Message.againstGuideline)],
                        rows: distributions.map { row in
                            [Cell.text(row.code)] + row.distribution.counts.map { Cell.text(text.integer($0)) }
                                + [
                                    Cell.text(row.distribution.expertShare.map(text.percent) ?? "–"),
                                    Cell.text(reading(row.distribution.guidelineReading, text: text)),
                                ]
                        }, stacksOnPhone: true)
                }.class("figure-pair")
            }
        }
    }

    private static func reading(_ reading: RatingDistribution.GuidelineReading?, text: Localizer) -> String {
        switch reading {
        case .belowGuideline: text.text(Message.belowGuideline)
        case .withinGuideline: text.text(Message.withinGuideline)
        case .aboveGuideline: text.text(Message.aboveGuideline)
        case nil: "–"
        }
    }

    private static func gaps(
        _ loaded: GroupDashboardController.Loaded, choice: GroupDashboardController.Choice,
        sessions: [GroupSessionRepository.Session], text: Localizer
    ) -> Component {
        let largest = loaded.heatmap.largestGaps(choice.dimension, limit: 5)
        return Tag("section") {
            H2(text.text(Message.gapsTitle, ["groups": dimensionName(choice.dimension, text: text)]))
            Paragraph(text.text(Message.gapsDefinition)).class("definition")
            if largest.isEmpty {
                Paragraph(text.text(Message.noGaps))
            } else {
                List(largest) { cell in
                    let running = sessions.filter {
                        $0.groupKind.rawValue == choice.dimension.rawValue && $0.groupName == cell.group
                            && $0.competencyCode == cell.competencyCode
                    }
                    return ListItem {
                        Paragraph(
                            text.text(
                                Message.gapLine,
                                [
                                    "group": cell.group, "competency": cell.competencyCode,
                                    "title": loaded.framework.text(
                                        .competencyTitle(cell.competencyCode), in: text.language
                                    )
                                    .text,
                                    "gap": text.decimal(cell.meanGap ?? 0, fractionDigits: 1),
                                    "share": cell.shareOnTarget.map(text.percent) ?? "–",
                                    "count": text.integer(cell.count),
                                ]))
                        if running.isEmpty {
                            Paragraph {
                                Text(text.text(Message.noSession) + " ")
                                if let kind = GroupSessionRepository.GroupKind(rawValue: choice.dimension.rawValue) {
                                    Link(
                                        text.text(Message.planSession),
                                        url: SitePath.groupGaps.url() + "?group="
                                            + GroupGapsController.groupValue(kind, cell.group).queryValueEncoded)
                                }
                            }.class("hint")
                        } else {
                            List(running) { session in
                                ListItem(
                                    text.text(
                                        Message.sessionLine,
                                        ["title": session.offeringTitle, "enrolled": text.integer(session.enrolled)]))
                            }
                        }
                    }
                }.class("plain-list")
            }
        }
    }

    /// The people counted in one shown cell, each with their level and target, linked to their dashboard.
    static func people(
        _ cell: CompetencyHeatmap.Cell, members: [UUID], names: [UUID: String],
        loaded: GroupDashboardController.Loaded,
        choice: GroupDashboardController.Choice, context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = text.text(
            Message.peopleTitle, ["group": cell.group, "competency": cell.competencyCode])
        let members = members.sorted { (names[$0] ?? "") < (names[$1] ?? "") }
        return Layout.page(title, context: context) {
            H1(title)
            Paragraph(
                text.text(
                    Message.peopleIntro,
                    [
                        "cycle": loaded.cycle.settings.name,
                        "share": cell.shareOnTarget.map(text.percent) ?? "–",
                        "gap": text.decimal(cell.meanGap ?? 0, fractionDigits: 1),
                    ]))
            List(members) { id in
                ListItem {
                    Link(names[id] ?? id.lowercasedString, url: SitePath.personDashboard.url(id))
                }
            }
            Paragraph { Link(text.text(Message.back), url: SitePath.groupAnalytics.url() + query(loaded, choice)) }
        }
    }
}

enum GroupDashboardMessage: String, MessageKey, CaseIterable {
    case title = "groups.title"
    case intro = "groups.intro"
    case noCycle = "groups.noCycle"
    case cycle = "groups.cycle"
    case groupBy = "groups.groupBy"
    case measure = "groups.measure"
    case shareMeasure = "groups.shareMeasure"
    case gapMeasure = "groups.gapMeasure"
    case show = "groups.show"
    case team = "groups.team"
    case location = "groups.location"
    case supervisor = "groups.supervisor"
    case tenure = "groups.tenure"
    case customer = "groups.customer"
    case everyone = "groups.everyone"
    case withheld = "groups.withheld"
    case heatmapTitle = "groups.heatmapTitle"
    case shareDefinition = "groups.shareDefinition"
    case gapDefinition = "groups.gapDefinition"
    case withheldDefinition = "groups.withheldDefinition"
    case tableCaption = "groups.tableCaption"
    case tableHint = "groups.tableHint"
    case cellLink = "groups.cellLink"
    case csv = "groups.csv"
    case distributionTitle = "groups.distributionTitle"
    case distributionDefinition = "groups.distributionDefinition"
    case distributionWithheld = "groups.distributionWithheld"
    case distributionCaption = "groups.distributionCaption"
    case expertChart = "groups.expertChart"
    case competency = "groups.competency"
    case expertShare = "groups.expertShare"
    case againstGuideline = "groups.againstGuideline"
    case belowGuideline = "groups.belowGuideline"
    case withinGuideline = "groups.withinGuideline"
    case aboveGuideline = "groups.aboveGuideline"
    case gapsTitle = "groups.gapsTitle"
    case gapsDefinition = "groups.gapsDefinition"
    case noGaps = "groups.noGaps"
    case gapLine = "groups.gapLine"
    case noSession = "groups.noSession"
    case sessionLine = "groups.sessionLine"
    case planSession = "groups.planSession"
    case peopleTitle = "groups.peopleTitle"
    case peopleIntro = "groups.peopleIntro"
    case back = "groups.back"

    init(_ dimension: GroupDimension) {
        switch dimension {
        case .team: self = .team
        case .location: self = .location
        case .supervisor: self = .supervisor
        case .tenure: self = .tenure
        case .customer: self = .customer
        }
    }
}
