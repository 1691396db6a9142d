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
        let text = context.localizer
        let bySubject = Dictionary(grouping: model.invitations, by: \.subjectID)
        let sources = RaterSource.allCases.filter { cycle.settings.sources.contains($0) }
        return Layout.page(cycle.name, context: context) {
            H1(cycle.name)
            Tag("dl") {
                for (term, value) in [
                    (CyclePageMessage.framework, CyclePage.framework(of: cycle, text: text)),
                    (.status, text.standalone(text.text(StatusMessage(cycle.status)))),
                    (
                        .open,
                        text.text(
                            CyclePageMessage.openDates,
                            ["opens": text.date(cycle.settings.opensOn), "closes": text.date(cycle.settings.closesOn)])
                    ),
                    (.sources, text.list(sources.map { PersonReportPage.sourceName($0, text: text) })),
                    (
                        .reminders,
                        text.text(
                            CyclePageMessage.reminderDays,
                            ["days": text.list(cycle.settings.reminderDaysBeforeClose.map(text.integer))])
                    ),
                    (.accountManagers, text.integer(model.subjects.count)),
                ] {
                    Tag("dt") { Text(text.text(term)) }
                    Tag("dd") { Text(value) }
                }
            }.class("facts")
            if let failed = model.outbox[.failed], failed > 0 {
                Paragraph {
                    Text(text.text(CyclePageMessage.undelivered, count: failed) + " ")
                    Link(text.text(CyclePageMessage.seeOutbox), url: SitePath.outbox.url())
                }.class("error").attribute(named: "role", value: "alert")
            }
            H2(text.text(CyclePageMessage.nextStep))
            nextStep(cycle, text: text)
            Paragraph {
                Link(
                    text.text(cycle.status == .draft ? CyclePageMessage.questionnaireEdit : .questionnaireRead),
                    url: SitePath.cycleQuestions.url(cycle.id))
                Text(" · ")
                Link(text.text(CyclePageMessage.preview), url: SitePath.cyclePreview.url(cycle.id))
                Text(" · ")
                Link(text.text(CyclePageMessage.export), url: SitePath.cycleExport.url(cycle.id))
                Text(" · ")
                Link(text.text(CyclePageMessage.quality), url: SitePath.cycleQuality.url(cycle.id))
                Text(" · ")
                Link(text.text(CyclePageMessage.doubleRating), url: SitePath.cycleDoubleRatings.url(cycle.id))
            }
            H2(text.text(CyclePageMessage.rules))
            rulesForm(cycle, context: context)
            H2(text.text(CyclePageMessage.adjusted))
            adjustedLevelsForm(cycle, context: context)
            H2(text.text(CyclePageMessage.ratersHeading))
            Paragraph(
                text.text(
                    CyclePageMessage.answersSoFar,
                    [
                        "counts": text.list(
                            sources.map { source in
                                let count = model.totals[source] ?? 0
                                let name = PersonReportPage.sourceName(source, text: text)
                                guard source.isAnonymous && !cycle.status.isSettled else {
                                    return text.text(
                                        CyclePageMessage.sourceCount, ["source": name, "count": text.integer(count)])
                                }
                                return count == 0
                                    ? text.text(
                                        CyclePageMessage.sourceFewerThan,
                                        ["source": name, "count": text.integer(ResponseProgress.totalStep)])
                                    : text.text(
                                        CyclePageMessage.sourceAtLeast, ["source": name, "count": text.integer(count)])
                            })
                    ]))
            DataTable(
                caption: text.text(CyclePageMessage.ratersCaption),
                headings: [
                    CyclePageMessage.accountManagerColumn, .teamColumn, .locationColumn, .ratersColumn,
                    .answersColumn, .waitingColumn,
                ].map { text.text($0) },
                rows: model.subjects.map { subject in
                    let invitations = bySubject[subject.id] ?? []
                    let active = invitations.filter { $0.status == .approved }
                    return [
                        Link(subject.name, url: SitePath.cycleSubject.url(cycle.id, subject.id)), Text(subject.team),
                        Text(subject.location), Text(text.integer(active.count)),
                        Text(progressText(model.progress[subject.id] ?? [:], sources: sources, text: text)),
                        Text(text.integer(invitations.filter { $0.status == .nominated }.count)),
                    ]
                })
            if !cycle.status.isSettled {
                Paragraph(text.text(CyclePageMessage.roundedHint)).class("hint")
            }
        }
    }

    private static func progressText(
        _ progress: [RaterSource: ResponseProgress], sources: [RaterSource], text: Localizer
    ) -> String {
        sources.map { source -> String in
            let name = PersonReportPage.sourceName(source, text: text)
            let state: String
            switch progress[source] {
            case .answered(let count)?:
                if source.isAnonymous {
                    return text.text(CyclePageMessage.sourceCount, ["source": name, "count": text.integer(count)])
                }
                state = text.text(count == 0 ? CyclePageMessage.notYet : .answered)
            case let other?: state = Self.progress(other, text: text)
            case nil:
                if source.isAnonymous {
                    return text.text(CyclePageMessage.sourceCount, ["source": name, "count": text.integer(0)])
                }
                state = text.text(CyclePageMessage.notYet)
            }
            return text.text(CyclePageMessage.sourceState, ["source": name, "state": state])
        }.joined(separator: "; ")
    }

    /// "Global Mobility Account Manager, version 2": a cycle rates against one version.
    static func framework(of cycle: AssessmentCycle, text: Localizer) -> String {
        text.text(
            FrameworkMessage.pageTitle, ["name": cycle.frameworkName, "version": text.integer(cycle.frameworkVersion)])
    }

    /// How far a group of raters has got, as far as the gate lets it be said.
    static func progress(_ progress: ResponseProgress, text: Localizer) -> String {
        switch progress {
        case .answered(let count): text.text(count == 0 ? CyclePageMessage.notYet : .answered)
        case .minimumReached: text.text(CyclePageMessage.minimumReached)
        case .belowMinimum: text.text(CyclePageMessage.belowMinimum)
        }
    }

    private static func nextStep(_ cycle: AssessmentCycle, text: Localizer) -> Component {
        let (explanation, next): (CyclePageMessage, CycleStatus?) =
            switch cycle.status {
            case .draft: (.draftStep, .open)
            case .open: (.openStep, .closed)
            case .closed: (.closedStep, .released)
            case .released: (.releasedStep, nil)
            }
        return Div {
            Paragraph(text.text(explanation))
            if let next {
                // Each step is confirmed on a page of its own, which says what is missing first.
                Paragraph {
                    Link(CycleAdvancePage.title(for: next, text: text), url: SitePath.cycleAdvance.url(cycle.id))
                        .class("button primary")
                }
            }
        }
    }

    private static func rulesForm(_ cycle: AssessmentCycle, context: PageContext) -> Component {
        let rules = cycle.settings.rules
        let text = context.localizer
        return Form(
            url: SitePath.cycleRules.url(cycle.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                Paragraph(text.text(cycle.status == .draft ? CyclePageMessage.rulesDraft : .rulesPromised))
                    .class("hint")
                Div {
                    Field(
                        label: text.text(CyclePageMessage.minimumPeers), name: "minimumPeers",
                        value: "\(rules.minimumPeers)", type: .number, required: true)
                    Field(
                        label: text.text(CyclePageMessage.minimumCustomers), name: "minimumCustomers",
                        value: "\(rules.minimumCustomers)", type: .number, required: true)
                    Field(
                        label: text.text(CyclePageMessage.minimumComments), name: "minimumForComments",
                        value: "\(rules.minimumForComments)", type: .number, required: true)
                }.class("field-row")
                SubmitButton(title: text.text(CyclePageMessage.saveRules), style: "button")
            })
    }

    private static func adjustedLevelsForm(_ cycle: AssessmentCycle, context: PageContext) -> Component {
        let text = context.localizer
        let shown = cycle.showsAdjustedScores
        return Form(
            url: SitePath.cycleAdjustedLevels.url(cycle.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                Paragraph(text.text(shown ? CyclePageMessage.adjustedShown : .adjustedHidden))
                Input(type: .hidden, name: "show", value: shown ? "no" : "yes")
                SubmitButton(
                    title: text.text(shown ? CyclePageMessage.showRawOnly : .showAdjusted), style: "button")
            })
    }
}

