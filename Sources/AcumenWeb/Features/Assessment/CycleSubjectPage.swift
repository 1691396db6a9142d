import AcumenCore
import Plot

/// One account manager in one cycle: who rates them, nominations and approvals.
enum CycleSubjectPage {
    struct Model {
        var cycle: AssessmentCycle
        var subject: CycleSubject
        var invitations: [Invitation]
        var canManage: Bool
        var canApprove: Bool
        var canReadReport: Bool
        /// The nomination as last sent, kept when it was refused, with why.
        var nominationEmail = ""
        var nominationProblem: String?
        /// People the viewer may pick as raters, offered as they type.
        var suggestions: [PersonSummary] = []
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let cycle = model.cycle
        let text = context.localizer
        let acceptsRaters = cycle.status == .draft || cycle.status == .open
        return Layout.page("\(model.subject.name): \(cycle.name)", context: context) {
            H1(model.subject.name)
            Paragraph {
                Text("\(cycle.name) · \(text.standalone(text.text(StatusMessage(cycle.status)))) · ")
                if model.canManage {
                    Link(text.text(CycleSubjectMessage.backToCycle), url: SitePath.cycle.url(cycle.id))
                }
                if model.canReadReport {
                    Text(" · ")
                    Link(
                        text.text(CycleSubjectMessage.readReport),
                        url: SitePath.cycleSubjectReport.url(cycle.id, model.subject.id))
                }
            }
            H2(text.text(CycleSubjectMessage.raters))
            DataTable(
                caption: text.text(CycleSubjectMessage.ratersCaption, ["subject": model.subject.name]),
                headings: [
                    CycleSubjectMessage.raterColumn, .asColumn, .statusColumn, .sentColumn, .answeredColumn,
                    .actionsColumn,
                ].map { text.text($0) } + (model.canManage ? [text.text(CycleSubjectMessage.languageColumn)] : []),
                rows: model.invitations.map { invitation in
                    // Who answered is visible only for named sources: for peers and customers,
                    // whether a given person answered would point at their answers, so nobody is
                    // told, and nothing on the row (its buttons included) depends on it.
                    let answered: CycleSubjectMessage =
                        invitation.source.isAnonymous ? .notShown : (invitation.hasSubmitted ? .yes : .notYet)
                    return [
                        Text(invitation.raterName), Text(text.text(CycleSubjectMessage(rating: invitation.source))),
                        StatusBadge(
                            text: text.text(CycleSubjectMessage(invitation.status)), kind: invitation.status.rawValue),
                        Text(invitation.issuedOn.map(text.date) ?? text.text(CycleSubjectMessage.notYet)),
                        Text(text.text(answered)),
                        actions(invitation, model: model, context: context),
                    ]
                        + (model.canManage
                            ? [
                                // The programme's choice only: whether an anonymous rater
                                // switched their form's language is theirs to know.
                                LanguageChoice.form(
                                    url: SitePath.cycleInvitationAction.url(
                                        model.cycle.id, invitation.id, "language"),
                                    selected: invitation.programmeLanguage,
                                    label: text.text(CycleSubjectMessage.languageFor, ["rater": invitation.raterName]),
                                    noneLabel: text.text(CycleSubjectMessage.languageNone), csrf: context.csrf,
                                    button: text.text(CycleSubjectMessage.save))
                            ] : [])
                })
            if acceptsRaters
                && (model.canApprove || context.user?.personID == model.subject.id || model.canManage)
            {
                addRater(model, context: context)
            }
        }
    }

