import AcumenCore
import AcumenStore
import Foundation
import Plot

/// The pages of taking a check: the list of checks, one check with the person's attempts, the
/// attempt being answered, and a submitted attempt with its explanations.
enum KnowledgeCheckPages {
    private typealias Message = KnowledgeCheckMessage
    typealias StoredCheck = KnowledgeCheckRepository.StoredCheck
    typealias Attempt = KnowledgeCheckRepository.Attempt

    /// A check in the list, with the viewer's own standing at it.
    struct Listed {
        var stored: StoredCheck
        var own: [Attempt]
    }

    /// A submitted attempt with a written answer for the viewer to score.
    struct Awaiting {
        var name: String
        var title: String
        var attempt: Attempt
    }

    static func list(_ checks: [Listed], awaiting: [Awaiting], manages: Bool, context: PageContext) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(Message.listTitle), context: context) {
            H1(text.text(Message.listTitle))
            Paragraph(text.text(Message.listIntro)).class("hint")
            if manages {
                Paragraph {
                    Link(text.text(Message.openBank), url: SitePath.questionBank.url())
                    Text(" · ")
                    Link(text.text(Message.assemble), url: SitePath.newCheck.url())
                }
            }
            if checks.isEmpty {
                Paragraph(text.text(Message.noChecks))
            } else {
                DataTable(
                    caption: text.text(Message.listTitle),
                    headings: [Message.check, .kind, .questions, .timeLimit, .passMark, .yourStanding].map {
                        text.text($0)
                    },
                    rows: checks.map { listed in
                        let check = listed.stored.check
                        return [
                            Link(check.title, url: SitePath.check.url(check.id)),
                            Text(text.text(listed.stored.isVerbal ? Message.verbal : .written)),
                            Text(text.integer(check.questionCount)),
                            Text(
                                check.timeLimitMinutes.map { text.text(Message.minutes, ["minutes": text.integer($0)]) }
                                    ?? "–"),
                            Text(text.percent(check.passMark)),
                            Text(standing(listed.own, text: text)),
                        ]
                    }, stacksOnPhone: true)
            }
            if !awaiting.isEmpty {
                DataTable(
                    caption: text.text(Message.toScore),
                    headings: [Message.person, .check, .submittedOn].map { text.text($0) },
                    rows: awaiting.map { item in
                        [
                            Link(item.name, url: SitePath.attempt.url(item.attempt.id)), Text(item.title),
                            Text(item.attempt.submittedAt.map { text.moment($0) } ?? ""),
                        ]
                    }, stacksOnPhone: true)
            }
        }
    }

    static func standing(_ attempts: [Attempt], text: Localizer) -> String {
        if attempts.contains(where: { $0.passed == true }) { return text.text(Message.passed) }
        if attempts.contains(where: { !$0.isSubmitted }) { return text.text(Message.underWay) }
        if attempts.contains(where: { $0.isSubmitted && $0.score == nil }) { return text.text(Message.awaiting) }
        if attempts.isEmpty { return text.text(Message.notTaken) }
        return text.text(Message.notPassed)
    }

    /// One check: what it asks, the viewer's attempts and how to start or resume one; for
    /// programme staff, the way to its analysis, export and refusals.
    static func check(
        _ stored: StoredCheck, offering: Offering?, own: [Attempt], canTake: Bool,
        manages: Bool, assesses: Bool, refusals: [String: Int], problems: [String], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let check = stored.check
        let attemptsLeft = check.allowedAttempts.map { max(0, $0 - own.count) }
        return Layout.page(check.title, context: context) {
            Paragraph { Link(text.text(Message.listTitle), url: SitePath.checks.url()) }
            H1(check.title)
            if let offering {
                Paragraph {
                    Text(text.text(Message.inCatalogue) + " ")
                    Link(offering.title, url: SitePath.catalogueOffering.url(offering.id))
                }
            }
            Tag("dl") {
                Tag("dt") { Text(text.text(Message.kind)) }
                Tag("dd") { Text(text.text(stored.isVerbal ? Message.verbal : .written)) }
                Tag("dt") { Text(text.text(Message.questions)) }
                Tag("dd") { Text(text.integer(check.questionCount)) }
                Tag("dt") { Text(text.text(Message.timeLimit)) }
                Tag("dd") {
                    Text(
                        check.timeLimitMinutes.map { text.text(Message.minutes, ["minutes": text.integer($0)]) }
                            ?? text.text(Message.noLimit))
                }
                Tag("dt") { Text(text.text(Message.passMark)) }
                Tag("dd") { Text(text.percent(check.passMark)) }
                Tag("dt") { Text(text.text(Message.allowedAttempts)) }
                Tag("dd") { Text(check.allowedAttempts.map { text.integer($0) } ?? text.text(Message.noLimit)) }
            }.class("facts")
            for problem in problems { Paragraph(problem).class("field-error") }
            if !own.isEmpty {
                DataTable(
                    caption: text.text(Message.yourAttempts),
                    headings: [Message.attempt, .started, .score, .result].map { text.text($0) },
                    rows: own.reversed().map { attempt in
                        [
                            Link(
                                text.text(Message.attemptNumber, ["number": text.integer(attempt.number)]),
                                url: SitePath.attempt.url(attempt.id)),
                            Text(text.moment(attempt.startedAt)),
                            Text(attempt.score.map { text.percent($0) } ?? "–"),
                            Text(result(attempt, text: text)),
                        ]
                    })
            }
            if canTake && !stored.isVerbal {
                if let open = own.first(where: { !$0.isSubmitted }) {
                    Paragraph {
                        Link(text.text(Message.resume), url: SitePath.attempt.url(open.id)).class("button primary")
                    }
                } else if attemptsLeft != 0 && problems.isEmpty {
                    Form(
                        url: SitePath.checkAttempts.url(check.id), method: .post,
                        content: {
                            CSRFField(token: context.csrf)
                            Paragraph(
                                check.timeLimitMinutes.map {
                                    text.text(Message.startTimed, ["minutes": text.integer($0)])
                                } ?? text.text(Message.startUntimed)
                            ).class("hint")
                            SubmitButton(title: text.text(own.isEmpty ? Message.start : .retake))
                        })
                } else if attemptsLeft == 0 {
                    Paragraph(text.text(Message.noAttemptsLeft))
                }
            }
            if stored.isVerbal && assesses {
                Paragraph {
                    Link(text.text(Message.runVerbal), url: SitePath.checkVerbal.url(check.id)).class("button primary")
                }
            }
            if manages {
                H2(text.text(Message.forStaff))
                List {
                    ListItem { Link(text.text(Message.openAnalysis), url: SitePath.checkAnalysis.url(check.id)) }
                    ListItem {
                        Link(text.text(Message.downloadAttempts), url: "/api/v1/checks/\(check.id)/attempts.csv")
                    }
                }
                Paragraph(
                    text.text(
                        Message.refusalsRecorded, count: refusals.values.reduce(0, +),
                        ["count": text.integer(refusals.values.reduce(0, +))])
                ).class("hint")
            }
        }
    }

    static func result(_ attempt: Attempt, text: Localizer) -> String {
        if !attempt.isSubmitted { return text.text(Message.underWay) }
        switch attempt.passed {
        case true?: return text.text(Message.passed)
        case false?: return text.text(Message.notPassed)
        case nil: return text.text(Message.awaiting)
        }
    }

    /// The attempt being answered: every change saved as it is made (`RaterFormScript`), and
    /// Save and Submit buttons for the same without JavaScript.
    static func answering(
        _ loaded: KnowledgeCheckUseCases.LoadedAttempt, fields: [String: String], context: PageContext
    )
        -> HTMLPage
    {
        let text = context.localizer
        let check = loaded.check.check
        let attempt = loaded.attempt
        return Layout.page(check.title, context: context, scripts: [RaterFormScript.path]) {
            Paragraph { Link(check.title, url: SitePath.check.url(check.id)) }
            H1(text.text(Message.attemptHeading, ["title": check.title, "number": text.integer(attempt.number)]))
            if let deadline = loaded.deadline {
                Paragraph(text.text(Message.deadline, ["time": text.moment(deadline)])).class("notice")
            }
            Paragraph(text.text(Message.savedAsYouGo)).class("hint")
            Form(
                url: SitePath.attempt.url(attempt.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    for (position, item) in attempt.paper.items.enumerated() {
                        if let question = loaded.questions[item.questionID] {
                            QuestionField(
                                number: position + 1, question: question, optionOrder: item.optionOrder,
                                fields: fields, text: text)
                        }
                    }
                    Paragraph("").id("save-status").attribute(named: "role", value: "status")
                    Div {
                        SubmitButton(title: text.text(Message.save), style: "button", name: "action", value: "save")
                        SubmitButton(title: text.text(Message.submit), name: "action", value: "submit")
                    }.class("actions")
                    Paragraph(text.text(Message.submitIsFinal)).class("hint")
                }
            ).attribute(named: "data-autosave", value: SitePath.attemptAutosave.url(attempt.id))
                .attribute(named: "data-msg-saving", value: text.text(Message.saving))
                .attribute(named: "data-msg-saved", value: text.text(Message.saved))
                .attribute(named: "data-msg-stopped", value: text.text(Message.savingStopped))
                .attribute(named: "data-msg-refused", value: text.text(Message.savingRefused))
        }
    }

    /// A submitted attempt: its score, and per question what was answered, what was right and why.
    /// `assessing` adds the rubric to each scenario for an assessor to score.
    static func submitted(
        _ loaded: KnowledgeCheckUseCases.LoadedAttempt, fields: [String: String], personName: String?,
        assessing: Bool, context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let check = loaded.check.check
        let attempt = loaded.attempt
        let title = text.text(Message.attemptHeading, ["title": check.title, "number": text.integer(attempt.number)])
        return Layout.page(title, context: context) {
            Paragraph { Link(check.title, url: SitePath.check.url(check.id)) }
            H1(title)
            if let personName { Paragraph(text.text(Message.takenBy, ["name": personName])) }
            Paragraph {
                StatusBadge(text: result(attempt, text: text), kind: attempt.passed == true ? "open" : "draft")
                Text(" ")
                if let score = attempt.score {
                    Text(
                        text.text(
                            Message.scoreAgainst, ["score": text.percent(score), "mark": text.percent(check.passMark)]))
                } else {
                    Text(text.text(Message.awaitingHint))
                }
            }
            Form(
                url: SitePath.attemptAssess.url(attempt.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    for (position, item) in attempt.paper.items.enumerated() {
                        if let question = loaded.questions[item.questionID] {
                            AnsweredQuestion(
                                number: position + 1, question: question, item: item,
                                mark: attempt.marks[safe: position], fields: fields, assessing: assessing, text: text)
                        }
                    }
                    if assessing { SubmitButton(title: text.text(Message.saveScores)) }
                })
        }
    }
}