/// The words of a cycle's page, which programme staff read (English for now).
enum CyclePageMessage: String, MessageKey, CaseIterable {
    case framework = "cycle.framework"
    case status = "cycle.status"
    case open = "cycle.open"
    case openDates = "cycle.openDates"
    case sources = "cycle.sources"
    case reminders = "cycle.reminders"
    case reminderDays = "cycle.reminderDays"
    case accountManagers = "cycle.accountManagers"
    case undelivered = "cycle.undelivered"
    case seeOutbox = "cycle.seeOutbox"
    case nextStep = "cycle.nextStep"
    case questionnaireEdit = "cycle.questionnaireEdit"
    case questionnaireRead = "cycle.questionnaireRead"
    case preview = "cycle.preview"
    case export = "cycle.export"
    case quality = "cycle.quality"
    case doubleRating = "cycle.doubleRating"
    case rules = "cycle.rules"
    case adjusted = "cycle.adjusted"
    case ratersHeading = "cycle.ratersHeading"
    case answersSoFar = "cycle.answersSoFar"
    case sourceCount = "cycle.sourceCount"
    case sourceFewerThan = "cycle.sourceFewerThan"
    case sourceAtLeast = "cycle.sourceAtLeast"
    case sourceState = "cycle.sourceState"
    case ratersCaption = "cycle.ratersCaption"
    case accountManagerColumn = "cycle.col.accountManager"
    case teamColumn = "cycle.col.team"
    case locationColumn = "cycle.col.location"
    case ratersColumn = "cycle.col.raters"
    case answersColumn = "cycle.col.answers"
    case waitingColumn = "cycle.col.waiting"
    case roundedHint = "cycle.roundedHint"
    case notYet = "cycle.notYet"
    case answered = "cycle.answered"
    case minimumReached = "cycle.minimumReached"
    case belowMinimum = "cycle.belowMinimum"
    case draftStep = "cycle.step.draft"
    case openStep = "cycle.step.open"
    case closedStep = "cycle.step.closed"
    case releasedStep = "cycle.step.released"
    case rulesDraft = "cycle.rulesDraft"
    case rulesPromised = "cycle.rulesPromised"
    case minimumPeers = "cycle.minimumPeers"
    case minimumCustomers = "cycle.minimumCustomers"
    case minimumComments = "cycle.minimumComments"
    case saveRules = "cycle.saveRules"
    case adjustedShown = "cycle.adjustedShown"
    case adjustedHidden = "cycle.adjustedHidden"
    case showRawOnly = "cycle.showRawOnly"
    case showAdjusted = "cycle.showAdjusted"
}
