import AcumenCore
import Plot

/// The rater's form: the behaviour grid for self, peers and supervisors, the frequency
/// questionnaire for customers. A plain HTML form; the script only adds saving as you go.
enum RaterFormPage {
    struct Model {
        var session: RaterForm
        var fields: [String: String]
        var problems: [ValidationProblem]
        var notice: String?
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let session = model.session
        let invitation = session.invitation
        let title = invitation.source == .self ? "Your self-assessment" : "Your view of \(invitation.subjectName)"
        return Layout.page(title, context: context, scripts: [RaterFormScript.path]) {
            H1(title)
            Paragraph(introduction(session))
            if !model.problems.isEmpty {
                Div {
                    H2("Not submitted yet. Please check:")
                    List(model.problems) { problem in
                        ListItem { Link(problem.description, url: "#\(anchor(for: problem, session: session))") }
                    }
                }.class("error").attribute(named: "role", value: "alert").attribute(named: "tabindex", value: "-1")
                    .id("problems")
            }
            if let notice = model.notice {
                Paragraph(notice).class("flash").attribute(named: "role", value: "status")
            }
            Form(
                url: session.address.form, method: .post,
                content: {
                    if session.address.carriesCSRFToken { CSRFField(token: context.csrf) }
                    sections(session)
                    if invitation.source == .customer {
                        customerQuestions(session, fields: model.fields)
                    } else {
                        BehaviourGrid(framework: session.framework, fields: model.fields)
                    }
                    // Kept in view at the foot of the screen while the rater scrolls: how much is
                    // answered, whether it is saved, and the buttons.
                    Div {
                        progress(session, fields: model.fields)
                        Div {
                            SubmitButton(title: "Save for later", style: "button", name: "intent", value: "save")
                            SubmitButton(title: "Submit my answers", name: "intent", value: "submit")
                        }.class("form-actions")
                    }.class("form-progress")
                }
            ).attribute(named: "data-autosave", value: session.address.autosave)
        }
    }

    static func submitted(session: RaterForm, context: PageContext) -> HTMLPage {
        Layout.page("Thank you", context: context) {
            H1("Thank you")
            Paragraph(
                "Your answers about \(session.invitation.source == .self ? "your own work" : session.invitation.subjectName) are submitted."
                    + (session.invitation.source.isAnonymous
                        ? " They are stored without your name and combined with others' before anyone reads them." : "")
            )
            if session.cycle.acceptsResponses(on: .today) {
                Paragraph(
                    "Until \(session.cycle.settings.closesOn) you can correct them: your submitted answers are kept in the history and replaced by the corrected ones."
                )
                Form(
                    url: session.address.correct, method: .post,
                    content: {
                        if session.address.carriesCSRFToken { CSRFField(token: context.csrf) }
                        SubmitButton(title: "Correct my answers", style: "button")
                    })
            }
        }
    }

    /// How much is answered and whether it is saved; the script keeps both current.
    private static func progress(_ session: RaterForm, fields: [String: String]) -> Component {
        let (answered, total) = answeredCount(session, fields: fields)
        return Paragraph {
            Span { Text("\(answered) of \(total) answered") }.id("progress-count")
                .attribute(named: "data-total", value: "\(total)")
            Text(" · ")
            Span().id("save-status").class("save-status").attribute(named: "aria-live", value: "polite")
        }
    }

    /// A way to jump between the sections of a long form.
    private static func sections(_ session: RaterForm) -> Component {
        let sections = session.framework.categories.filter { category in
            session.invitation.source != .customer
                || category.competencies.contains { !session.questionnaire.questions(for: $0.code).isEmpty }
        }
        return Tag("nav") {
            Text("Sections: ")
            for (index, category) in sections.enumerated() {
                if index > 0 { Text(" · ") }
                Link(category.title, url: "#\(BehaviourGrid.sectionID(category.code))")
            }
        }.attribute(named: "aria-label", value: "Sections of the form").class("form-sections")
    }

