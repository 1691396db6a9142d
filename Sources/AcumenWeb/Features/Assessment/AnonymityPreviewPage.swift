import AcumenCore
import Plot

/// Before release: which groups and slices would be shown, rolled up or withheld.
enum AnonymityPreviewPage {
    static func render(cycle: AssessmentCycle, disclosure: CycleDisclosure, context: PageContext) -> HTMLPage {
        let rules = cycle.settings.rules
        guard disclosure.isSettled else { return collecting(cycle: cycle, disclosure: disclosure, context: context) }
        return Layout.page("Anonymity preview: \(cycle.name)", context: context) {
            H1("Anonymity preview")
            Paragraph {
                Text(
                    "Peers need \(rules.minimumPeers) responses, customers \(rules.minimumCustomers), comments \(rules.minimumForComments). Smaller groups are combined into \"all other raters\" when that combined group is large enough, and withheld otherwise. "
                )
                Link("Back to \(cycle.name)", url: SitePath.cycle.url(cycle.id))
            }
            H2("Individual reports")
            DataTable(
                caption: "What each report shows, by source",
                headings: ["Account manager"] + RaterSource.allCases.map(\.label) + ["Comments"],
                rows: disclosure.subjects.map { entry in
                    [Text(entry.subject.name)]
                        + RaterSource.allCases.map { source -> Component in
                            guard let group = entry.plan.groups.first(where: { $0.source == source }) else {
                                return Text("No responses")
                            }
                            return Text("\(group.responses): \(label(group.decision))")
                        }
                        + [Text(commentSummary(entry.plan))]
                })
            H2("Customer results by slice")
            Paragraph(
                "Anyone querying customer results (on pages or through the API) gets only the slices listed here. Every other slice by team, location, account or a pair of these is withheld: fewer customers than the minimum answered in it, or together with the shown slices it would let someone work out the answers of a smaller group. Which of the two is not said, since even that would tell whether somebody in the slice answered."
            ).class("hint")
            let shown = disclosure.gate.catalog.permitted.filter { !$0.filters.keys.contains("subject") }
            if shown.isEmpty {
                Paragraph("No slice of customer results can be shown.")
            } else {
                DataTable(
                    caption: "Customer slices that can be shown",
                    headings: ["Slice"],
                    rows: shown.map { [Text($0.description)] })
            }
        }
    }

    /// While raters answer, only how far each group has got: the catalogue of customer slices
    /// is worked out once, when the cycle closes, from responses that can no longer change.
    private static func collecting(cycle: AssessmentCycle, disclosure: CycleDisclosure, context: PageContext)
        -> HTMLPage
    {
        let rules = cycle.settings.rules
        let sources = RaterSource.allCases.filter { cycle.settings.sources.contains($0) }
        return Layout.page("Anonymity preview: \(cycle.name)", context: context) {
            H1("Anonymity preview")
            Paragraph {
                Text(
                    "The cycle is still collecting answers, so nothing about peers or customers is shown yet, not even how many have answered: only whether each group has reached its minimum (peers \(rules.minimumPeers), customers \(rules.minimumCustomers)). What each report and customer slice will show is worked out when the cycle closes. "
                )
                Link("Back to \(cycle.name)", url: SitePath.cycle.url(cycle.id))
            }
            DataTable(
                caption: "How far each account manager's raters have got",
                headings: ["Account manager"] + sources.map(\.label),
                rows: disclosure.subjects.map { entry in
                    [Text(entry.subject.name)]
                        + sources.map { source -> Component in
                            Text((entry.progress[source] ?? .belowMinimum).text)
                        }
                })
        }
    }

    private static func label(_ decision: DisclosurePlan.Decision) -> String {
        switch decision {
        case .shown: "shown"
        case .rolledUp: "in all other raters"
        case .withheld: "withheld"
        case .afterClose: "shown after close"
        }
    }

    private static func commentSummary(_ plan: DisclosurePlan) -> String {
        let shown = plan.groups.filter { $0.decision == .shown && $0.showsComments }.map(\.source.label)
        var parts = shown
        if plan.otherRatersShowComments { parts.append("all other raters") }
        return parts.isEmpty ? "none shown" : parts.joined(separator: ", ")
    }
}
