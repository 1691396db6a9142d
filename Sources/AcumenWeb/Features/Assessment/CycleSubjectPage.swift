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
        let acceptsRaters = cycle.status == .draft || cycle.status == .open
        return Layout.page("\(model.subject.name): \(cycle.name)", context: context) {
            H1(model.subject.name)
            Paragraph {
                Text("\(cycle.name) · \(cycle.status.label) · ")
                if model.canManage { Link("Back to the cycle", url: SitePath.cycle.url(cycle.id)) }
                if model.canReadReport {
                    Text(" · ")
                    Link("Read the report", url: SitePath.cycleSubjectReport.url(cycle.id, model.subject.id))
                }
            }
            H2("Raters")
            DataTable(
                caption: "Raters of \(model.subject.name)",
                headings: ["Rater", "As", "Status", "Link sent", "Answered", "Actions"]
                    + (model.canManage ? ["Language"] : []),
                rows: model.invitations.map { invitation in
                    // Who answered is visible only for named sources: for peers and customers,
                    // whether a given person answered would point at their answers, so nobody is
                    // told, and nothing on the row (its buttons included) depends on it.
                    let answered: String =
                        invitation.source.isAnonymous
                        ? "Not shown" : (invitation.hasSubmitted ? "Yes" : "Not yet")
                    return [
                        Text(invitation.raterName), Text(invitation.source.label),
                        StatusBadge(text: invitation.status.label, kind: invitation.status.rawValue),
                        Text(invitation.issuedOn?.description ?? "Not yet"), Text(answered),
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
                                    label: "Language for \(invitation.raterName)",
                                    noneLabel: "Account's, else browser's", csrf: context.csrf)
                            ] : [])
                })
            if acceptsRaters
                && (model.canApprove || context.user?.personID == model.subject.id || model.canManage)
            {
                H2("Add a rater")
                Paragraph(
                    model.canApprove
                        ? "Peers you add are approved at once."
                        : "Propose colleagues who see your work closely; your supervisor approves them."
                ).class("hint")
                Form(
                    url: SitePath.cycleSubjectNominations.url(cycle.id, model.subject.id), method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        Field(
                            label: "Their e-mail address", name: "email", value: model.nominationEmail, type: .email,
                            required: true,
                            hint: model.suggestions.isEmpty ? nil : "Type a name or an address to pick them.",
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
                            label: "They rate as", name: "source",
                            choices: [.init(value: "peer", label: "Peer")]
                                + (model.canManage ? [.init(value: "customer", label: "Customer")] : []),
                            selected: "peer")
                        SubmitButton(title: "Add", style: "button primary")
                    })
            }
        }
    }

    private static func actions(_ invitation: Invitation, model: Model, context: PageContext)
        -> Component
    {
        Div {
            if invitation.status == .nominated && model.canApprove {
                ActionButton(
                    title: "Approve", url: SitePath.cycleInvitationAction.url(model.cycle.id, invitation.id, "approve"),
                    csrf: context.csrf, style: "button")
            }
            if invitation.status != .revoked && model.canApprove && !model.cycle.status.isSettled {
                ActionButton(
                    title: "Revoke", url: SitePath.cycleInvitationAction.url(model.cycle.id, invitation.id, "revoke"),
                    csrf: context.csrf, style: "button")
            }
            if invitation.status == .approved && model.canManage && model.cycle.status == .open
                && (invitation.source.isAnonymous || !invitation.hasSubmitted)
            {
                ActionButton(
                    title: "Reissue link",
                    url: SitePath.cycleInvitationAction.url(model.cycle.id, invitation.id, "reissue"),
                    csrf: context.csrf,
                    style: "button")
            }
        }.class("actions")
    }
}
