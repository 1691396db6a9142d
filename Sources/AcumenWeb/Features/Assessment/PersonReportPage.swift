import AcumenCore
import Foundation
import Plot

/// An account manager's results in one cycle, within the anonymity rules.
enum PersonReportPage {
    static func title(subject: CycleSubject, cycle: AssessmentCycle) -> String {
        "\(subject.name): \(cycle.name)"
    }

    /// The page around an already rendered report.
    static func page(title: String, content html: String, context: PageContext) -> HTMLPage {
        Layout.page(title, context: context) { Node<HTML.BodyContext>.raw(html) }
    }

    /// The report itself as HTML, the same for every reader, so that it can be kept and reused
    /// until a response changes.
    static func content(_ loaded: ReportsController.LoadedReport) -> String {
        let report = loaded.report
        let levels = loaded.framework.levels
        let title = title(subject: loaded.subject, cycle: loaded.cycle)
        let adjusted = loaded.cycle.showsAdjustedScores
        return Div {
            H1(title)
            Paragraph(
                "Levels are shown on a scale of 1 to \(levels.count): "
                    + levels.names.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
                    + ". Customers answer from 1 (Never) to 5 (Always). "
                    + (loaded.profile.map { "Targets come from the role profile \"\($0.name)\"." }
                        ?? "No role profile matches this job title, so no targets are shown.")
            ).class("hint")
            summary(loaded)
            H2("Who answered")
            List(RaterSource.allCases) { source in
                ListItem { Text(groupSentence(source, plan: report.plan, rules: loaded.cycle.settings.rules)) }
            }
            if !report.plan.otherRaters.isEmpty {
                Paragraph(
                    "All other raters: \(report.plan.otherRatersResponses) responses from "
                        + report.plan.otherRaters.map { $0.label.lowercased() }.joined(separator: " and ")
                        + ", shown together as a share of each scale (0 % lowest, 100 % highest).")
            }
            H2("Self, others and target")
            Div {
                Node<HTML.BodyContext>.raw(radar(loaded).svg())
            }.class("chart")
            Paragraph("Solid: others · Dashed: self · Dotted: target. The table below has the same numbers.").class(
                "hint")
            DataTable.text(
                caption: "Results by competency",
                headings: [
                    "Competency", "Target", "Self", "Supervisor", "Peers", "Customers (1–5)", "All other raters",
                    "Gap", "Spread of others", "Self and others",
                ] + (adjusted ? ["Supervisor, adjusted", "Peers, adjusted"] : []),
                rows: report.rows.map { resultRow($0, loaded: loaded, adjusted: adjusted) })
            if !report.uncalibrated.isEmpty {
                Paragraph(uncalibratedSentence(report)).class("hint")
            }
            if adjusted {
                Paragraph(
                    "Adjusted levels take off each rater's average leniency (or add back their severity) as measured in their last calibration exercise; raters never calibrated are counted as they rated."
                ).class("hint")
            }
            if !report.questions.isEmpty {
                H2("Customer questionnaire")
                DataTable.text(
                    caption: "Customer answers by question",
                    headings: ["Question", "Answers", "Mean (1–5)", "Don't know"] + FrequencyAnswer.scale.map(\.label),
                    rows: report.questions.map { result in
                        let text = loaded.questionnaire.questions.first { $0.code == result.questionCode }?.text ?? ""
                        return [
                            "\(result.questionCode): \(text)", "\(result.responses)",
                            result.mean.map { format($0) } ?? "–", "\(result.dontKnow)",
                        ] + FrequencyAnswer.scale.map { "\(result.counts[$0] ?? 0)" }
                    })
            }
            if !report.withheldQuestions.isEmpty {
                Paragraph(
                    "Withheld: \(report.withheldQuestions.joined(separator: ", ")). Too few customers could answer \(report.withheldQuestions.count == 1 ? "this question" : "these questions") on the scale for the answers to stay anonymous; \(report.withheldQuestions.count == 1 ? "it is" : "they are") left out of the means above too."
                ).class("hint")
            }
            H2("Comments")
            let commented = loaded.framework.competencies.filter {
                !(report.commentsByCompetency[$0.code] ?? []).isEmpty
            }
            if commented.isEmpty {
                Paragraph("No comments can be shown.")
            }
            comments(commented, report: report)
        }.render()
    }

    /// Written as nodes: with a dozen raters there are a few hundred comments.
    private static func comments(_ competencies: [CompetencyContent], report: PersonReport) -> Node<HTML.BodyContext> {
        .forEach(competencies) { competency in
            .group(
                .h3(.text("\(competency.code) \(competency.title)")),
                .forEach(report.commentsByCompetency[competency.code] ?? []) { group in
                    .group(.p(.class("meta"), .text(group.label)), .ul(.forEach(group.comments) { .li(.text($0)) }))
                })
        }
    }