    /// Questions with an answer, or competencies with ticks, "not observed" or a chosen level.
    static func answeredCount(_ session: RaterForm, fields: [String: String]) -> (answered: Int, total: Int) {
        if session.invitation.source == .customer {
            let questions = session.questionnaire.questions
            return (
                questions.filter { !(fields[RaterFormFields.answer($0.code)] ?? "").isEmpty }.count, questions.count
            )
        }
        let competencies = session.framework.competencies
        let answered = competencies.filter { competency in
            fields.contains { name, value in
                !value.isEmpty && name.hasSuffix(":\(competency.code)")
                    && (name.hasPrefix("b:") || name.hasPrefix("none:") || name.hasPrefix("override:"))
            }
        }
        return (answered.count, competencies.count)
    }

    private static func introduction(_ session: RaterForm) -> String {
        let closes = "until \(session.cycle.settings.closesOn)"
        switch session.invitation.source {
        case .customer:
            return session.questionnaire.introduction
                + " About \(session.questionnaire.estimatedMinutes) minutes. Your answers are saved as you go: you can close this page and come back \(session.address.returnHint) \(closes)."
        case .self, .supervisor, .peer:
            let privacy =
                session.invitation.source == .peer
                ? "Your answers are anonymous: they are combined with other peers' and never shown with your name."
                : "Your answers are shown with your name."
            return
                "For each competency, tick the behaviours you have actually seen. Acumen works out the level from your ticks and tells you how; you can choose another level if you say why, or mark a competency as not observed. \(privacy) Answers are saved as you go \(closes)."
        }
    }

    private static func anchor(for problem: ValidationProblem, session: RaterForm) -> String {
        if session.invitation.source == .customer {
            if let number = Int(problem.location.replacingOccurrences(of: "question ", with: "")),
                session.questionnaire.questions.indices.contains(number - 1)
            {
                return questionID(session.questionnaire.questions[number - 1].code)
            }
            return "content"
        }
        let code = problem.location.split(separator: " ").first.map(String.init) ?? ""
        return session.framework.competencies.contains { $0.code == code } ? competencyID(code) : "content"
    }

    static func competencyID(_ code: String) -> String { BehaviourGrid.competencyID(code) }
    static func questionID(_ code: String) -> String { "q-" + code.map { $0.isLetter || $0.isNumber ? $0 : "-" } }

    private static func customerQuestions(_ session: RaterForm, fields: [String: String]) -> Component {
        let numbers = Dictionary(
            uniqueKeysWithValues: session.questionnaire.questions.enumerated().map { ($0.element.code, $0.offset + 1) })
        return Div {
            for category in session.framework.categories {
                let questions = category.competencies.flatMap { session.questionnaire.questions(for: $0.code) }
                if !questions.isEmpty {
                    H2(category.title).id(BehaviourGrid.sectionID(category.code))
                    for question in questions {
                        let name = RaterFormFields.answer(question.code)
                        // The comment sits outside the fieldset, which holds only the radio group it names.
                        Div {
                            Tag("fieldset") {
                                Tag("legend") { Text("\(numbers[question.code] ?? 0). \(question.text)") }
                                Div {
                                    for answer in FrequencyAnswer.allCases {
                                        Tag("label") {
                                            Input(type: .radio, name: name, value: answer.rawValue)
                                                .attribute(
                                                    named: "checked",
                                                    value: fields[name] == answer.rawValue ? "checked" : nil)
                                            Text(" \(answer.label)")
                                        }.class("choice")
                                    }
                                }.class("scale")
                            }
                            Tag("details") {
                                Tag("summary") { Text("Add a comment") }
                                AreaField(
                                    label: "Comment on question \(numbers[question.code] ?? 0) (optional)",
                                    name: RaterFormFields.answerComment(question.code),
                                    value: fields[RaterFormFields.answerComment(question.code)] ?? "", rows: 2)
                            }
                        }.id(questionID(question.code)).class("question")
                    }
                }
            }
        }
    }
}
