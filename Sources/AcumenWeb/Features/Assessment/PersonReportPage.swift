import AcumenCore
import Foundation
import Plot

/// An account manager's results in one cycle, within the anonymity rules, in the reader's
/// language: the framework's texts and the questions as translated, the rest from the catalogue.
enum PersonReportPage {
    static func title(subject: CycleSubject, cycle: AssessmentCycle, text: Localizer) -> String {
        text.text(ReportMessage.title, ["subject": subject.name, "cycle": cycle.name])
    }

    /// The page around an already rendered report.
    static func page(title: String, content html: String, context: PageContext) -> HTMLPage {
        Layout.page(title, context: context) { Node<HTML.BodyContext>.raw(html) }
    }

    /// The report itself as HTML, the same for every reader of one language, so that it can be
    /// kept and reused until a response changes.
    static func content(_ loaded: ReportsController.LoadedReport, text: Localizer) -> String {
        let report = loaded.report
        let framework = loaded.framework
        let levels = framework.levels
        let adjusted = loaded.cycle.showsAdjustedScores
        let levelNames = levels.names.indices.map {
            "\(text.integer($0 + 1)) \(framework.text(.level($0), in: text.language).text)"
        }
        return Div {
            H1(title(subject: loaded.subject, cycle: loaded.cycle, text: text))
            Paragraph(
                text.text(ReportMessage.scale, ["count": text.integer(levels.count), "levels": text.list(levelNames)])
                    + " "
                    + (loaded.profile.map { text.text(ReportMessage.profile, ["profile": $0.name]) }
                        ?? text.text(ReportMessage.noProfile))
            ).class("hint")
            // The report shows the framework's titles and the questions: say so when some of
            // them are not in the reader's language.
            if !framework.translatesTitles(into: text.language)
                || !loaded.questionnaire.completeLanguages.contains(text.language)
            {
                Paragraph(
                    text.text(
                        ReportMessage.untranslated,
                        [
                            "language": text.name(of: ContentLanguage(text.language)),
                            "original": text.name(of: framework.language),
                        ])
                ).class("notice")
            }
            summary(loaded, text: text)
            H2(text.text(ReportMessage.whoAnswered))
            List(RaterSource.allCases) { source in
                ListItem {
                    Text(groupSentence(source, plan: report.plan, rules: loaded.cycle.settings.rules, text: text))
                }
            }
            if !report.plan.otherRaters.isEmpty {
                Paragraph(
                    text.text(
                        ReportMessage.otherRaters, count: report.plan.otherRatersResponses,
                        ["sources": text.list(report.plan.otherRaters.map { sourceName($0, text: text) })]))
            }
            H2(text.text(ReportMessage.chartHeading))
            Div {
                Node<HTML.BodyContext>.raw(radar(loaded, text: text).svg())
            }.class("chart")
            Paragraph(text.text(ReportMessage.legend)).class("hint")
            DataTable.text(
                caption: text.text(ReportMessage.caption),
                headings: [
                    ReportMessage.competencyColumn, .targetColumn, .selfColumn, .supervisorColumn, .peersColumn,
                    .customersColumn, .otherRatersColumn, .gapColumn, .spreadColumn, .selfOthersColumn,
                ].map { text.text($0) }
                    + (adjusted
                        ? [text.text(ReportMessage.supervisorAdjusted), text.text(ReportMessage.peersAdjusted)] : []),
                rows: report.rows.map { resultRow($0, loaded: loaded, adjusted: adjusted, text: text) })
            if !report.uncalibrated.isEmpty {
                Paragraph(uncalibratedSentence(report, text: text)).class("hint")
            }
            if adjusted {
                Paragraph(text.text(ReportMessage.adjusted)).class("hint")
            }
            if !report.questions.isEmpty {
                H2(text.text(ReportMessage.questionnaire))
                DataTable.text(
                    caption: text.text(ReportMessage.questionsCaption),
                    headings: [
                        text.text(ReportMessage.questionColumn), text.text(ReportMessage.answersColumn),
                        text.text(ReportMessage.meanColumn), FrequencyAnswer.dontKnow.label(in: text),
                    ] + FrequencyAnswer.scale.map { $0.label(in: text) },
                    rows: report.questions.map { result in
                        let question = loaded.questionnaire.questions.first { $0.code == result.questionCode }
                        let wording =
                            question?.text(in: text.language, original: loaded.questionnaire.language).text ?? ""
                        return [
                            "\(result.questionCode): \(wording)", text.integer(result.responses),
                            result.mean.map { format($0, text) } ?? "–", text.integer(result.dontKnow),
                        ] + FrequencyAnswer.scale.map { text.integer(result.counts[$0] ?? 0) }
                    })
            }
            if !report.withheldQuestions.isEmpty {
                Paragraph(
                    text.text(
                        ReportMessage.withheldQuestions, count: report.withheldQuestions.count,
                        ["questions": text.list(report.withheldQuestions)])
                ).class("hint")
            }
            H2(text.text(ReportMessage.comments))
            let commented = framework.competencies.filter {
                !(report.commentsByCompetency[$0.code] ?? []).isEmpty
            }
            if commented.isEmpty {
                Paragraph(text.text(ReportMessage.noComments))
            }
            comments(commented, report: report, framework: framework, text: text)
        }.render()
    }

