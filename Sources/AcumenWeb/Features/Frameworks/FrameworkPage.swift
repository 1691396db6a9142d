import AcumenCore
import Plot

enum FrameworkPage {
    struct Model {
        var version: FrameworkVersion
        var versions: [FrameworkSummary]
        var comments: [ReviewComment]
        var reviewers: [String]
        var canEdit: Bool

        var summary: FrameworkSummary { version.summary }
        /// Only drafts show it, so it is worked out only when asked for.
        var validation: FrameworkValidation { version.content.validate(requireComplete: true) }
        var openComments: Int { comments.filter(\.isOpen).count }
        var isDraft: Bool { summary.status == .draft }
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let summary = model.summary
        return Layout.page("\(summary.name), version \(summary.version)", context: context) {
            frozen(model, "introduction", context) { introduction(model) }
            actions(model, context: context)
            if model.isDraft { draftNotes(model, context: context) }
            frozen(model, "body", context) {
                ComponentGroup {
                    tableOfContents(model)
                    categories(model)
                }
            }
            if model.isDraft && model.canEdit { addCategoryForm(summary, context: context) }
            if model.canEdit && summary.status != .retired { translations(model) }
            frozen(model, "profiles", context) { profiles(model) }
            if model.isDraft && model.canEdit {
                Paragraph {
                    Link("Edit role profiles", url: SitePath.frameworkProfiles.url(summary.id)).class("button")
                }
            }
            history(model)
        }
    }

    /// A published or retired version never changes, so the parts of its page that show
    /// only its content are rendered once and reused; a draft's are rendered every time.
    private static func frozen(_ model: Model, _ name: String, _ context: PageContext, _ part: () -> Component)
        -> Component
    {
        guard !model.isDraft else { return part() }
        return Node<HTML.BodyContext>.raw(
            context.renderCache.html(.frameworkPart, key: "\(model.summary.cacheKey)|\(name)") {
                let component = part()
                return Div { component }.render()
            })
    }

    private static func introduction(_ model: Model) -> Component {
        let summary = model.summary
        let content = model.version.content
        return ComponentGroup {
            Div {
                H1(summary.name)
                Paragraph {
                    Text("Version \(summary.version) · ")
                    summary.status.badge
                    Text(" · Owner: \(summary.owner.isEmpty ? "not set" : summary.owner)")
                }.class("meta")
            }.class("page-title")
            if !summary.description.isEmpty { Paragraph(summary.description) }
            Paragraph {
                Text("Levels: \(content.levels.names.joined(separator: " → ")). ")
                Text("\(content.categories.count) categories, \(content.competencies.count) competencies.")
            }
        }
    }

    private static func tableOfContents(_ model: Model) -> Component {
        Tag("nav") {
            H2("Contents")
            List(model.version.content.categories) { category in
                ListItem {
                    Link(
                        "\(category.title) (\(category.competencies.count))",
                        url: "#category-\(category.identifier)")
                }
            }
        }.class("toc").accessibilityLabel("Categories")
    }

    private static func categories(_ model: Model) -> Component {
        let content = model.version.content
        let summary = model.summary
        return ComponentGroup {
            for category in content.categories {
                Tag("section") {
                    H2(category.code.isEmpty ? category.title : "\(category.code) · \(category.title)")
                    if !category.description.isEmpty { Paragraph(category.description) }
                    for competency in category.competencies {
                        Tag("article") {
                            H3 {
                                Link(
                                    "\(competency.code) \(competency.title)",
                                    url: SitePath.frameworkCompetency.url(summary.id, competency.identifier))
                            }
                            Paragraph(competency.description)
                            LevelGrid(levels: content.levels, competency: competency)
                        }.class("competency")
                    }
                    if model.isDraft && model.canEdit {
                        Div {
                            Link(
                                "Add a competency to \(category.title)",
                                url: "/frameworks/\(summary.id)/competencies/new?category=\(category.identifier)"
                            ).class("button")
                            Link(
                                "Edit category \(category.title)",
                                url: SitePath.frameworkCategoryEdit.url(summary.id, category.identifier)
                            ).class("button")
                        }.class("actions")
                    }
                }.id("category-\(category.identifier)").class("category")
            }
        }
    }

    /// How far each reader language's translation has got, each linking to where it is done.
    private static func translations(_ model: Model) -> Component {
        let content = model.version.content
        let total = content.parts.count
        return Div {
            H2("Translations")
            Paragraph(
                "Written in \(Localizer(.english).name(of: content.language)). Readers who use another language see each translated text in theirs, and the rest as written, with a note saying so."
            ).class("hint")
            List(Language.allCases.filter { $0 != content.language.readerLanguage }) { language in
                let done = content.parts.filter { !(content.translations[language]?[$0.part.key] ?? "").isEmpty }.count
                return ListItem {
                    Link(
                        language.englishName,
                        url: SitePath.frameworkTranslation.url(model.summary.id, language.tag))
                    Text(": \(done) of \(total) texts translated")
                }
            }
        }.class("panel")
    }

