import AcumenCore
import AcumenStore
import Plot
import Vapor

/// Before release: which groups and slices would be shown, rolled up or withheld.
enum AnonymityPreviewPage {
    static func render(cycle: AssessmentCycle, preview: AnonymityPreview, context: PageContext) -> Response {
        let rules = cycle.settings.rules
        return Layout.page("Anonymity preview: \(cycle.name)", context: context) {
            H1("Anonymity preview")
            Paragraph {
                Text(
                    "Peers need \(rules.minimumPeers) responses, customers \(rules.minimumCustomers), comments \(rules.minimumForComments). Smaller groups are combined into \"all other raters\" when that combined group is large enough, and withheld otherwise. "
                )
                Link("Back to \(cycle.name)", url: "/cycles/\(cycle.id)")
            }
            H2("Individual reports")
            DataTable(
                caption: "What each report shows, by source",
                headings: ["Account manager"] + RaterSource.allCases.map(\.label) + ["Comments"],
                rows: preview.subjects.map { entry in
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
                "Anyone querying customer results (on pages or through the API) gets only the slices marked shown. A slice large enough on its own is still withheld when, together with other shown slices, it would let someone work out the answers of a smaller group."
            ).class("hint")
            let slices = preview.candidates.filter { $0 != .everyone && !$0.filters.keys.contains("subject") }
            DataTable(
                caption: "Customer slices by team, location and account",
                headings: ["Slice", "Decision"],
                rows: ([Slice.everyone] + slices).map { slice in
                    [Text(slice.description), Text(decision(slice, preview: preview))]
                })
        }
    }

    private static func label(_ decision: DisclosurePlan.Decision) -> String {
        switch decision {
        case .shown: "shown"
        case .rolledUp: "in all other raters"
        case .withheld: "withheld"
        }
    }

    private static func commentSummary(_ plan: DisclosurePlan) -> String {
        let shown = plan.groups.filter { $0.decision == .shown && $0.showsComments }.map(\.source.label)
        var parts = shown
        if plan.otherRatersShowComments { parts.append("all other raters") }
        return parts.isEmpty ? "none shown" : parts.joined(separator: ", ")
    }

    private static func decision(_ slice: Slice, preview: AnonymityPreview) -> String {
        if preview.catalog.isPermitted(slice) { return "shown" }
        switch preview.catalog.suppressed[slice] {
        case .tooSmall: return "withheld: too few responses"
        case .revealsASmallGroup: return "withheld: would reveal a smaller group"
        case .empty, nil: return "no responses"
        }
    }
}
