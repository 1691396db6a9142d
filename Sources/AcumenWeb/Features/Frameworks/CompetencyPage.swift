import AcumenCore
import Plot

enum CompetencyPage {
    struct Model {
        var summary: FrameworkSummary
        var levels: LevelScale
        var category: CategoryContent
        var competency: CompetencyContent
        var comments: [ReviewComment]
        var canComment: Bool
        var canEdit: Bool
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let competency = model.competency
        let base = SitePath.framework.url(model.summary.id)
        return Layout.page("\(competency.code) \(competency.title)", context: context) {
            Tag("nav") {
                Link("\(model.summary.name), version \(model.summary.version)", url: base)
                Text(" › \(model.category.title)")
            }.class("breadcrumb").accessibilityLabel("Breadcrumb")
            H1("\(competency.code) \(competency.title)")
            Paragraph { model.summary.status.badge }
            Paragraph(competency.description)
            LevelGrid(levels: model.levels, competency: competency)
            if model.canEdit {
                Div {
                    Link("Edit this competency", url: "\(base)/competencies/\(competency.identifier)/edit").class(
                        "button")
                    ActionButton(
                        title: "Remove from this draft", url: "\(base)/competencies/\(competency.identifier)/archive",
                        csrf: context.csrf)
                }.class("actions")
            }
            Tag("section") {
                H2("Review comments")
                if model.comments.isEmpty {
                    Paragraph("No comments yet.")
                }
                for comment in model.comments {
                    Tag("article") {
                        Paragraph {
                            Tag("strong") { Text(comment.authorName) }
                            Text(" · \(DateText.day(comment.createdAt)) · ")
                            comment.isOpen
                                ? StatusBadge(text: "Open", kind: "open")
                                : StatusBadge(
                                    text: "Resolved by \(comment.resolvedByEmail ?? "the author")", kind: "resolved")
                        }
                        Paragraph(comment.body)
                        if comment.isOpen && model.canEdit && model.summary.status == .draft {
                            ActionButton(
                                title: "Mark resolved", url: "\(base)/comments/\(comment.id)/resolve",
                                csrf: context.csrf)
                        }
                    }.class("comment")
                }
                if model.canComment {
                    Form(url: "\(base)/competencies/\(competency.identifier)/comments", method: .post) {
                        CSRFField(token: context.csrf)
                        AreaField(
                            label: "Your comment", name: "body", rows: 3,
                            hint: "Say which behaviour is unclear, missing or not observable, and why.", required: true)
                        Button { Text("Add comment") }.attribute(named: "type", value: "submit").class("button primary")
                    }
                } else if model.summary.status != .draft {
                    Paragraph("Comments are taken on drafts. Start a new version to propose changes.").class("muted")
                }
            }.id("comments")
        }
    }
}