    /// Written with nodes, like the frame: these parts are rendered on every request.
    private static func actions(_ model: Model, context: PageContext) -> Component {
        let id = model.summary.id
        let version = model.summary.version
        var buttons: [Node<HTML.BodyContext>] = []
        if model.canEdit {
            switch model.summary.status {
            case .draft:
                buttons = [
                    .a(.class("button"), .href(SitePath.frameworkEdit.url(id)), .text("Edit details")),
                    .a(
                        .class("button primary"), .href(SitePath.frameworkPublish.url(id)),
                        .text("Publish version \(version)")),
                ]
            case .published:
                buttons = [
                    ActionButton.node(
                        "Start a new version", SitePath.frameworkVersions.url(id), context.csrf, "button primary"),
                    .a(.class("button"), .href(SitePath.frameworkRetire.url(id)), .text("Retire")),
                ]
            case .retired:
                buttons = [
                    ActionButton.node("Start a new version", SitePath.frameworkVersions.url(id), context.csrf, "button")
                ]
            }
        }
        return Node<HTML.BodyContext>.div(
            .class("actions"),
            .a(.class("button"), .href(SitePath.frameworkCASE.url(id)), .text("Download CASE package")),
            .group(buttons))
    }

    private static func draftNotes(_ model: Model, context: PageContext) -> Component {
        let validation = model.validation
        return Div {
            H2("Review before publishing")
            if model.openComments > 0 {
                Paragraph(
                    "\(model.openComments) review comment\(model.openComments == 1 ? " is" : "s are") still open. You can publish anyway, but reviewers' points will stay unanswered."
                )
                .class("warning")
            } else {
                Paragraph("No open review comments.")
            }
            if !validation.errors.isEmpty {
                Paragraph("This draft cannot be published until these are fixed:").class("warning")
                List(validation.errors.map(\.description))
            }
            if !validation.warnings.isEmpty {
                List(validation.warnings.map { "Note: \($0.description)" })
            }
            Paragraph(
                "Reviewers: \(model.reviewers.isEmpty ? "none named yet" : model.reviewers.joined(separator: ", "))")
            if model.canEdit {
                Form(url: SitePath.frameworkReviewers.url(model.summary.id), method: .post) {
                    CSRFField(token: context.csrf)
                    Field(
                        label: "Name a reviewer", name: "email", type: .email, required: true,
                        hint: "The email of an Acumen user, usually a seasoned account manager or supervisor")
                    Button { Text("Add reviewer") }.attribute(named: "type", value: "submit").class("button")
                }
            }
        }.id("review").class("panel")
    }

    private static func addCategoryForm(_ summary: FrameworkSummary, context: PageContext) -> Component {
        Tag("details") {
            Tag("summary") { Text("Add a category") }
            Form(url: SitePath.frameworkCategories.url(summary.id), method: .post) {
                CSRFField(token: context.csrf)
                Field(label: "Code", name: "code", required: true, hint: "Short, e.g. NEG", maxLength: TextLimits.code)
                Field(label: "Title", name: "title", required: true, maxLength: TextLimits.name)
                AreaField(label: "Description", name: "description", rows: 2)
                Button { Text("Add category") }.attribute(named: "type", value: "submit").class("button")
            }
        }.class("panel")
    }

    private static func profiles(_ model: Model) -> Component {
        let levels = model.version.content.levels
        return Tag("section") {
            H2("Role profiles")
            if model.version.roleProfiles.isEmpty {
                Paragraph("No role profiles: targets for gap analysis are not set.")
            } else {
                Paragraph("The level each role is expected to reach; gaps are measured against these targets.")
                List(model.version.roleProfiles) { profile in
                    let counts = Dictionary(grouping: profile.targets.values, by: { $0 }).mapValues(\.count)
                    let text = counts.keys.sorted().map { "\(counts[$0]!) at \(levels.name(at: $0) ?? "?")" }.joined(
                        separator: ", ")
                    return ListItem {
                        Text("\(profile.name) (\(profile.jobRole), \(profile.tenureBandLabel)): \(text)")
                    }
                }
            }
        }.id("profiles")
    }

    private static func history(_ model: Model) -> Component {
        Node<HTML.BodyContext>.element(
            named: "section",
            nodes: [
                .id("versions"),
                .h2(.text("Versions")),
                .ul(
                    .forEach(model.versions) { version in
                        .li(
                            .a(.href(SitePath.framework.url(version.id)), .text("Version \(version.version)")),
                            .text(" · \(version.status.label)"),
                            .unwrap(version.publishedAt) { .text(" · published \(DateText.day($0))") })
                    }),
            ])
    }
}