    /// Written as nodes: with a dozen raters there are a few hundred comments, which stay as
    /// their authors wrote them, in whatever language.
    private static func comments(
        _ competencies: [CompetencyContent], report: PersonReport, framework: FrameworkContent, text: Localizer
    ) -> Node<HTML.BodyContext> {
        .forEach(competencies) { competency in
            .group(
                .h3(.text("\(competency.code) \(title(competency.code, framework, text))")),
                .forEach(report.commentsByCompetency[competency.code] ?? []) { group in
                    .group(
                        .p(
                            .class("meta"),
                            .text(
                                group.source.map { sourceName($0, text: text) }
                                    ?? text.text(ReportMessage.otherRatersColumn))),
                        .ul(.forEach(group.comments) { .li(.text($0)) }))
                })
        }
    }

    private static func title(_ code: String, _ framework: FrameworkContent, _ text: Localizer) -> String {
        framework.original(.competencyTitle(code)) == nil
            ? "" : framework.text(.competencyTitle(code), in: text.language).text
    }

    /// The report in a few lines, first, so that a phone shows what matters before the wide
    /// table: where others see strength, where the gaps are, and blind spots.
    private static func summary(_ loaded: ReportsController.LoadedReport, text: Localizer) -> Component {
        let glance = ReportGlance(report: loaded.report, previous: nil)
        let framework = loaded.framework
        let names = { (codes: [String]) in
            codes.map { "\($0) \(title($0, framework, text))" }.joined(separator: "; ")
        }
        let rows = loaded.report.rows.map(\.competency)
        let blindSpots = rows.filter { $0.selfOtherGap == .blindSpot }.map(\.competencyCode)
        let hidden = rows.filter { $0.selfOtherGap == .hiddenStrength }.map(\.competencyCode)
        let none = text.text(ReportMessage.none)
        return Div {
            H2(text.text(ReportMessage.inShort))
            Tag("dl") {
                Tag("dt") { Text(text.text(ReportMessage.strongest)) }
                Tag("dd") {
                    Text(glance.strengths.isEmpty ? text.text(ReportMessage.strongestNone) : names(glance.strengths))
                }
                Tag("dt") {
                    Text(text.text(loaded.profile == nil ? ReportMessage.lowest : ReportMessage.belowTarget))
                }
                Tag("dd") {
                    Text(
                        glance.developmentAreas.isEmpty
                            ? text.text(ReportMessage.belowNone) : names(glance.developmentAreas))
                }
                Tag("dt") { Text(text.text(ReportMessage.blindSpots)) }
                Tag("dd") { Text(blindSpots.isEmpty ? none : names(blindSpots)) }
                Tag("dt") { Text(text.text(ReportMessage.hidden)) }
                Tag("dd") { Text(hidden.isEmpty ? none : names(hidden)) }
            }.class("facts summary")
        }
    }

    static func radar(_ loaded: ReportsController.LoadedReport, text: Localizer = Localizer(.english)) -> RadarChart {
        let rows = loaded.report.rows.map(\.competency)
        let framework = loaded.framework
        return RadarChart(
            title: text.text(ReportMessage.radarTitle, ["subject": loaded.subject.name]),
            spokes: rows.map(\.competencyCode), maximum: Double(max(1, framework.levels.count - 1)),
            rings: framework.levels.names.indices.map { framework.text(.level($0), in: text.language).text },
            series: [
                .init(
                    name: text.text(ReportMessage.seriesOthers), values: rows.map { $0.others?.mean },
                    style: "series-others"),
                .init(
                    name: text.text(ReportMessage.seriesSelf), values: rows.map { $0.bySource[.self]?.mean },
                    style: "series-self"),
                .init(
                    name: text.text(ReportMessage.seriesTarget), values: rows.map { $0.target.map(Double.init) },
                    style: "series-target"),
            ], noValue: text.text(ReportMessage.noValue))
    }

