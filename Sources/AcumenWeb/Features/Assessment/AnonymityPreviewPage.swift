import AcumenCore
import Plot

/// Before release: which groups and slices would be shown, rolled up or withheld.
enum AnonymityPreviewPage {
    static func render(cycle: AssessmentCycle, disclosure: CycleDisclosure, context: PageContext) -> HTMLPage {
        let rules = cycle.settings.rules
        let text = context.localizer
        guard disclosure.isSettled else { return collecting(cycle: cycle, disclosure: disclosure, context: context) }
        return Layout.page(text.text(PreviewMessage.pageTitle, ["cycle": cycle.name]), context: context) {
            H1(text.text(PreviewMessage.title))
            Paragraph {
                Text(
                    text.text(
                        PreviewMessage.rules,
                        [
                            "peers": text.integer(rules.minimumPeers),
                            "customers": text.integer(rules.minimumCustomers),
                            "comments": text.integer(rules.minimumForComments),
                        ]) + " ")
                Link(text.text(PreviewMessage.back, ["cycle": cycle.name]), url: SitePath.cycle.url(cycle.id))
            }
            H2(text.text(PreviewMessage.reports))
            DataTable(
                caption: text.text(PreviewMessage.reportsCaption),
                headings: [text.text(PreviewMessage.accountManager)]
                    + RaterSource.allCases.map { PersonReportPage.sourceName($0, text: text) }
                    + [text.text(PreviewMessage.comments)],
                rows: disclosure.subjects.map { entry in
                    [Text(entry.subject.name)]
                        + RaterSource.allCases.map { source -> Component in
                            guard let group = entry.plan.groups.first(where: { $0.source == source }) else {
                                return Text(text.text(PreviewMessage.noResponses))
                            }
                            return Text(
                                text.text(
                                    PreviewMessage.group,
                                    [
                                        "responses": text.integer(group.responses),
                                        "decision": label(group.decision, text),
                                    ]))
                        }
                        + [Text(commentSummary(entry.plan, text: text))]
                })
            H2(text.text(PreviewMessage.slices))
            Paragraph(text.text(PreviewMessage.slicesHint)).class("hint")
            let shown = disclosure.gate.catalog.permitted.filter { !$0.filters.keys.contains("subject") }
            if shown.isEmpty {
                Paragraph(text.text(PreviewMessage.noSlice))
            } else {
                // A slice is named by its filters as stored (`team=Gamma`): data, not words.
                DataTable(
                    caption: text.text(PreviewMessage.slicesCaption), headings: [text.text(PreviewMessage.slice)],
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
        let text = context.localizer
        let sources = RaterSource.allCases.filter { cycle.settings.sources.contains($0) }
        return Layout.page(text.text(PreviewMessage.pageTitle, ["cycle": cycle.name]), context: context) {
            H1(text.text(PreviewMessage.title))
            Paragraph {
                Text(
                    text.text(
                        PreviewMessage.collecting,
                        ["peers": text.integer(rules.minimumPeers), "customers": text.integer(rules.minimumCustomers)])
                        + " ")
                Link(text.text(PreviewMessage.back, ["cycle": cycle.name]), url: SitePath.cycle.url(cycle.id))
            }
            DataTable(
                caption: text.text(PreviewMessage.progressCaption),
                headings: [text.text(PreviewMessage.accountManager)]
                    + sources.map { PersonReportPage.sourceName($0, text: text) },
                rows: disclosure.subjects.map { entry in
                    [Text(entry.subject.name)]
                        + sources.map { source -> Component in
                            Text(CyclePage.progress(entry.progress[source] ?? .belowMinimum, text: text))
                        }
                })
        }
    }

    private static func label(_ decision: DisclosurePlan.Decision, _ text: Localizer) -> String {
        switch decision {
        case .shown: text.text(PreviewMessage.shown)
        case .rolledUp: text.text(PreviewMessage.rolledUp)
        case .withheld: text.text(PreviewMessage.withheld)
        case .afterClose: text.text(PreviewMessage.afterClose)
        }
    }

    private static func commentSummary(_ plan: DisclosurePlan, text: Localizer) -> String {
        var parts = plan.groups.filter { $0.decision == .shown && $0.showsComments }.map {
            PersonReportPage.sourceName($0.source, text: text)
        }
        if plan.otherRatersShowComments { parts.append(text.text(PreviewMessage.otherRaters)) }
        return parts.isEmpty ? text.text(PreviewMessage.noneShown) : text.list(parts)
    }
}

/// The words of the anonymity preview, which programme staff read (English for now).
enum PreviewMessage: String, MessageKey, CaseIterable {
    case pageTitle = "preview.pageTitle"
    case title = "preview.title"
    case rules = "preview.rules"
    case back = "preview.back"
    case reports = "preview.reports"
    case reportsCaption = "preview.reportsCaption"
    case accountManager = "preview.accountManager"
    case comments = "preview.comments"
    case noResponses = "preview.noResponses"
    case group = "preview.group"
    case slices = "preview.slices"
    case slicesHint = "preview.slicesHint"
    case noSlice = "preview.noSlice"
    case slicesCaption = "preview.slicesCaption"
    case slice = "preview.slice"
    case collecting = "preview.collecting"
    case progressCaption = "preview.progressCaption"
    case shown = "preview.shown"
    case rolledUp = "preview.rolledUp"
    case withheld = "preview.withheld"
    case afterClose = "preview.afterClose"
    case otherRaters = "preview.otherRaters"
    case noneShown = "preview.noneShown"
}