    /// The report in a few lines, first, so that a phone shows what matters before the wide
    /// table: where others see strength, where the gaps are, and blind spots.
    private static func summary(_ loaded: ReportsController.LoadedReport) -> Component {
        let glance = ReportGlance(report: loaded.report, previous: nil)
        let titles = Dictionary(
            loaded.framework.competencies.map { ($0.code, "\($0.code) \($0.title)") },
            uniquingKeysWith: { first, _ in first })
        let names = { (codes: [String]) in codes.map { titles[$0] ?? $0 }.joined(separator: "; ") }
        let rows = loaded.report.rows.map(\.competency)
        let blindSpots = rows.filter { $0.selfOtherGap == .blindSpot }.map(\.competencyCode)
        let hidden = rows.filter { $0.selfOtherGap == .hiddenStrength }.map(\.competencyCode)
        return Div {
            H2("In short")
            Tag("dl") {
                Tag("dt") { Text("Strongest as others see it") }
                Tag("dd") { Text(glance.strengths.isEmpty ? "None stands out yet." : names(glance.strengths)) }
                Tag("dt") { Text(loaded.profile == nil ? "Lowest as others see it" : "Furthest below target") }
                Tag("dd") {
                    Text(glance.developmentAreas.isEmpty ? "Nothing is below target." : names(glance.developmentAreas))
                }
                Tag("dt") { Text("Blind spots (self above others)") }
                Tag("dd") { Text(blindSpots.isEmpty ? "None." : names(blindSpots)) }
                Tag("dt") { Text("Underrated strengths (self below others)") }
                Tag("dd") { Text(hidden.isEmpty ? "None." : names(hidden)) }
            }.class("facts summary")
        }
    }

    static func radar(_ loaded: ReportsController.LoadedReport) -> RadarChart {
        let rows = loaded.report.rows.map(\.competency)
        return RadarChart(
            title: "\(loaded.subject.name): self, others and target",
            spokes: rows.map(\.competencyCode), maximum: Double(max(1, loaded.framework.levels.count - 1)),
            rings: loaded.framework.levels.names,
            series: [
                .init(name: "Others", values: rows.map { $0.others?.mean }, style: "series-others"),
                .init(name: "Self", values: rows.map { $0.bySource[.self]?.mean }, style: "series-self"),
                .init(name: "Target", values: rows.map { $0.target.map(Double.init) }, style: "series-target"),
            ])
    }

    /// Anonymous groups that are not shown on their own are described without their number:
    /// "none" beside "two" would tell readers who know the raters who answered.
    private static func groupSentence(_ source: RaterSource, plan: DisclosurePlan, rules: AnonymityRules) -> String {
        guard let group = plan.groups.first(where: { $0.source == source }) else {
            return source.isAnonymous ? "\(source.label): not asked in this cycle." : "\(source.label): no responses."
        }
        let count = "\(group.responses) response\(group.responses == 1 ? "" : "s")"
        switch group.decision {
        case .shown: return "\(source.label): \(count), shown."
        case .rolledUp:
            return
                "\(source.label): fewer than \(rules.minimum(for: source)) answered, so they are shown only within all other raters."
        case .withheld:
            return
                "\(source.label): withheld to keep them anonymous (fewer than \(rules.minimum(for: source)) answered, or showing them would single out a smaller group)."
        case .afterClose:
            return
                "\(source.label): shown once the cycle has closed (nothing about them, not even how many answered, is shown while raters are still answering)."
        }
    }

    private static func resultRow(
        _ row: PersonReport.Row, loaded: ReportsController.LoadedReport, adjusted: Bool
    ) -> [String] {
        let report = loaded.report
        let result = row.competency
        let title = loaded.framework.competencies.first { $0.code == result.competencyCode }?.title ?? ""
        let spread: String =
            result.others.map {
                "\(format($0.minimum + 1))–\(format($0.maximum + 1)), sd \(format($0.standardDeviation))"
            } ?? "–"
        var cells: [String] = [
            "\(result.competencyCode) \(title)", result.target.map { "\($0 + 1)" } ?? "–",
            level(result.bySource[.self]),
            marked(result.bySource[.supervisor], .supervisor, report),
            marked(result.bySource[.peer], .peer, report),
            row.customerMean.map { format($0) } ?? "–",
            row.otherRatersShare.map(Percent.text) ?? "–", gapText(result.gap), spread,
            gapLabel(result.selfOtherGap),
        ]
        if adjusted {
            cells.append(row.adjusted[.supervisor].map { format($0 + 1) } ?? "–")
            cells.append(row.adjusted[.peer].map { format($0 + 1) } ?? "–")
        }
        return cells
    }

    /// A source's level, marked when its ratings include some from raters not calibrated when
    /// they rated (a competency nobody rated has nothing to mark).
    private static func marked(_ spread: Spread?, _ source: RaterSource, _ report: PersonReport) -> String {
        guard spread != nil, report.uncalibrated[source] != nil else { return level(spread) }
        return level(spread) + " †"
    }

    private static func uncalibratedSentence(_ report: PersonReport) -> String {
        let parts = [RaterSource.supervisor, .peer].compactMap { source -> String? in
            guard let count = report.uncalibrated[source],
                let group = report.plan.groups.first(where: { $0.source == source })
            else { return nil }
            return "\(source.label.lowercased()): \(count) of \(group.responses)"
        }
        return "† Includes ratings from raters who were not calibrated when they rated ("
            + parts.joined(separator: "; ") + ")."
    }

    private static func gapText(_ gap: Double?) -> String {
        guard let gap else { return "–" }
        return switch CompetencyGap.standing(of: gap) {
        case .below: "\(format(gap)) below"
        case .above: "\(format(-gap)) above"
        case .onTarget: "on target"
        }
    }

    private static func level(_ spread: Spread?) -> String {
        spread.map { format($0.mean + 1) } ?? "–"
    }

    private static func gapLabel(_ gap: SelfOtherGap?) -> String {
        switch gap {
        case .blindSpot: "Blind spot: self rates higher"
        case .hiddenStrength: "Hidden strength: self rates lower"
        case .aligned: "Aligned"
        case nil: "–"
        }
    }

    static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
