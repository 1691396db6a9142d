import AcumenCore
import Plot

/// The fields of one action of an account's plan, for adding one and for editing it: each field
/// shows its own problem, and every value comes back as it was typed.
struct ActionPlanFields: Component {
    var draft: ActionDraft
    var problems: ActionProblems?
    var questionnaire: Questionnaire?
    var framework: FrameworkContent?
    /// The cycles whose reviews may have agreed the action, newest first; only when adding.
    var reviews: [AssessmentCycle]?
    var selectedReview: String?
    var showsStatus = false
    let text: Localizer

    var body: Component {
        ComponentGroup {
            Field(
                label: text.text(AccountMessage.fieldTitle), name: "title", value: draft.title, required: true,
                maxLength: TextLimits.description, problem: problem("title"))
            AreaField(
                label: text.text(AccountMessage.fieldMeasure), name: "measure", value: draft.measure, rows: 2,
                problem: problem("measure"))
            Div {
                Field(
                    label: text.text(AccountMessage.fieldOwner), name: "ownerName", value: draft.ownerName,
                    problem: problem("ownerName"))
                Field(
                    label: text.text(AccountMessage.fieldDue), name: "dueOn", value: draft.dueOn, type: .date,
                    problem: problem("dueOn"))
            }.class("field-row")
            SelectField(
                label: text.text(AccountMessage.fieldAddresses), name: "addresses", choices: addressChoices,
                selected: draft.addresses, problem: problem("addresses"))
            if let reviews {
                SelectField(
                    label: text.text(AccountMessage.fieldReview), name: "cycleId",
                    choices: [.init(value: "", label: text.text(AccountMessage.noParticularCycle))]
                        + reviews.map { .init(value: $0.id.uuidString, label: $0.name) },
                    selected: selectedReview)
            }
            AreaField(
                label: text.text(AccountMessage.fieldFeasibility), name: "feasibilityNote",
                value: draft.feasibilityNote, rows: 2, hint: text.text(AccountMessage.feasibilityHint),
                problem: problem("feasibilityNote"))
            if showsStatus {
                SelectField(
                    label: text.text(AccountMessage.fieldStatus), name: "status",
                    choices: ActionItem.Status.allCases.map {
                        .init(value: $0.rawValue, label: text.standalone(text.text(StatusMessage($0))))
                    },
                    selected: draft.status, problem: problem("status"))
            }
        }
    }

    private func problem(_ field: String) -> String? {
        problems?.message(for: field, in: text)
    }

    /// Each field's label, so that the summary above the form names fields as the person sees them.
    static func labels(_ text: Localizer) -> [String: String] {
        [
            "title": text.text(AccountMessage.fieldTitle), "measure": text.text(AccountMessage.fieldMeasure),
            "ownerName": text.text(AccountMessage.fieldOwnerShort), "dueOn": text.text(AccountMessage.fieldDue),
            "addresses": text.text(AccountMessage.fieldAddresses),
            "feasibilityNote": text.text(AccountMessage.fieldFeasibility),
            "status": text.text(AccountMessage.fieldStatus),
        ]
    }

    /// The questionnaire's questions and the framework's competencies, in the reader's language;
    /// a code the action was saved with that neither lists any more is kept as a choice, so
    /// saving does not drop it.
    private var addressChoices: [SelectField.Choice] {
        let questions = (questionnaire?.questions ?? []).map { question -> SelectField.Choice in
            let shown = questionnaire.map { question.text(in: text.language, original: $0.language).text }
            return .init(
                value: "question:\(question.code)",
                label: text.text(
                    AccountMessage.questionChoice, ["code": question.code, "text": shown ?? question.text]))
        }
        let competencies = (framework?.competencies ?? []).map { competency -> SelectField.Choice in
            let title = framework?.text(.competencyTitle(competency.code), in: text.language).text ?? competency.title
            return .init(
                value: "competency:\(competency.code)",
                label: text.text(AccountMessage.competencyChoice, ["code": competency.code, "title": title]))
        }
        var choices: [SelectField.Choice] =
            [.init(value: "", label: text.text(AccountMessage.nothingSpecific))] + questions + competencies
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
        let text = context.localizer
        return Layout.page(text.text(AccountMessage.editTitle, ["action": action.item.title]), context: context) {
            Paragraph {
                Link(loaded.account.name, url: SitePath.account.url(loaded.account.id) + "#actions")
            }.class("breadcrumb")
            H1(text.text(AccountMessage.editHeading))
            ProblemList(
                problems: problems?.problems ?? [], labels: ActionPlanFields.labels(text),
                heading: text.text(AccountMessage.notSaved), text: text)
            Form(
                url: SitePath.accountAction.url(loaded.account.id, action.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    ActionPlanFields(
                        draft: draft, problems: problems, questionnaire: loaded.questionnaire,
                        framework: loaded.framework, showsStatus: true, text: text)
                    SubmitButton(title: text.text(AccountMessage.saveAction))
                })
        }
    }
}