/// A question of a submitted attempt: the answer given, the right answer, the score and the
/// explanation; for an assessor, a scenario's rubric to choose a step from.
struct AnsweredQuestion: Component {
    var number: Int
    var question: BankQuestion
    var item: AttemptPaper.Item
    var mark: KnowledgeCheckRepository.Mark?
    var fields: [String: String]
    var assessing: Bool
    var text: Localizer

    private typealias Message = KnowledgeCheckMessage

    var body: Component {
        let byKey = Dictionary(question.options.map { ($0.key, $0) }) { first, _ in first }
        let chosen = (mark?.chosen ?? []).compactMap { byKey[$0]?.text }
        let answered: String =
            switch question.kind {
            case .numeric, .scenario: fields[AttemptForm.fieldName(question.id)] ?? ""
            default: chosen.joined(separator: question.kind == .ordering ? " → " : "; ")
            }
        let right: String =
            switch question.kind {
            case .numeric:
                question.numericAnswer.map {
                    text.text(
                        Message.numberWithin,
                        ["number": $0.formatted(), "tolerance": question.tolerance.formatted()])
                } ?? ""
            case .ordering: question.options.map(\.text).joined(separator: " → ")
            case .scenario: ""
            default: question.options.filter(\.isCorrect).map(\.text).joined(separator: "; ")
            }
        return Tag("section") {
            H2("\(text.integer(number)). \(question.prompt)")
            Tag("dl") {
                Tag("dt") { Text(text.text(Message.yourAnswerWas)) }
                Tag("dd") { Text(answered.isEmpty ? text.text(Message.noAnswer) : answered) }
                if !right.isEmpty {
                    Tag("dt") { Text(text.text(Message.rightAnswer)) }
                    Tag("dd") { Text(right) }
                }
                Tag("dt") { Text(text.text(Message.score)) }
                Tag("dd") { Text(mark?.score.map { text.percent($0) } ?? text.text(Message.awaiting)) }
                Tag("dt") { Text(text.text(Message.explanation)) }
                Tag("dd") { Text(question.explanation) }
            }.class("facts")
            if question.kind == .scenario {
                if assessing {
                    Tag("fieldset") {
                        Tag("legend") { Text(text.text(Message.rubric)) }
                        for (step, description) in question.rubric.enumerated() {
                            Tag("label") {
                                Input(
                                    type: .radio, name: "step.\(question.id.uuidString.lowercased())", value: "\(step)"
                                )
                                .attribute(named: "checked", value: mark?.rubricStep == step ? "checked" : nil)
                                Text(" \(text.integer(step + 1)). \(description.description)")
                            }.class("choice")
                        }
                    }
                } else if let step = mark?.rubricStep, let description = question.rubric[safe: step] {
                    Paragraph(text.text(Message.assessedAs, ["step": description.description])).class("hint")
                }
            }
        }.class("answered")
    }
}
