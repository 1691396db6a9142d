import AcumenCore
import Foundation
import Plot

/// A cycle's control room: its status and next step, anonymity rules, and every account manager's raters.
enum CyclePage {
    struct Model {
        var cycle: AssessmentCycle
        var subjects: [CycleSubject]
        var invitations: [Invitation]
        /// How far each account manager's raters have got, as far as the gate lets it be said.
        var progress: [UUID: [RaterSource: ResponseProgress]]
        /// Responses per source (anonymous ones rounded down to tens while the cycle is open).
        var totals: [RaterSource: Int]
        var outbox: [OutboxEntry.Status: Int]
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let cycle = model.cycle
        let bySubject = Dictionary(grouping: model.invitations, by: \.subjectID)
        return Layout.page(cycle.name, context: context) {
            H1(cycle.name)
            Tag("dl") {
                for (term, value) in [
                    ("Framework", cycle.frameworkName), ("Status", cycle.status.label),
                    ("Open", "\(cycle.settings.opensOn) to \(cycle.settings.closesOn)"),
                    ("Sources", cycle.settings.sources.sorted().map(\.label).joined(separator: ", ")),
                    (
                        "Reminders",
                        cycle.settings.reminderDaysBeforeClose.map { "\($0)" }.joined(separator: ", ")
                            + " days before closing"
                    ),
                    ("Account managers", "\(model.subjects.count)"),
                ] {
                    Tag("dt") { Text(term) }
                    Tag("dd") { Text(value) }
                }
            }.class("facts")
            if let failed = model.outbox[.failed], failed > 0 {
                Paragraph {
                    Text("\(failed) e-mail\(failed == 1 ? "" : "s") could not be delivered. ")
                    Link("See the outbox", url: SitePath.outbox.url())
                }.class("error").attribute(named: "role", value: "alert")
            }
            H2("Next step")
            nextStep(cycle, context: context)
            Paragraph {
                Link(
                    "Customer questionnaire (\(cycle.status == .draft ? "edit" : "read"))",
                    url: SitePath.cycleQuestions.url(cycle.id))
                Text(" · ")
                Link("Anonymity preview", url: SitePath.cyclePreview.url(cycle.id))
                Text(" · ")
                Link("Export responses (CSV)", url: SitePath.cycleExport.url(cycle.id))
                Text(" · ")
                Link("Measurement quality", url: SitePath.cycleQuality.url(cycle.id))
                Text(" · ")
                Link("Double rating", url: SitePath.cycleDoubleRatings.url(cycle.id))
            }
            H2("Anonymity rules")
            rulesForm(cycle, context: context)
            H2("Severity-adjusted levels")
            adjustedLevelsForm(cycle, context: context)
            H2("Account managers and their raters")
            Paragraph(
                "Answers so far: "
                    + RaterSource.allCases.filter { cycle.settings.sources.contains($0) }.map { source in
                        let count = model.totals[source] ?? 0
                        return source.isAnonymous && !cycle.status.isSettled
                            ? "\(source.label.lowercased()) \(count == 0 ? "fewer than \(ResponseProgress.totalStep)" : "at least \(count)")"
                            : "\(source.label.lowercased()) \(count)"
                    }.joined(separator: ", ") + ".")
            DataTable(
                caption: "Raters per account manager",
                headings: ["Account manager", "Team", "Location", "Raters", "Answers", "Waiting for approval"],
                rows: model.subjects.map { subject in
                    let invitations = bySubject[subject.id] ?? []
                    let active = invitations.filter { $0.status == .approved }
                    return [
                        Link(subject.name, url: SitePath.cycleSubject.url(cycle.id, subject.id)), Text(subject.team),
                        Text(subject.location), Text("\(active.count)"),
                        Text(progressText(model.progress[subject.id] ?? [:], cycle: cycle)),
                        Text("\(invitations.filter { $0.status == .nominated }.count)"),
                    ]
                })
            if !cycle.status.isSettled {
                Paragraph(
                    "While raters are answering, peers and customers are shown only as having reached their minimum or not, and their totals rounded down to tens: an exact count would tell, read before and after someone's visit, that they answered."
                ).class("hint")
            }
        }
    }

    private static func progressText(_ progress: [RaterSource: ResponseProgress], cycle: AssessmentCycle) -> String {
        RaterSource.allCases.filter { cycle.settings.sources.contains($0) }.map { source in
            switch progress[source] {
            case .answered(let count)?:
                source.isAnonymous
                    ? "\(source.label) \(count)" : "\(source.label): \(count == 0 ? "not yet" : "answered")"
            case let other?: "\(source.label): \(other.text)"
            case nil: source.isAnonymous ? "\(source.label) 0" : "\(source.label): not yet"
            }
        }.joined(separator: "; ")
    }

    private static func nextStep(_ cycle: AssessmentCycle, context: PageContext) -> Component {
        let (explanation, button): (String, String?) =
            switch cycle.status {
            case .draft:
                (
                    "While the cycle is a draft you can add raters and reword questions. Opening it e-mails every approved rater their personal link.",
                    CycleAdvancePage.title(for: .open)
                )
            case .open:
                (
                    "Raters are answering. Closing stops all links; raters who have not submitted can no longer answer.",
                    CycleAdvancePage.title(for: .closed)
                )
            case .closed:
                (
                    "Supervisors can read their people's reports. Check the anonymity preview, then release the results to account managers and customers.",
                    CycleAdvancePage.title(for: .released)
                )
            case .released: ("Results are released. Account managers and customers can read them.", nil)
            }
        return Div {
            Paragraph(explanation)
            if let button {
                // Each step is confirmed on a page of its own, which says what is missing first.
                Paragraph { Link(button, url: SitePath.cycleAdvance.url(cycle.id)).class("button primary") }
            }
        }
    }

    private static func rulesForm(_ cycle: AssessmentCycle, context: PageContext) -> Component {
        let rules = cycle.settings.rules
        return Form(
            url: SitePath.cycleRules.url(cycle.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                Paragraph(
                    cycle.status == .draft
                        ? "Self and supervisor are named. Peers and customers are shown only when at least this many answered."
                        : "Raters answered on the promise of these rules, so they can be made stricter but not looser."
                ).class("hint")
                Div {
                    Field(
                        label: "Minimum peers", name: "minimumPeers", value: "\(rules.minimumPeers)", type: .number,
                        required: true)
                    Field(
                        label: "Minimum customers", name: "minimumCustomers", value: "\(rules.minimumCustomers)",
                        type: .number, required: true)
                    Field(
                        label: "Minimum for comments", name: "minimumForComments",
                        value: "\(rules.minimumForComments)", type: .number, required: true)
                }.class("field-row")
                SubmitButton(title: "Save the rules", style: "button")
            })
    }

    private static func adjustedLevelsForm(_ cycle: AssessmentCycle, context: PageContext) -> Component {
        Form(
            url: SitePath.cycleAdjustedLevels.url(cycle.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                Paragraph(
                    cycle.showsAdjustedScores
                        ? "Reports show, beside the raw levels, supervisors' and peers' levels corrected for each rater's leniency or severity measured in calibration."
                        : "Reports show raw levels only. You can add levels corrected for each rater's leniency or severity measured in calibration; the raw levels stay."
                )
                Input(type: .hidden, name: "show", value: cycle.showsAdjustedScores ? "no" : "yes")
                SubmitButton(
                    title: cycle.showsAdjustedScores ? "Show raw levels only" : "Also show severity-adjusted levels",
                    style: "button")
            })
    }
}
