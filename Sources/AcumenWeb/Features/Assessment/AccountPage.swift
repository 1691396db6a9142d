import AcumenCore
import Plot

/// An account's annual review: customer results by category and question over the years, and
/// the action plan both sides work on until each action is closed.
enum AccountPage {
    /// The page, with the "Add an action" form as it was typed and its problems when adding failed.
    static func render(
        _ loaded: AccountResultsController.Loaded, draft: ActionDraft = ActionDraft(),
        selectedReview: String? = nil, problems: ActionProblems? = nil, context: PageContext
    ) -> HTMLPage {
        let account = loaded.account
        let text = context.localizer
        return Layout.page(account.name, context: context) {
            H1(account.name)
            Tag("dl") {
                Tag("dt") { Text(text.text(AccountMessage.customer)) }
                Tag("dd") { Text(account.customer) }
                Tag("dt") { Text(text.text(AccountMessage.accountManager)) }
                Tag("dd") { Text(account.accountManagerName) }
                Tag("dt") { Text(text.text(AccountMessage.reviewers)) }
                Tag("dd") {
                    Text(
                        account.reviewerNames.isEmpty
                            ? text.text(AccountMessage.nobody) : text.list(account.reviewerNames))
                }
                Tag("dt") { Text(text.text(AccountMessage.customersLanguage)) }
                Tag("dd") {
                    Text(
                        account.language.map { text.name(of: ContentLanguage($0)) }
                            ?? text.text(AccountMessage.browserDecides))
                }
            }.class("facts")
            if context.user.map({ OrganisationPolicy.mayAttempt(.importRecords, $0.viewer) }) == true {
                LanguageChoice.form(
                    url: SitePath.accountLanguage.url(account.id), selected: account.language,
                    label: text.text(AccountMessage.languageLabel), noneLabel: text.text(AccountMessage.languageNone),
                    csrf: context.csrf, button: text.text(AccountMessage.save))
            }
            H2(text.text(AccountMessage.resultsHeading))
            results(loaded, text: text)
            H2(text.text(AccountMessage.actionsHeading)).id("actions")
            actions(loaded, context: context)
            H3(text.text(AccountMessage.addHeading)).id("add-action")
            ProblemList(
                problems: problems?.problems ?? [], labels: ActionPlanFields.labels(text),
                heading: text.text(AccountMessage.notAdded), text: text)
            addForm(
                loaded, draft: draft, selectedReview: selectedReview ?? loaded.columns.last?.cycle.id.uuidString,
                problems: problems, context: context)
        }
    }

    private static func results(_ loaded: AccountResultsController.Loaded, text: Localizer) -> Component {
        guard let questionnaire = loaded.questionnaire, let framework = loaded.framework, !loaded.columns.isEmpty
        else {
            return Paragraph(text.text(AccountMessage.noResults))
        }
        // Only cycles with results get a column: a withheld cycle is one sentence, not a column
        // of dashes, and when every cycle is withheld there is no table at all.
        let shown = loaded.columns.filter { $0.withheld == nil }
        return Div {
            for column in loaded.columns {
                if let reason = column.withheld {
                    Paragraph(
                        text.text(AccountMessage.withheld, ["cycle": column.cycle.name, "reason": reason.text(text)])
                    ).class("notice")
                }
            }
            if shown.isEmpty {
                Paragraph(text.text(AccountMessage.nothingShown))
            }
            for (position, category) in framework.categories.enumerated() where !shown.isEmpty {
                let questions = category.competencies.flatMap { questionnaire.questions(for: $0.code) }
                if !questions.isEmpty {
                    let title = framework.text(
                        .categoryTitle(FrameworkPart.categoryKey(category, position: position)), in: text.language)
                    DataTable(
                        caption: text.text(
                            AccountMessage.categoryCaption,
                            [
                                "category": title.text, "never": FrequencyAnswer.never.label(in: text),
                                "always": FrequencyAnswer.always.label(in: text),
                            ]),
                        headings: [text.text(AccountMessage.questionColumn)] + shown.map(\.cycle.name)
                            + [text.text(AccountMessage.changeColumn)],
                        rows: questions.map { question in
                            let means = shown.map { mean(of: question.code, in: $0) }
                            let shownQuestion = question.text(in: text.language, original: questionnaire.language)
                            return [
                                Span {
                                    Text("\(question.code): ")
                                    Span(shownQuestion.text).written(in: shownQuestion.language, on: text)
                                }
                            ]
                                + means.map { Text($0.map { PersonReportPage.format($0, text) } ?? "–") }
                                + [Text(change(means, text: text))]
                        })
                }
            }
        }
    }

    static func mean(of questionCode: String, in column: AccountResultsController.CycleColumn) -> Double? {
        column.results?.questions.first { $0.code == questionCode }?.result?.mean
    }

