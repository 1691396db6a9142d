import AcumenCore
import Foundation
import Plot

enum CycleListPage {
    struct Model {
        var cycles: [AssessmentCycle]
        var canManage: Bool
        var myInvitations: [Invitation]
        var cyclesByID: [UUID: AssessmentCycle]
        var readableReports: [(AssessmentCycle, CycleSubject)]
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(CycleListMessage.title), context: context) {
            H1(text.text(CycleListMessage.title))
            if model.canManage { managed(model, text: text) }
            H2(text.text(CycleListMessage.formsHeading))
            let open = model.myInvitations.filter { model.cyclesByID[$0.cycleID]?.status == .open }
            if open.isEmpty {
                Paragraph(text.text(CycleListMessage.nothingWaiting))
            } else {
                Paragraph(text.text(CycleListMessage.formsIntro))
                DataTable(
                    caption: text.text(CycleListMessage.formsCaption),
                    headings: [CycleListMessage.formColumn, .cycleColumn, .statusColumn].map { text.text($0) } + [""],
                    rows: open.map { form($0, model: model, text: text) })
            }
            if !model.canManage {
                H2(text.text(CycleListMessage.reportsHeading))
                if model.readableReports.isEmpty {
                    Paragraph(text.text(CycleListMessage.noReports))
                } else {
                    List(model.readableReports) { cycle, subject in
                        ListItem {
                            Link(
                                text.text(CycleListMessage.report, ["subject": subject.name, "cycle": cycle.name]),
                                url: SitePath.cycleSubjectReport.url(cycle.id, subject.id))
                        }
                    }
                }
            }
        }
    }

    /// The cycles programme staff run.
    private static func managed(_ model: Model, text: Localizer) -> Component {
        ComponentGroup {
            Paragraph(text.text(CycleListMessage.managerIntro))
            Paragraph {
                Link(text.text(CycleListMessage.newCycle), url: SitePath.newCycle.url()).class("button primary")
            }
            if model.cycles.isEmpty {
                Paragraph(text.text(CycleListMessage.noCycles))
            } else {
                DataTable(
                    caption: text.text(CycleListMessage.cyclesCaption),
                    headings: [
                        CycleListMessage.cycleColumn, .frameworkColumn, .statusColumn, .opensColumn, .closesColumn,
                    ].map { text.text($0) },
                    rows: model.cycles.map { cycle in
                        [
                            Link(cycle.name, url: SitePath.cycle.url(cycle.id)),
                            Text(CyclePage.framework(of: cycle, text: text)),
                            StatusBadge(
                                text: text.standalone(text.text(StatusMessage(cycle.status))),
                                kind: cycle.status.rawValue),
                            Text(text.date(cycle.settings.opensOn)), Text(text.date(cycle.settings.closesOn)),
                        ]
                    })
            }
            Paragraph { Link(text.text(CycleListMessage.outbox), url: SitePath.outbox.url()) }
        }
    }

    private static func form(_ invitation: Invitation, model: Model, text: Localizer) -> [Component] {
        [
            Text(HomeMessage.task(of: invitation, text: text)),
            Text(model.cyclesByID[invitation.cycleID]?.name ?? ""),
            invitation.hasSubmitted
                ? StatusBadge(text: text.text(CycleListMessage.submitted), kind: "published")
                : StatusBadge(text: text.text(CycleListMessage.notSubmitted), kind: "draft"),
            Div {
                Link(
                    text.text(invitation.hasSubmitted ? CycleListMessage.seeOrCorrect : CycleListMessage.openForm),
                    url: SitePath.myForm.url(invitation.id)
                ).class("button")
                if invitation.source == .self {
                    Link(
                        text.text(CycleListMessage.yourRaters),
                        url: SitePath.cycleSubject.url(invitation.cycleID, invitation.subjectID)
                    )
                    .class("button")
                }
            },
        ]
    }
}

/// The words of the assessments page: the forms waiting for the reader and the reports they
/// may read, and, for programme staff, the cycles they run.
enum CycleListMessage: String, MessageKey, CaseIterable {
    case title = "cycles.title"
    case formsHeading = "cycles.formsHeading"
    case nothingWaiting = "cycles.nothingWaiting"
    case formsIntro = "cycles.formsIntro"
    case formsCaption = "cycles.formsCaption"
    case formColumn = "cycles.col.form"
    case cycleColumn = "cycles.col.cycle"
    case statusColumn = "cycles.col.status"
    case submitted = "cycles.submitted"
    case notSubmitted = "cycles.notSubmitted"
    case seeOrCorrect = "cycles.seeOrCorrect"
    case openForm = "cycles.openForm"
    case yourRaters = "cycles.yourRaters"
    case reportsHeading = "cycles.reportsHeading"
    case noReports = "cycles.noReports"
    case report = "cycles.report"
    case managerIntro = "cyclesStaff.intro"
    case newCycle = "cyclesStaff.newCycle"
    case noCycles = "cyclesStaff.noCycles"
    case cyclesCaption = "cyclesStaff.caption"
    case frameworkColumn = "cyclesStaff.col.framework"
    case opensColumn = "cyclesStaff.col.opens"
    case closesColumn = "cyclesStaff.col.closes"
    case outbox = "cyclesStaff.outbox"
}
