import AcumenCore
import Plot

enum FrameworkListPage {
    struct Model {
        var frameworks: [FrameworkSummary]
        var canEdit: Bool
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(FrameworkMessage.listTitle), context: context) {
            H1(text.text(FrameworkMessage.listTitle))
            Paragraph(text.text(FrameworkMessage.listIntro))
            if model.frameworks.isEmpty {
                Paragraph(text.text(FrameworkMessage.listEmpty))
            } else {
                DataTable(
                    caption: text.text(FrameworkMessage.listCaption),
                    headings: [
                        FrameworkMessage.frameworkColumn, .versionColumn, .statusColumn, .ownerColumn, .changedColumn,
                    ].map { text.text($0) },
                    rows: model.frameworks.map { framework in
                        [
                            Link(framework.name, url: SitePath.framework.url(framework.id)),
                            Text(text.integer(framework.version)),
                            framework.status.badge(text), Text(framework.owner),
                            Text(text.date(CalendarDate(framework.updatedAt))),
                        ]
                    })
            }
            if model.canEdit {
                Paragraph {
                    Link(text.text(FrameworkEditMessage.newFramework), url: SitePath.newFramework.url()).class(
                        "button primary")
                    Link(text.text(FrameworkEditMessage.importCASE), url: SitePath.importPage.url()).class("button")
                }
            }
        }
    }
}
