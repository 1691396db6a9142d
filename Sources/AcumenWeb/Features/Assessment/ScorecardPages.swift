import AcumenCore
import Plot

enum ScorecardListPage {
    static func render(scorecards: [Scorecard], frameworks: [FrameworkSummary], context: PageContext) -> HTMLPage {
        Layout.page("Interview scorecards", context: context) {
            H1("Interview scorecards")
            Paragraph(
                "Rate candidate account managers during an interview on the same competencies as the annual review, and compare them side by side."
            )
            if scorecards.isEmpty {
                Paragraph("No scorecards yet.")
            } else {
                List(scorecards) { card in
                    ListItem {
                        Link(card.title, url: SitePath.scorecard.url(card.id))
                        Text(" · \(card.candidates.joined(separator: ", ")) · \(card.createdOn?.description ?? "")")
                    }
                }
            }
            H2("New scorecard")
            Form(
                url: SitePath.scorecards.url(), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(label: "Interview", name: "title", required: true, maxLength: TextLimits.name)
                    SelectField(
                        label: "Framework", name: "frameworkID",
                        choices: frameworks.map {
                            .init(value: $0.id.uuidString, label: "\($0.name), version \($0.version)")
                        })
                    AreaField(
                        label: "Candidates", name: "candidates", rows: 4,
                        hint: "One name per line, up to \(Scorecard.maximumCandidates).", required: true)
                    SubmitButton(title: "Create the scorecard")
                })
        }
    }
}

enum ScorecardPage {
    static func render(_ loaded: ScorecardsController.Loaded, context: PageContext) -> HTMLPage {
        let card = loaded.scorecard
        let levels = loaded.framework.levels
        return Layout.page(card.title, context: context, scripts: [RaterFormScript.path]) {
            H1(card.title)
            Paragraph(
                "Choose the level each candidate showed on each competency; leave \"Not seen\" where the interview did not show it. Changes are saved as you go."
            ).class("hint")
            Form(
                url: SitePath.scorecard.url(card.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    DataTable(
                        caption: "Candidates side by side",
                        headings: ["Competency"] + card.candidates,
                        rows: loaded.framework.competencies.map { competency in
                            [Text("\(competency.code) \(competency.title)")]
                                + card.candidates.indices.map { candidate in
                                    levelSelect(
                                        candidate: candidate, name: card.candidates[candidate],
                                        competency: competency, levels: levels,
                                        selected: card.levels[candidate]?[competency.code], enabled: loaded.canEdit)
                                }
                        } + [summaryRow(card, levels: levels, competencies: loaded.framework.competencies)])
                    for (candidate, name) in card.candidates.enumerated() {
                        AreaField(
                            label: "Notes on \(name)", name: "note:\(candidate)",
                            value: card.notes[candidate]?[""] ?? "", rows: 2)
                    }
                    Paragraph().id("save-status").class("save-status").attribute(named: "aria-live", value: "polite")
                    if loaded.canEdit { SubmitButton(title: "Save the scorecard") }
                }
            ).attribute(named: "data-autosave", value: loaded.canEdit ? SitePath.scorecardAutosave.url(card.id) : nil)
        }
    }

    private static func levelSelect(
        candidate: Int, name: String, competency: CompetencyContent, levels: LevelScale, selected: Int?,
        enabled: Bool
    ) -> Component {
        let options: [(String, String)] =
            [("", "Not seen")] + levels.names.enumerated().map { ("\($0.offset)", $0.element) }
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
    private static func summaryRow(_ card: Scorecard, levels: LevelScale, competencies: [CompetencyContent])
        -> [Component]
    {
        [Text("Mean level (competencies seen)")]
            + card.candidates.indices.map { candidate in
                let seen = competencies.compactMap { card.levels[candidate]?[$0.code] }
                guard !seen.isEmpty else { return Text("–") }
                let mean = Double(seen.reduce(0, +)) / Double(seen.count) + 1
                return Text("\(PersonReportPage.format(mean)) (\(seen.count) of \(competencies.count))")
            }
    }
}
