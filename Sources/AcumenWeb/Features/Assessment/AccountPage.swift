import AcumenCore
import Plot

/// An account's annual review: customer results by category and question over the years, and
/// the action plan both sides work on until each action is closed.
enum AccountPage {
    static func render(_ loaded: AccountResultsController.Loaded, context: PageContext) -> HTMLPage {
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
            }.class("facts")
            H2("Customer questionnaire, year over year")
            results(loaded)
            H2("Action plan").id("actions")
            actions(loaded, context: context)
            H3("Add an action")
            addForm(loaded, context: context)
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
            })
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

    private static func addForm(_ loaded: AccountResultsController.Loaded, context: PageContext) -> Component {
        let framework = loaded.framework
        let questions = loaded.questionnaire?.questions ?? []
        return Form(
            url: SitePath.accountActions.url(loaded.account.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                Field(label: "What will be done", name: "title", required: true, maxLength: TextLimits.description)
                Field(label: "How both sides will know it is done", name: "measure")
                Div {
                    Field(label: "Owner (a named person)", name: "ownerName")
                    Field(label: "Due on", name: "dueOn", type: .date)
                }.class("field-row")
                SelectField(
                    label: "Addresses", name: "addresses",
                    choices: [.init(value: "", label: "Nothing specific")]
                        + questions.map {
                            .init(value: "question:\($0.code)", label: "Question \($0.code): \($0.text)")
                        }
                        + (framework?.competencies ?? []).map {
                            .init(value: "competency:\($0.code)", label: "Competency \($0.code) \($0.title)")
                        })
                SelectField(
                    label: "Agreed in the review of", name: "cycleId",
                    choices: [.init(value: "", label: "No particular cycle")]
                        + loaded.columns.reversed().map { .init(value: $0.cycle.id.uuidString, label: $0.cycle.name) },
                    selected: loaded.columns.last?.cycle.id.uuidString)
                AreaField(
                    label: "Why it is realistic", name: "feasibilityNote", rows: 2,
                    hint: "The time and people it needs, and that they are available.")
                SubmitButton(title: "Add the action")
            })
    }
}
