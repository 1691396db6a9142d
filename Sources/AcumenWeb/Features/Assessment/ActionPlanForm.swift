import AcumenCore
import Plot

/// The fields of one action of an account's plan, for adding one and for editing it: each field
/// shows its own problem, and every value comes back as it was typed.
struct ActionPlanFields: Component {
    var draft: ActionDraft
    var problems: ActionProblems?
    var questions: [Questionnaire.Question]
    var competencies: [CompetencyContent]
    /// The cycles whose reviews may have agreed the action, newest first; only when adding.
    var reviews: [AssessmentCycle]?
    var selectedReview: String?
    var showsStatus = false

    var body: Component {
        ComponentGroup {
            Field(
                label: "What will be done", name: "title", value: draft.title, required: true,
                maxLength: TextLimits.description, problem: problems?.message(for: "title"))
            AreaField(
                label: "How both sides will know it is done", name: "measure", value: draft.measure, rows: 2,
                problem: problems?.message(for: "measure"))
            Div {
                Field(
                    label: "Owner (a named person)", name: "ownerName", value: draft.ownerName,
                    problem: problems?.message(for: "ownerName"))
                Field(
                    label: "Due on", name: "dueOn", value: draft.dueOn, type: .date,
                    problem: problems?.message(for: "dueOn"))
            }.class("field-row")
            SelectField(
                label: "Addresses", name: "addresses", choices: addressChoices, selected: draft.addresses,
                problem: problems?.message(for: "addresses"))
            if let reviews {
                SelectField(
                    label: "Agreed in the review of", name: "cycleId",
                    choices: [.init(value: "", label: "No particular cycle")]
                        + reviews.map { .init(value: $0.id.uuidString, label: $0.name) },
                    selected: selectedReview)
            }
            AreaField(
                label: "Why it is realistic", name: "feasibilityNote", value: draft.feasibilityNote, rows: 2,
                hint: "The time and people it needs, and that they are available.",
                problem: problems?.message(for: "feasibilityNote"))
            if showsStatus {
                SelectField(
                    label: "Status", name: "status",
                    choices: ActionItem.Status.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                    selected: draft.status, problem: problems?.message(for: "status"))
            }
        }
    }

    /// Each field's label, so that the summary above the form names fields as the person sees them.
    static let labels = [
        "title": "What will be done", "measure": "How both sides will know it is done",
        "ownerName": "Owner", "dueOn": "Due on", "addresses": "Addresses",
        "feasibilityNote": "Why it is realistic", "status": "Status",
    ]

    /// The questionnaire's questions and the framework's competencies; a code the action was
    /// saved with that neither lists any more is kept as a choice, so saving does not drop it.
    private var addressChoices: [SelectField.Choice] {
        var choices: [SelectField.Choice] =
            [.init(value: "", label: "Nothing specific")]
            + questions.map { .init(value: "question:\($0.code)", label: "Question \($0.code): \($0.text)") }
            + competencies.map { .init(value: "competency:\($0.code)", label: "Competency \($0.code) \($0.title)") }
        if !draft.addresses.isEmpty, !choices.contains(where: { $0.value == draft.addresses }) {
            choices.append(.init(value: draft.addresses, label: draft.addresses))
        }
        return choices
    }
}

/// Where an action of the plan is changed: every field, and the status that closes it.
enum ActionEditPage {
    static func render(
        _ loaded: AccountResultsController.Loaded, action: StoredAction, draft: ActionDraft,
        problems: ActionProblems?, context: PageContext
    ) -> HTMLPage {
        Layout.page("Edit action: \(action.item.title)", context: context) {
            Paragraph {
                Link(loaded.account.name, url: SitePath.account.url(loaded.account.id) + "#actions")
            }.class("breadcrumb")
            H1("Edit the action")
            ProblemList(
                problems: problems?.problems ?? [], labels: ActionPlanFields.labels,
                heading: "Nothing was saved. Please fix:")
            Form(
                url: SitePath.accountAction.url(loaded.account.id, action.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    ActionPlanFields(
                        draft: draft, problems: problems, questions: loaded.questionnaire?.questions ?? [],
                        competencies: loaded.framework?.competencies ?? [], showsStatus: true)
                    SubmitButton(title: "Save the action")
                })
        }
    }
}
