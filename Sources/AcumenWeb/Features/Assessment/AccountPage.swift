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
        return Layout.page(account.name, context: context) {
            H1(account.name)
            Tag("dl") {
                Tag("dt") { Text("Customer") }
                Tag("dd") { Text(account.customer) }
                Tag("dt") { Text("Account manager") }
                Tag("dd") { Text(account.accountManagerName) }
                Tag("dt") { Text("Customer reviewers") }
                Tag("dd") {
                    Text(account.reviewerNames.isEmpty ? "None" : account.reviewerNames.joined(separator: ", "))
                }
                Tag("dt") { Text("Customers' language") }
                Tag("dd") { Text(account.language?.englishName ?? "Each customer's browser decides") }
            }.class("facts")
            if context.user.map({ OrganisationPolicy.mayAttempt(.importRecords, $0.viewer) }) == true {
                LanguageChoice.form(
                    url: SitePath.accountLanguage.url(account.id), selected: account.language,
                    label: "Language of this account's questionnaires and e-mails",
                    noneLabel: "As each customer's browser asks", csrf: context.csrf)
            }
            H2("Customer questionnaire, year over year")
            results(loaded)
            H2("Action plan").id("actions")
            actions(loaded, context: context)
            H3("Add an action").id("add-action")
            ProblemList(
                problems: problems?.problems ?? [], labels: ActionPlanFields.labels,
                heading: "The action was not added. Please fix:")
            addForm(
                loaded, draft: draft, selectedReview: selectedReview ?? loaded.columns.last?.cycle.id.uuidString,
                problems: problems, context: context)
        }
    }

    private static func results(_ loaded: AccountResultsController.Loaded) -> Component {
        guard let questionnaire = loaded.questionnaire, let framework = loaded.framework, !loaded.columns.isEmpty
        else {
            return Paragraph("No released cycle has customer answers for this account yet.")
        }
        // Only cycles with results get a column: a withheld cycle is one sentence, not a column
        // of dashes, and when every cycle is withheld there is no table at all.
        let shown = loaded.columns.filter { $0.withheldReason == nil }
        return Div {
            for column in loaded.columns where column.withheldReason != nil {
                Paragraph("\(column.cycle.name): \(column.withheldReason!)").class("notice")
            }
            if shown.isEmpty {
                Paragraph("No results can be shown for this account yet.")
            }
            for category in framework.categories where !shown.isEmpty {
                let questions = category.competencies.flatMap { questionnaire.questions(for: $0.code) }
                if !questions.isEmpty {
                    DataTable(
                        caption: "\(category.title): mean answer, 1 (Never) to 5 (Always)",
                        headings: ["Question"] + shown.map(\.cycle.name) + ["Change"],
                        rows: questions.map { question in
                            let means = shown.map { mean(of: question.code, in: $0) }
                            return [Text("\(question.code): \(question.text)")]
                                + means.map { Text($0.map(PersonReportPage.format) ?? "–") }
                                + [Text(change(means))]
                        })
                }
            }
        }
    }

    static func mean(of questionCode: String, in column: AccountResultsController.CycleColumn) -> Double? {
        column.results?.questions.first { $0.code == questionCode }?.result?.mean
    }

    private static func change(_ means: [Double?]) -> String {
        let known = means.compactMap { $0 }
        guard known.count >= 2, let last = means.last ?? nil, let previous = means.dropLast().last ?? nil else {
            return "–"
        }
        let delta = last - previous
        return delta == 0 ? "no change" : (delta > 0 ? "+" : "") + PersonReportPage.format(delta)
    }

    private static func actions(_ loaded: AccountResultsController.Loaded, context: PageContext) -> Component {
        guard !loaded.actions.isEmpty else { return Paragraph("No actions yet.") }
        let base = SitePath.accountActions.url(loaded.account.id)
        return DataTable(
            caption: "Actions agreed with the customer",
            headings: ["Action", "Owner", "Due", "Addresses", "Since then", "SMART", "Status"],
            rows: loaded.actions.map { stored in
                let item = stored.item
                let gaps = item.smartGaps(today: .today)
                return [
                    Div {
                        Text(item.title)
                        if !item.measure.isEmpty { Paragraph("Done when: \(item.measure)").class("hint") }
                        Paragraph {
                            Link("Edit", url: SitePath.accountActionEdit.url(loaded.account.id, stored.id))
                                .accessibilityLabel("Edit the action: \(item.title)")
                        }
                    },
                    Text(item.ownerName.isEmpty ? "Not assigned" : item.ownerName),
                    Text(item.dueDate?.description ?? "No date"),
                    Text(item.questionCode ?? item.competencyCode ?? "–"),
                    Text(sinceThen(stored, loaded: loaded)),
                    gaps.isEmpty ? Text("Complete") : List(gaps),
                    Form(
                        url: "\(base)/\(stored.id)/status", method: .post,
                        content: {
                            CSRFField(token: context.csrf)
                            SelectField(
                                label: "Status", name: "status",
                                choices: ActionItem.Status.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                                selected: item.status.rawValue)
                            SubmitButton(title: "Save", style: "button")
                        }),
                ]
            }, stacksOnPhone: true)
    }

    /// The change on the addressed question from the review that agreed the action to the next cycle.
    private static func sinceThen(_ stored: StoredAction, loaded: AccountResultsController.Loaded) -> String {
        guard let code = stored.item.questionCode, let cycleID = stored.cycleID,
            let index = loaded.columns.firstIndex(where: { $0.cycle.id == cycleID })
        else { return "–" }
        guard index + 1 < loaded.columns.count else { return "Next cycle not yet released" }
        guard let before = mean(of: code, in: loaded.columns[index]),
            let after = mean(of: code, in: loaded.columns[index + 1])
        else { return "Not shown (too few answers)" }
        return "\(PersonReportPage.format(before)) → \(PersonReportPage.format(after))"
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
                    draft: draft, problems: problems, questions: loaded.questionnaire?.questions ?? [],
                    competencies: loaded.framework?.competencies ?? [], reviews: loaded.columns.reversed().map(\.cycle),
                    selectedReview: selectedReview)
                SubmitButton(title: "Add the action")
            })
    }
}
