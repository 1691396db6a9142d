import AcumenCore
import Plot

enum ScorecardListPage {
    static func render(scorecards: [Scorecard], frameworks: [FrameworkSummary], context: PageContext) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(ScorecardMessage.title), context: context) {
            H1(text.text(ScorecardMessage.title))
            Paragraph(text.text(ScorecardMessage.intro))
            if scorecards.isEmpty {
                Paragraph(text.text(ScorecardMessage.none))
            } else {
                List(scorecards) { card in
                    ListItem {
                        Link(card.title, url: SitePath.scorecard.url(card.id))
                        Text(" · \(text.list(card.candidates)) · \(card.createdOn.map(text.date) ?? "")")
                    }
                }
            }
            H2(text.text(ScorecardMessage.newHeading))
            Form(
                url: SitePath.scorecards.url(), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(
                        label: text.text(ScorecardMessage.interview), name: "title", required: true,
                        maxLength: TextLimits.name)
                    SelectField(
                        label: text.text(FrameworkMessage.frameworkColumn), name: "frameworkID",
                        choices: frameworks.map {
                            .init(
                                value: $0.id.uuidString,
                                label: text.text(
                                    FrameworkMessage.pageTitle, ["name": $0.name, "version": text.integer($0.version)]))
                        })
                    AreaField(
                        label: text.text(ScorecardMessage.candidates), name: "candidates", rows: 4,
                        hint: text.text(
                            ScorecardMessage.candidatesHint, ["maximum": text.integer(Scorecard.maximumCandidates)]),
                        required: true)
                    SubmitButton(title: text.text(ScorecardMessage.create))
                })
        }
    }
}

enum ScorecardPage {
    static func render(_ loaded: ScorecardsController.Loaded, context: PageContext) -> HTMLPage {
        let card = loaded.scorecard
        let levels = loaded.framework.levels
        let text = context.localizer
        return Layout.page(card.title, context: context, scripts: [RaterFormScript.path]) {
            H1(card.title)
            Paragraph(text.text(ScorecardMessage.howTo, ["notSeen": text.text(ScorecardMessage.notSeen)])).class("hint")
            Form(
                url: SitePath.scorecard.url(card.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    DataTable(
                        caption: text.text(ScorecardMessage.caption),
                        headings: [text.text(ScorecardMessage.competency)] + card.candidates,
                        rows: loaded.framework.competencies.map { competency in
                            [Text("\(competency.code) \(competency.title)")]
                                + card.candidates.indices.map { candidate in
                                    levelSelect(
                                        candidate: candidate, name: card.candidates[candidate],
                                        competency: competency, levels: levels,
                                        selected: card.levels[candidate]?[competency.code], enabled: loaded.canEdit,
                                        text: text)
                                }
                        } + [summaryRow(card, competencies: loaded.framework.competencies, text: text)])
                    for (candidate, name) in card.candidates.enumerated() {
                        AreaField(
                            label: text.text(ScorecardMessage.notes, ["candidate": name]), name: "note:\(candidate)",
                            value: card.notes[candidate]?[""] ?? "", rows: 2)
                    }
                    Paragraph().id("save-status").class("save-status").attribute(named: "aria-live", value: "polite")
                    if loaded.canEdit { SubmitButton(title: text.text(ScorecardMessage.save)) }
                }
            ).attribute(named: "data-autosave", value: loaded.canEdit ? SitePath.scorecardAutosave.url(card.id) : nil)
        }
    }

    private static func levelSelect(
        candidate: Int, name: String, competency: CompetencyContent, levels: LevelScale, selected: Int?,
        enabled: Bool, text: Localizer
    ) -> Component {
        let options: [(String, String)] =
            [("", text.text(ScorecardMessage.notSeen))] + levels.names.enumerated().map { ("\($0.offset)", $0.element) }
        return Node<HTML.BodyContext>.element(
            named: "select",
            nodes: [
                .attribute(named: "name", value: "level:\(candidate):\(competency.code)"),
                .attribute(named: "aria-label", value: "\(name), \(competency.code) \(competency.title)"),
                enabled ? .empty : .attribute(named: "disabled", value: "disabled"),
            ]
                + options.map { value, label in
                    .element(
                        named: "option",
                        nodes: [
                            .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
                            value == (selected.map(String.init) ?? "")
                                ? .attribute(named: "selected", value: "selected") : .empty,
                            .text(label),
                        ])
                })
    }

    /// Mean level (1 = lowest) over the competencies seen, and how many were seen.
    private static func summaryRow(_ card: Scorecard, competencies: [CompetencyContent], text: Localizer)
        -> [Component]
    {
        [Text(text.text(ScorecardMessage.mean))]
            + card.candidates.indices.map { candidate in
                let seen = competencies.compactMap { card.levels[candidate]?[$0.code] }
                guard !seen.isEmpty else { return Text("–") }
                let mean = Double(seen.reduce(0, +)) / Double(seen.count) + 1
                return Text(
                    text.text(
                        ScorecardMessage.meanValue,
                        [
                            "mean": PersonReportPage.format(mean, text), "seen": text.integer(seen.count),
                            "total": text.integer(competencies.count),
                        ]))
            }
    }
}

/// The words of interview scorecards (English for now).
enum ScorecardMessage: String, MessageKey, CaseIterable {
    case title = "scorecard.title"
    case intro = "scorecard.intro"
    case none = "scorecard.none"
    case newHeading = "scorecard.newHeading"
    case interview = "scorecard.interview"
    case candidates = "scorecard.candidates"
    case candidatesHint = "scorecard.candidatesHint"
    case create = "scorecard.create"
    case howTo = "scorecard.howTo"
    case notSeen = "scorecard.notSeen"
    case caption = "scorecard.caption"
    case competency = "scorecard.competency"
    case notes = "scorecard.notes"
    case save = "scorecard.save"
    case mean = "scorecard.mean"
    case meanValue = "scorecard.meanValue"
    case saved = "scorecard.saved"
}