    private static func change(_ means: [Double?], text: Localizer) -> String {
        let known = means.compactMap { $0 }
        guard known.count >= 2, let last = means.last ?? nil, let previous = means.dropLast().last ?? nil else {
            return "–"
        }
        let delta = last - previous
        return delta == 0
            ? text.text(AccountMessage.noChange) : (delta > 0 ? "+" : "") + PersonReportPage.format(delta, text)
    }

    private static func actions(_ loaded: AccountResultsController.Loaded, context: PageContext) -> Component {
        let text = context.localizer
        guard !loaded.actions.isEmpty else { return Paragraph(text.text(AccountMessage.noActions)) }
        let base = SitePath.accountActions.url(loaded.account.id)
        return DataTable(
            caption: text.text(AccountMessage.actionsCaption),
            headings: [
                AccountMessage.actionColumn, .ownerColumn, .dueColumn, .addressesColumn, .sinceColumn, .smartColumn,
                .statusColumn,
            ].map { text.text($0) },
            rows: loaded.actions.map { stored in
                let item = stored.item
                // A closed action needs nothing more; listing what it lacked would be noise.
                let gaps = item.status.isClosed ? [] : item.smartGaps(today: .today)
                return [
                    Div {
                        Text(item.title)
                        if !item.measure.isEmpty {
                            Paragraph(text.text(AccountMessage.doneWhen, ["measure": item.measure])).class("hint")
                        }
                        Paragraph {
                            Link(
                                text.text(AccountMessage.edit),
                                url: SitePath.accountActionEdit.url(loaded.account.id, stored.id)
                            )
                            .accessibilityLabel(text.text(AccountMessage.editLabel, ["action": item.title]))
                        }
                    },
                    Text(item.ownerName.isEmpty ? text.text(AccountMessage.notAssigned) : item.ownerName),
                    Text(item.dueDate.map(text.date) ?? text.text(AccountMessage.noDate)),
                    Text(item.questionCode ?? item.competencyCode ?? "–"),
                    Text(sinceThen(stored, loaded: loaded, text: text)),
                    smartCell(item, gaps: gaps, text: text),
                    statusForm(stored, base: base, context: context),
                ]
            }, stacksOnPhone: true)
    }

    private static func smartCell(_ item: ActionItem, gaps: [SMARTGap], text: Localizer) -> Component {
        if item.status.isClosed { return Text(text.text(AccountMessage.closed)) }
        if gaps.isEmpty { return Text(text.text(AccountMessage.smartComplete)) }
        return List(gaps.map { $0.text(text) })
    }

    /// The quick status change; its select is labelled for screen readers only, as the
    /// stacked row on a phone already shows the column's heading.
    private static func statusForm(_ stored: StoredAction, base: String, context: PageContext) -> Component {
        let text = context.localizer
        return Form(
            url: "\(base)/\(stored.id)/status", method: .post,
            content: {
                CSRFField(token: context.csrf)
                SelectField(
                    label: text.text(AccountMessage.fieldStatus), name: "status",
                    choices: ActionItem.Status.allCases.map {
                        .init(value: $0.rawValue, label: text.standalone(text.text(StatusMessage($0))))
                    },
                    selected: stored.item.status.rawValue, labelHidden: true)
                SubmitButton(title: text.text(AccountMessage.save), style: "button")
            })
    }

    /// The change on the addressed question from the review that agreed the action to the next cycle.
    private static func sinceThen(
        _ stored: StoredAction, loaded: AccountResultsController.Loaded, text: Localizer
    ) -> String {
        guard let code = stored.item.questionCode, let cycleID = stored.cycleID,
            let index = loaded.columns.firstIndex(where: { $0.cycle.id == cycleID })
        else { return "–" }
        guard index + 1 < loaded.columns.count else { return text.text(AccountMessage.nextNotReleased) }
        guard let before = mean(of: code, in: loaded.columns[index]),
            let after = mean(of: code, in: loaded.columns[index + 1])
        else { return text.text(AccountMessage.tooFewAnswers) }
        return "\(PersonReportPage.format(before, text)) → \(PersonReportPage.format(after, text))"
    }

    private static func addForm(
        _ loaded: AccountResultsController.Loaded, draft: ActionDraft, selectedReview: String?,
        problems: ActionProblems?, context: PageContext
    ) -> Component {
        Form(
            url: SitePath.accountActions.url(loaded.account.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                ActionPlanFields(
                    draft: draft, problems: problems, questionnaire: loaded.questionnaire, framework: loaded.framework,
                    reviews: loaded.columns.reversed().map(\.cycle), selectedReview: selectedReview,
                    text: context.localizer)
                SubmitButton(title: context.localizer.text(AccountMessage.add))
            })
    }
}