    private static func addRater(_ model: Model, context: PageContext) -> Component {
        let text = context.localizer
        return ComponentGroup {
            H2(text.text(CycleSubjectMessage.addHeading))
            Paragraph(text.text(model.canApprove ? CycleSubjectMessage.approvedAtOnce : .proposeHint)).class("hint")
            Form(
                url: SitePath.cycleSubjectNominations.url(model.cycle.id, model.subject.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(
                        label: text.text(CycleSubjectMessage.email), name: "email", value: model.nominationEmail,
                        type: .email, required: true,
                        hint: model.suggestions.isEmpty ? nil : text.text(CycleSubjectMessage.emailHint),
                        problem: model.nominationProblem,
                        suggestions: model.suggestions.isEmpty ? nil : "rater-suggestions")
                    if !model.suggestions.isEmpty {
                        Tag("datalist") {
                            for person in model.suggestions {
                                Tag("option") { Text("\(person.name), \(person.jobTitle)") }
                                    .attribute(named: "value", value: person.email)
                            }
                        }.id("rater-suggestions")
                    }
                    SelectField(
                        label: text.text(CycleSubjectMessage.ratesAs), name: "source",
                        choices: [.init(value: "peer", label: text.text(CycleSubjectMessage.peer))]
                            + (model.canManage
                                ? [.init(value: "customer", label: text.text(CycleSubjectMessage.customer))] : []),
                        selected: "peer")
                    SubmitButton(title: text.text(CycleSubjectMessage.add), style: "button primary")
                })
        }
    }

    private static func actions(_ invitation: Invitation, model: Model, context: PageContext)
        -> Component
    {
        let text = context.localizer
        return Div {
            if invitation.status == .nominated && model.canApprove {
                ActionButton(
                    title: text.text(CycleSubjectMessage.approve),
                    url: SitePath.cycleInvitationAction.url(model.cycle.id, invitation.id, "approve"),
                    csrf: context.csrf, style: "button")
            }
            if invitation.status != .revoked && model.canApprove && !model.cycle.status.isSettled {
                ActionButton(
                    title: text.text(CycleSubjectMessage.revoke),
                    url: SitePath.cycleInvitationAction.url(model.cycle.id, invitation.id, "revoke"),
                    csrf: context.csrf, style: "button")
            }
            if invitation.status == .approved && model.canManage && model.cycle.status == .open
                && (invitation.source.isAnonymous || !invitation.hasSubmitted)
            {
                ActionButton(
                    title: text.text(CycleSubjectMessage.reissue),
                    url: SitePath.cycleInvitationAction.url(model.cycle.id, invitation.id, "reissue"),
                    csrf: context.csrf,
                    style: "button")
            }
        }.class("actions")
    }
}

/// The words of an account manager's page in a cycle: who rates them, and proposing peers.
enum CycleSubjectMessage: String, MessageKey, CaseIterable {
    case backToCycle = "subject.backToCycle"
    case readReport = "subject.readReport"
    case raters = "subject.raters"
    case ratersCaption = "subject.ratersCaption"
    case raterColumn = "subject.col.rater"
    case asColumn = "subject.col.as"
    case statusColumn = "subject.col.status"
    case sentColumn = "subject.col.sent"
    case answeredColumn = "subject.col.answered"
    case actionsColumn = "subject.col.actions"
    case languageColumn = "subject.col.language"
    case notShown = "subject.notShown"
    case yes = "subject.yes"
    case notYet = "subject.notYet"
    case nominated = "subject.status.nominated"
    case approved = "subject.status.approved"
    case revoked = "subject.status.revoked"
    case languageFor = "subject.languageFor"
    case languageNone = "subject.languageNone"
    case save = "subject.save"
    case addHeading = "subject.addHeading"
    case approvedAtOnce = "subject.approvedAtOnce"
    case proposeHint = "subject.proposeHint"
    case email = "subject.email"
    case emailHint = "subject.emailHint"
    case ratesAs = "subject.ratesAs"
    case peer = "subject.peer"
    case customer = "subject.customer"
    case add = "subject.add"
    case approve = "subject.approve"
    case revoke = "subject.revoke"
    case reissue = "subject.reissue"
    case proposed = "subject.proposed"
    case added = "subject.added"
    case addedAndSent = "subject.addedAndSent"
    case asSelf = "subject.as.self"
    case asSupervisor = "subject.as.supervisor"
    case asPeer = "subject.as.peer"
    case asCustomer = "subject.as.customer"

    init(rating source: RaterSource) {
        self.init(rawValue: "subject.as.\(source.rawValue)")!
    }

    /// Keys are the prefix and the status's raw value; `MessageKeyTests` holds every status.
    init(_ status: Invitation.Status) {
        self.init(rawValue: "subject.status.\(status.rawValue)")!
    }
}
