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
        Layout.page("Assessments", context: context) {
            H1("Assessments")
            if model.canManage {
                Paragraph(
                    "A cycle assesses account managers against one published framework, from the sources you choose. Raters answer through personal links; results appear once you release the cycle."
                )
                Paragraph { Link("New cycle", url: SitePath.newCycle.url()).class("button primary") }
                if model.cycles.isEmpty {
                    Paragraph("There are no cycles yet.")
                } else {
                    DataTable(
                        caption: "Assessment cycles",
                        headings: ["Cycle", "Framework", "Status", "Opens", "Closes"],
                        rows: model.cycles.map { cycle in
                            [
                                Link(cycle.name, url: SitePath.cycle.url(cycle.id)), Text(cycle.frameworkName),
                                StatusBadge(text: cycle.status.label, kind: cycle.status.rawValue),
                                Text(cycle.settings.opensOn.description), Text(cycle.settings.closesOn.description),
                            ]
                        })
                }
                Paragraph { Link("E-mail outbox", url: SitePath.outbox.url()) }
            }
            H2("Forms for you to fill in")
            let open = model.myInvitations.filter { model.cyclesByID[$0.cycleID]?.status == .open }
            if open.isEmpty {
                Paragraph("Nothing is waiting for you.")
            } else {
                Paragraph(
                    "Open a form here, or with the personal link in your e-mail: both open the same answers, saved as you go."
                )
                DataTable(
                    caption: "Your open forms",
                    headings: ["About", "As", "Cycle", "Status", ""],
                    rows: open.map { invitation in
                        [
                            Text(invitation.source == .self ? "Yourself" : invitation.subjectName),
                            Text(invitation.source.label), Text(model.cyclesByID[invitation.cycleID]?.name ?? ""),
                            invitation.hasSubmitted
                                ? StatusBadge(text: "Submitted", kind: "published")
                                : StatusBadge(text: "Not submitted", kind: "draft"),
                            Div {
                                Link(
                                    invitation.hasSubmitted ? "See or correct" : "Open the form",
                                    url: SitePath.myForm.url(invitation.id)
                                ).class("button")
                                if invitation.source == .self {
                                    Link(
                                        "Your raters",
                                        url: SitePath.cycleSubject.url(invitation.cycleID, invitation.subjectID)
                                    )
                                    .class("button")
                                }
                            },
                        ]
                    })
            }
            if !model.canManage {
                H2("Reports you can read")
                if model.readableReports.isEmpty {
                    Paragraph("No results are released to you yet.")
                } else {
                    List(model.readableReports) { cycle, subject in
                        ListItem {
                            Link(
                                "\(subject.name), \(cycle.name)",
                                url: SitePath.cycleSubjectReport.url(cycle.id, subject.id)
                            )
                        }
                    }
                }
            }
        }
    }
}