    /// Keys are `source.` and the source's raw value; `MessageKeyTests` holds every source.
    static func sourceName(_ source: RaterSource, text: Localizer) -> String {
        text.text(ReportMessage(rawValue: "source.\(source.rawValue)")!)
    }

    /// Anonymous groups that are not shown on their own are described without their number:
    /// "none" beside "two" would tell readers who know the raters who answered.
    private static func groupSentence(
        _ source: RaterSource, plan: DisclosurePlan, rules: AnonymityRules, text: Localizer
    ) -> String {
        let name = ["source": sourceName(source, text: text)]
        guard let group = plan.groups.first(where: { $0.source == source }) else {
            return text.text(source.isAnonymous ? ReportMessage.groupNotAsked : ReportMessage.groupNoResponses, name)
        }
        let minimum = name.merging(["minimum": text.integer(rules.minimum(for: source))]) { $1 }
        switch group.decision {
        case .shown: return text.text(ReportMessage.groupShown, count: group.responses, name)
        case .rolledUp: return text.text(ReportMessage.groupRolledUp, minimum)
        case .withheld: return text.text(ReportMessage.groupWithheld, minimum)
        case .afterClose: return text.text(ReportMessage.groupAfterClose, name)
        }
    }

    private static func resultRow(
        _ row: PersonReport.Row, loaded: ReportsController.LoadedReport, adjusted: Bool, text: Localizer
    ) -> [String] {
        let report = loaded.report
        let result = row.competency
        let spread: String =
            result.others.map {
                text.text(
                    ReportMessage.spread,
                    [
                        "min": format($0.minimum + 1, text), "max": format($0.maximum + 1, text),
                        "sd": format($0.standardDeviation, text),
                    ])
            } ?? "–"
        var cells: [String] = [
            "\(result.competencyCode) \(title(result.competencyCode, loaded.framework, text))",
            result.target.map { text.integer($0 + 1) } ?? "–",
            level(result.bySource[.self], text),
            marked(result.bySource[.supervisor], .supervisor, report, text),
            marked(result.bySource[.peer], .peer, report, text),
            row.customerMean.map { format($0, text) } ?? "–",
            row.otherRatersShare.map { text.percent($0) } ?? "–", gapText(result.gap, text), spread,
            gapLabel(result.selfOtherGap, text),
        ]
        if adjusted {
            cells.append(row.adjusted[.supervisor].map { format($0 + 1, text) } ?? "–")
            cells.append(row.adjusted[.peer].map { format($0 + 1, text) } ?? "–")
        }
        return cells
    }

    /// A source's level, marked when its ratings include some from raters not calibrated when
    /// they rated (a competency nobody rated has nothing to mark).
    private static func marked(_ spread: Spread?, _ source: RaterSource, _ report: PersonReport, _ text: Localizer)
        -> String
    {
        guard spread != nil, report.uncalibrated[source] != nil else { return level(spread, text) }
        return level(spread, text) + " †"
    }

    private static func uncalibratedSentence(_ report: PersonReport, text: Localizer) -> String {
        let parts = [RaterSource.supervisor, .peer].compactMap { source -> String? in
            guard let count = report.uncalibrated[source],
                let group = report.plan.groups.first(where: { $0.source == source })
            else { return nil }
            return text.text(
                ReportMessage.uncalibratedPart,
                [
                    "source": sourceName(source, text: text), "count": text.integer(count),
                    "total": text.integer(group.responses),
                ])
        }
        return text.text(ReportMessage.uncalibrated, ["parts": parts.joined(separator: "; ")])
    }

    private static func gapText(_ gap: Double?, _ text: Localizer) -> String {
        guard let gap else { return "–" }
        return switch CompetencyGap.standing(of: gap) {
        case .below: text.text(ReportMessage.gapBelow, ["value": format(gap, text)])
        case .above: text.text(ReportMessage.gapAbove, ["value": format(-gap, text)])
        case .onTarget: text.text(ReportMessage.gapOnTarget)
        }
    }

    private static func level(_ spread: Spread?, _ text: Localizer) -> String {
        spread.map { format($0.mean + 1, text) } ?? "–"
    }

    private static func gapLabel(_ gap: SelfOtherGap?, _ text: Localizer) -> String {
        switch gap {
        case .blindSpot: text.text(ReportMessage.blindSpot)
        case .hiddenStrength: text.text(ReportMessage.hiddenStrength)
        case .aligned: text.text(ReportMessage.aligned)
        case nil: "–"
        }
    }

    /// One decimal, with the reader's decimal sign.
    static func format(_ value: Double, _ text: Localizer) -> String {
        text.decimal(value, fractionDigits: 1)
    }
}
