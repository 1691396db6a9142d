import AcumenCore
import Plot

enum CompetencyPage {
    struct Model {
        var summary: FrameworkSummary
        var content: FrameworkContent
        var category: CategoryContent
        var categoryPosition: Int
        var competency: CompetencyContent
        var comments: [ReviewComment]
        var canComment: Bool
        var canEdit: Bool
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let text = context.localizer
        let content = model.content
        let competency = model.competency
        let base = SitePath.framework.url(model.summary.id)
        let title = content.text(.competencyTitle(competency.code), in: text.language).text
        let frameworkName = content.text(.name, in: text.language).text
        let categoryKey = FrameworkPart.categoryKey(model.category, position: model.categoryPosition)
        return Layout.page("\(competency.code) \(title)", context: context) {
            Tag("nav") {
                Link(
                    text.text(
                        FrameworkMessage.pageTitle,
                        ["name": frameworkName, "version": text.integer(model.summary.version)]),
                    url: base)
                Text(" › ")
                content.span(.categoryTitle(categoryKey), text: text)
            }.class("breadcrumb").accessibilityLabel(text.text(FrameworkMessage.breadcrumb))
            H1 {
                Text("\(competency.code) ")
                content.span(.competencyTitle(competency.code), text: text)
            }
            Paragraph { model.summary.status.badge(text) }
            if !competency.description.isEmpty {
                Paragraph { content.span(.competencyDescription(competency.code), text: text) }
            }
            LevelGrid(content: content, competency: competency, text: text)
            IndicatorList(content: content, competency: competency, text: text)
            if model.canEdit {
                Div {
                    Link(
                        text.text(FrameworkEditMessage.editCompetency),
                        url: "\(base)/competencies/\(competency.identifier)/edit"
                    ).class("button")
                    ActionButton(
                        title: text.text(FrameworkEditMessage.removeCompetency),
                        url: "\(base)/competencies/\(competency.identifier)/archive", csrf: context.csrf)
                }.class("actions")
            }
            comments(model, base: base, context: context)
        }
    }

    private static func comments(_ model: Model, base: String, context: PageContext) -> Component {
        let text = context.localizer
        return Tag("section") {
            H2(text.text(FrameworkMessage.comments))
            if model.comments.isEmpty {
                Paragraph(text.text(FrameworkMessage.noComments))
            }
            for comment in model.comments {
                Tag("article") {
                    Paragraph {
                        Tag("strong") { Text(comment.authorName) }
                        Text(" · \(text.date(CalendarDate(comment.createdAt))) · ")
                        comment.isOpen
                            ? StatusBadge(text: text.text(FrameworkMessage.commentOpen), kind: "open")
                            : StatusBadge(
                                text: comment.resolvedByEmail.map {
                                    text.text(FrameworkMessage.commentResolvedBy, ["person": $0])
                                } ?? text.text(FrameworkMessage.commentResolvedByAuthor), kind: "resolved")
                    }
                    Paragraph(comment.body)
                    if comment.isOpen && model.canEdit && model.summary.status == .draft {
                        ActionButton(
                            title: text.text(FrameworkEditMessage.markResolved),
                            url: "\(base)/comments/\(comment.id)/resolve", csrf: context.csrf)
                    }
                }.class("comment")
            }
            if model.canComment {
                Form(url: "\(base)/competencies/\(model.competency.identifier)/comments", method: .post) {
                    CSRFField(token: context.csrf)
                    AreaField(
                        label: text.text(FrameworkMessage.yourComment), name: "body", rows: 3,
                        hint: text.text(FrameworkMessage.commentHint), required: true)
                    Button { Text(text.text(FrameworkMessage.addComment)) }.attribute(named: "type", value: "submit")
                        .class("button primary")
                }
            } else if model.summary.status != .draft {
                Paragraph(text.text(FrameworkMessage.commentsOnDrafts)).class("muted")
            }
        }.id("comments")
    }
}
