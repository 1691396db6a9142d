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
        let text = context.localizer
        let title =
            invitation.source == .self
            ? text.text(RaterFormMessage.titleSelf)
            : text.text(RaterFormMessage.titleOther, ["subject": invitation.subjectName])
        return Layout.page(title, context: context, scripts: [RaterFormScript.path]) {
            H1(title)
            if invitation.source == .customer {
                let introduction = session.questionnaire.introduction(in: text.language)
                Paragraph(introduction.text).written(in: introduction.language, on: text)
            }
            Paragraph(introduction(session, text: text))
            untranslatedNotice(session, text: text)
            if !model.problems.isEmpty {
                Div {
                    H2(text.text(RaterFormMessage.problems))
                    List(model.problems) { problem in
                        ListItem {
                            Link(
                                describe(problem, session: session, text: text),
                                url: "#\(anchor(for: problem, session: session))")
                        }
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
                    languageChoice(text)
                    sections(session, text: text)
                    if invitation.source == .customer {
                        customerQuestions(session, fields: model.fields, text: text)
                    } else {
                        BehaviourGrid(framework: session.framework, fields: model.fields, text: text)
                    }
                    // Kept in view at the foot of the screen while the rater scrolls: how much is
                    // answered, whether it is saved, and the buttons.
                    Div {
                        progress(session, fields: model.fields, text: text)
                        Div {
                            SubmitButton(
                                title: text.text(RaterFormMessage.saveForLater), style: "button", name: "intent",
                                value: "save")
                            SubmitButton(title: text.text(RaterFormMessage.submit), name: "intent", value: "submit")
                        }.class("form-actions")
                    }.class("form-progress")
                }
            ).attribute(named: "data-autosave", value: session.address.autosave)
                .attributes(AutosaveMessage.attributes(text))
        }
    }

    /// The languages the form can be shown in, each named in itself. Choosing one saves what
    /// is typed, like "Save for later", and shows the form again in that language.
    private static func languageChoice(_ text: Localizer) -> Component {
        Div {
            SelectField(
                label: text.text(RaterFormMessage.language), name: "language",
                choices: Language.allCases.map { .init(value: $0.tag, label: $0.nativeName) },
                selected: text.language.tag)
            SubmitButton(
                title: text.text(RaterFormMessage.changeLanguage), style: "button", name: "intent", value: "language")
        }.class("language-choice")
    }

    static func submitted(session: RaterForm, context: PageContext) -> HTMLPage {
        let text = context.localizer
        let invitation = session.invitation
        return Layout.page(text.text(RaterFormMessage.thanksTitle), context: context) {
            H1(text.text(RaterFormMessage.thanksTitle))
            Paragraph(
                (invitation.source == .self
                    ? text.text(RaterFormMessage.thanksSelf)
                    : text.text(RaterFormMessage.thanksOther, ["subject": invitation.subjectName]))
                    + (invitation.source.isAnonymous ? " " + text.text(RaterFormMessage.thanksAnonymous) : "")
            )
            if session.cycle.acceptsResponses(on: .today) {
                Paragraph(
                    text.text(
                        RaterFormMessage.thanksCorrectUntil, ["closes": text.date(session.cycle.settings.closesOn)]))
                Form(
                    url: session.address.correct, method: .post,
                    content: {
                        if session.address.carriesCSRFToken { CSRFField(token: context.csrf) }
                        SubmitButton(title: text.text(RaterFormMessage.thanksCorrect), style: "button")
                    })
            }
        }
    }

    /// How much is answered and whether it is saved; the script keeps both current.
    private static func progress(_ session: RaterForm, fields: [String: String], text: Localizer) -> Component {
        let (answered, total) = answeredCount(session, fields: fields)
        return Paragraph {
            Span {
                Text(
                    text.text(
                        RaterFormMessage.progress, ["answered": text.integer(answered), "total": text.integer(total)]))
            }.id("progress-count")
                .attribute(named: "data-total", value: "\(total)")
            Text(" · ")
            Span().id("save-status").class("save-status").attribute(named: "aria-live", value: "polite")
        }
    }

    /// A way to jump between the sections of a long form.
    private static func sections(_ session: RaterForm, text: Localizer) -> Component {
        let sections = session.framework.categories.filter { category in
            session.invitation.source != .customer
                || category.competencies.contains { !session.questionnaire.questions(for: $0.code).isEmpty }
        }
        let framework = session.framework
        return Tag("nav") {
            Text(text.text(RaterFormMessage.sections) + " ")
            for (index, category) in sections.enumerated() {
                let position = framework.categories.firstIndex { $0.identifier == category.identifier } ?? 0
                let title = framework.text(
                    .categoryTitle(FrameworkPart.categoryKey(category, position: position)), in: text.language)
                if index > 0 { Text(" · ") }
                Link(title.text, url: "#\(BehaviourGrid.sectionID(category.code))")
                    .written(in: title.language, on: text)
            }
        }.attribute(named: "aria-label", value: text.text(RaterFormMessage.sectionsLabel)).class("form-sections")
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

    private static func introduction(_ session: RaterForm, text: Localizer) -> String {
        let closes = ["closes": text.date(session.cycle.settings.closesOn)]
        switch session.invitation.source {
        case .customer:
            return [
                text.text(RaterFormMessage.minutes, count: session.questionnaire.estimatedMinutes),
                text.text(session.address.returnMessage, closes),
            ].joined(separator: " ")
        case .self, .supervisor, .peer:
            return [
                text.text(RaterFormMessage.introGrid),
                text.text(
                    session.invitation.source == .peer ? RaterFormMessage.privacyPeer : RaterFormMessage.privacyNamed),
                text.text(RaterFormMessage.savingGrid, closes),
            ].joined(separator: " ")
        }
    }

    /// Says so when part of the form is shown as written because it has no translation into
    /// the reader's language: the questions for customers, the framework for the grid.
    private static func untranslatedNotice(_ session: RaterForm, text: Localizer) -> Component {
        let isCustomer = session.invitation.source == .customer
        let framework = session.framework
        // A customer reads the questions and the categories' titles; a colleague the whole grid.
        let translated =
            isCustomer
            ? session.questionnaire.completeLanguages.contains(text.language)
                && framework.categories.enumerated().allSatisfy { position, category in
                    framework.text(
                        .categoryTitle(FrameworkPart.categoryKey(category, position: position)), in: text.language
                    )
                    .language.readerLanguage == text.language
                }
            : framework.completeLanguages.contains(text.language)
        guard !translated else { return EmptyComponent() }
        let original = isCustomer ? session.questionnaire.language : session.framework.language
        return Paragraph(
            text.text(
                RaterFormMessage.untranslated,
                ["language": text.name(of: ContentLanguage(text.language)), "original": text.name(of: original)])
        ).class("notice")
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

    /// A problem as the rater reads it: the question's number or the competency's title in
    /// their language, then what to do.
    private static func describe(_ problem: ValidationProblem, session: RaterForm, text: Localizer) -> String {
        let pieces = problem.location.split(separator: " ", maxSplits: 1).map(String.init)
        let location: String
        if pieces.first == "question", let number = pieces.last.flatMap({ Int($0) }) {
            location = text.text(RaterFormMessage.questionNumber, ["number": text.integer(number)])
        } else if let code = pieces.first, session.framework.competencies.contains(where: { $0.code == code }) {
            location = "\(code) \(session.framework.text(.competencyTitle(code), in: text.language).text)"
        } else {
            location = problem.location
        }
        return text.text(ProblemListMessage.line, ["field": location, "problem": problem.message(in: text)])
    }

    static func competencyID(_ code: String) -> String { BehaviourGrid.competencyID(code) }
    static func questionID(_ code: String) -> String { "q-" + code.map { $0.isLetter || $0.isNumber ? $0 : "-" } }

    private static func customerQuestions(_ session: RaterForm, fields: [String: String], text: Localizer)
        -> Component
    {
        let numbers = Dictionary(
            uniqueKeysWithValues: session.questionnaire.questions.enumerated().map { ($0.element.code, $0.offset + 1) })
        return Div {
            for (position, category) in session.framework.categories.enumerated() {
                let questions = category.competencies.flatMap { session.questionnaire.questions(for: $0.code) }
                if !questions.isEmpty {
                    let heading = session.framework.text(
                        .categoryTitle(FrameworkPart.categoryKey(category, position: position)), in: text.language)
                    H2(heading.text).id(BehaviourGrid.sectionID(category.code))
                        .written(in: heading.language, on: text)
                    for question in questions {
                        let name = RaterFormFields.answer(question.code)
                        // The comment sits outside the fieldset, which holds only the radio group it names.
                        Div {
                            FrequencyQuestion(
                                number: numbers[question.code] ?? 0, question: question,
                                original: session.questionnaire.language, name: name, chosen: fields[name], text: text)
                            Tag("details") {
                                Tag("summary") { Text(text.text(RaterFormMessage.addComment)) }
                                AreaField(
                                    label: text.text(
                                        RaterFormMessage.commentOnQuestion,
                                        ["number": text.integer(numbers[question.code] ?? 0)]),
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
