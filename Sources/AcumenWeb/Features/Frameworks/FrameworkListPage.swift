import AcumenCore
import Plot

enum FrameworkListPage {
    struct Model {
        var frameworks: [FrameworkSummary]
        var canEdit: Bool
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        Layout.page("Competency frameworks", context: context) {
            H1("Competency frameworks")
            Paragraph(
                "Each framework describes what good looks like, competency by competency, at every level. Published versions never change; ratings point at the exact version they were made against."
            )
            if model.frameworks.isEmpty {
                Paragraph("There are no frameworks yet.")
            } else {
                DataTable(
                    caption: "Frameworks and their versions",
                    headings: ["Framework", "Version", "Status", "Owner", "Last changed"],
                    rows: model.frameworks.map { framework in
                        [
                            Link(framework.name, url: SitePath.framework.url(framework.id)),
                            Text("\(framework.version)"),
                            framework.status.badge, Text(framework.owner), Text(DateText.day(framework.updatedAt)),
                        ]
                    })
            }
            if model.canEdit {
                Paragraph {
                    Link("New framework", url: SitePath.newFramework.url()).class("button primary")
                    Link("Import a CASE package", url: SitePath.importPage.url()).class("button")
                }
            }
        }
    }
}
