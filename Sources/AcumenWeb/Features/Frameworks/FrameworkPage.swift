import AcumenCore
import Plot

enum FrameworkPage {
    struct Model {
        var version: FrameworkVersion
        var versions: [FrameworkSummary]
        var comments: [ReviewComment]
        var reviewers: [String]
        var canEdit: Bool
        /// Where an imported draft came from; nil for one written here or a frozen version.
        var origin: FrameworkOrigin? = nil
        /// For an editor, the CASE provider a frozen version's framework was fetched from.
        var providerAddress: String? = nil
        /// A draft's changes since the version before it, with that version's number.
        var changes: (since: Int, differences: FrameworkDifferences)? = nil

        var summary: FrameworkSummary { version.summary }
        /// Only drafts show it, so it is worked out only when asked for.
        var validation: FrameworkValidation { version.content.validate(requireComplete: true) }
        var openComments: Int { comments.filter(\.isOpen).count }
        var isDraft: Bool { summary.status == .draft }
    }

    static func render(_ model: Model, context: PageContext) -> HTMLPage {
        let summary = model.summary
        let text = context.localizer
        let name = model.version.content.text(.name, in: text.language).text
        let title = text.text(FrameworkMessage.pageTitle, ["name": name, "version": text.integer(summary.version)])
        return Layout.page(title, context: context) {
            frozen(model, "introduction", context) { introduction(model, text: text) }
            actions(model, context: context)
            if model.isDraft { draftNotes(model, context: context) }
            frozen(model, "body", context) {
                ComponentGroup {
                    tableOfContents(model, text: text)
                    categories(model, text: text)
                }
            }
            if model.isDraft && model.canEdit { addCategoryForm(summary, context: context) }
            if model.canEdit && summary.status != .retired { translations(model, text: text) }
            frozen(model, "profiles", context) { profiles(model, text: text) }
            if model.isDraft && model.canEdit {
                Paragraph {
                    Link(
                        text.text(FrameworkEditMessage.editProfiles), url: SitePath.frameworkProfiles.url(summary.id)
                    ).class("button")
                }
            }
            history(model, text: text)
        }
    }

    /// A published or retired version never changes, so the parts of its page that show
    /// only its content are rendered once per language and reused; a draft's are rendered
    /// every time.
    private static func frozen(_ model: Model, _ name: String, _ context: PageContext, _ part: () -> Component)
        -> Component
    {
        guard !model.isDraft else { return part() }
        let key = "\(model.summary.cacheKey)|\(name)|\(context.localizer.language.tag)"
        return Node<HTML.BodyContext>.raw(
            context.renderCache.html(.frameworkPart, key: key) {
                let component = part()
                return Div { component }.render()
            })
    }

    private static func introduction(_ model: Model, text: Localizer) -> Component {
        let summary = model.summary
        let content = model.version.content
        let levelNames = content.levels.names.indices.map { content.text(.level($0), in: text.language).text }
        return ComponentGroup {
            Div {
                H1 { content.span(.name, text: text) }
                Paragraph {
                    Text(text.text(FrameworkMessage.version, ["version": text.integer(summary.version)]) + " · ")
                    summary.status.badge(text)
                    Text(
                        " · "
                            + text.text(
                                FrameworkMessage.owner,
                                [
                                    "owner": summary.owner.isEmpty
                                        ? text.text(FrameworkMessage.ownerNotSet) : summary.owner
                                ]
                            ))
                }.class("meta")
            }.class("page-title")
            if !content.description.isEmpty { Paragraph { content.span(.description, text: text) } }
            Paragraph(
                text.text(FrameworkMessage.levels, ["levels": levelNames.joined(separator: " → ")]) + " "
                    + text.text(
                        FrameworkMessage.counts,
                        [
                            "categories": text.text(FrameworkMessage.categoryCount, count: content.categories.count),
                            "competencies": text.text(
                                FrameworkMessage.competencyCount, count: content.competencies.count),
                        ]))
            if !content.completeLanguages.contains(text.language) {
                Paragraph(
                    text.text(
                        FrameworkMessage.untranslated,
                        [
                            "language": text.name(of: ContentLanguage(text.language)),
                            "original": text.name(of: content.language),
                        ])
                ).class("notice")
            }
        }
    }

    private static func tableOfContents(_ model: Model, text: Localizer) -> Component {
        let content = model.version.content
        return Tag("nav") {
            H2(text.text(FrameworkMessage.contents))
            List(Array(content.categories.enumerated())) { position, category in
                let title = content.text(
                    .categoryTitle(FrameworkPart.categoryKey(category, position: position)), in: text.language)
                return ListItem {
                    Link(url: "#category-\(category.identifier)") {
                        Span(title.text).written(in: title.language, on: text)
                        Text(" (\(text.integer(category.competencies.count)))")
                    }
                }
            }
        }.class("toc").accessibilityLabel(text.text(FrameworkMessage.categories))
    }

    private static func categories(_ model: Model, text: Localizer) -> Component {
        let content = model.version.content
        let summary = model.summary
        return ComponentGroup {
            for (position, category) in content.categories.enumerated() {
                let key = FrameworkPart.categoryKey(category, position: position)
                let title = content.text(.categoryTitle(key), in: text.language).text
                Tag("section") {
                    H2 {
                        if !category.code.isEmpty { Text("\(category.code) · ") }
                        content.span(.categoryTitle(key), text: text)
                    }
                    if !category.description.isEmpty {
                        Paragraph { content.span(.categoryDescription(key), text: text) }
                    }
                    for competency in category.competencies {
                        Tag("article") {
                            H3 {
                                Link(url: SitePath.frameworkCompetency.url(summary.id, competency.identifier)) {
                                    Text("\(competency.code) ")
                                    content.span(.competencyTitle(competency.code), text: text)
                                }
                            }
                            if !competency.description.isEmpty {
                                Paragraph {
                                    content.span(.competencyDescription(competency.code), text: text)
                                }
                            }
                            LevelGrid(content: content, competency: competency, text: text)
                            IndicatorList(content: content, competency: competency, text: text)
                        }.class("competency")
                    }
                    if model.isDraft && model.canEdit {
                        Div {
                            Link(
                                text.text(FrameworkEditMessage.addCompetency, ["category": title]),
                                url: "/frameworks/\(summary.id)/competencies/new?category=\(category.identifier)"
                            ).class("button")
                            Link(
                                text.text(FrameworkEditMessage.editCategory, ["category": title]),
                                url: SitePath.frameworkCategoryEdit.url(summary.id, category.identifier)
                            ).class("button")
                        }.class("actions")
                    }
                }.id("category-\(category.identifier)").class("category")
            }
        }
    }

    /// How far each reader language's translation has got, each linking to where it is done.
    private static func translations(_ model: Model, text: Localizer) -> Component {
        let content = model.version.content
        let total = content.parts.count
        return Div {
            H2(text.text(FrameworkEditMessage.translations))
            Paragraph(text.text(FrameworkEditMessage.translationsIntro, ["language": text.name(of: content.language)]))
                .class("hint")
            List(Language.allCases.filter { $0 != content.language.readerLanguage }) { language in
                let done = content.parts.filter { !(content.translations[language]?[$0.part.key] ?? "").isEmpty }.count
                return ListItem {
                    Link(
                        text.name(of: ContentLanguage(language)),
                        url: SitePath.frameworkTranslation.url(model.summary.id, language.tag))
                    Text(
                        ": "
                            + text.text(
                                FrameworkEditMessage.translated,
                                ["done": text.integer(done), "total": text.integer(total)]))
                }
            }
        }.class("panel")
    }

    /// Written with nodes, like the frame: these parts are rendered on every request.
    private static func actions(_ model: Model, context: PageContext) -> Component {
        let text = context.localizer
        let id = model.summary.id
        let version = text.integer(model.summary.version)
        var buttons: [Node<HTML.BodyContext>] = []
        if model.canEdit {
            let startVersion = text.text(FrameworkEditMessage.startVersion)
            switch model.summary.status {
            case .draft:
                buttons = [
                    .a(
                        .class("button"), .href(SitePath.frameworkEdit.url(id)),
                        .text(text.text(FrameworkEditMessage.editDetails))),
                    .a(
                        .class("button primary"), .href(SitePath.frameworkPublish.url(id)),
                        .text(text.text(FrameworkEditMessage.publish, ["version": version]))),
                ]
            case .published:
                buttons = [
                    ActionButton.node(startVersion, SitePath.frameworkVersions.url(id), context.csrf, "button primary"),
                    .a(
                        .class("button"), .href(SitePath.frameworkRetire.url(id)),
                        .text(text.text(FrameworkEditMessage.retire))),
                ]
            case .retired:
                buttons = [ActionButton.node(startVersion, SitePath.frameworkVersions.url(id), context.csrf, "button")]
            }
            if model.providerAddress != nil && !model.isDraft {
                buttons.append(
                    ActionButton.node(
                        text.text(FrameworkEditMessage.fetchLater), SitePath.frameworkFetch.url(id), context.csrf,
                        "button"))
            }
        }
        return Node<HTML.BodyContext>.div(
            .class("actions"),
            .a(
                .class("button"), .href(SitePath.frameworkCASE.url(id)), .text(text.text(FrameworkMessage.downloadCASE))
            ),
            .group(buttons),
            .unwrap(model.providerAddress) { address in
                .p(.class("hint"), .text(text.text(FrameworkEditMessage.fetchedFrom, ["address": address])))
            })
    }

    private static func draftNotes(_ model: Model, context: PageContext) -> Component {
        let text = context.localizer
        let validation = model.validation
        return Div {
            H2(text.text(FrameworkEditMessage.review))
            if model.openComments > 0 {
                Paragraph(text.text(FrameworkEditMessage.openComments, count: model.openComments)).class("warning")
            } else {
                Paragraph(text.text(FrameworkEditMessage.noOpenComments))
            }
            if !validation.errors.isEmpty {
                Paragraph(text.text(FrameworkEditMessage.cannotPublish)).class("warning")
                List(validation.errors.map { $0.description(in: text) })
            }
            if !validation.warnings.isEmpty {
                List(
                    validation.warnings.map { text.text(FrameworkEditMessage.note, ["note": $0.description(in: text)]) }
                )
            }
            if let origin = model.origin { imported(origin, model: model, context: context) }
            if let changes = model.changes { changesSince(changes.since, changes.differences, text: text) }
            Paragraph(
                text.text(
                    FrameworkEditMessage.reviewers,
                    [
                        "reviewers": model.reviewers.isEmpty
                            ? text.text(FrameworkEditMessage.noReviewers) : text.list(model.reviewers)
                    ]))
            if model.canEdit {
                Form(url: SitePath.frameworkReviewers.url(model.summary.id), method: .post) {
                    CSRFField(token: context.csrf)
                    Field(
                        label: text.text(FrameworkEditMessage.nameReviewer), name: "email", type: .email,
                        required: true, hint: text.text(FrameworkEditMessage.reviewerHint))
                    Button { Text(text.text(FrameworkEditMessage.addReviewer)) }.attribute(
                        named: "type", value: "submit"
                    )
                    .class("button")
                }
            }
        }.id("review").class("panel")
    }

    /// Where an imported draft came from, what it brought and what its import made up.
    private static func imported(_ origin: FrameworkOrigin, model: Model, context: PageContext) -> Component {
        let text = context.localizer
        let content = model.version.content
        let behaviours = content.competencies.reduce(0) { $0 + $1.standards.reduce(0) { $0 + $1.behaviours.count } }
        return Tag("section") {
            H3(
                text.text(
                    FrameworkEditMessage.imported,
                    ["source": origin.sourceDescription, "date": text.date(CalendarDate(origin.importedAt))]))
            Paragraph(
                text.text(
                    FrameworkEditMessage.carriedOver,
                    [
                        "categories": text.integer(content.categories.count),
                        "competencies": text.integer(content.competencies.count),
                        "indicators": text.integer(content.competencies.reduce(0) { $0 + $1.indicators.count }),
                        "behaviours": text.integer(behaviours),
                    ]))
            if origin.notes.isEmpty {
                Paragraph(text.text(FrameworkEditMessage.nothingGenerated))
            } else {
                Paragraph(text.text(FrameworkEditMessage.generated))
                List(origin.notes)
            }
        }.id("imported")
    }

    private static func changesSince(_ version: Int, _ differences: FrameworkDifferences, text: Localizer) -> Component
    {
        func items(_ changes: [FrameworkDifferences.Change]) -> String {
            text.list(
                changes.map { change in
                    change.parts.isEmpty
                        ? text.text(FrameworkEditMessage.item, ["code": change.code, "title": change.title])
                        : text.text(
                            FrameworkEditMessage.changedItem,
                            ["code": change.code, "title": change.title, "parts": text.list(change.parts)])
                })
        }
        let lines: [(FrameworkEditMessage, [FrameworkDifferences.Change])] = [
            (.addedCategories, differences.addedCategories), (.removedCategories, differences.removedCategories),
            (.changedCategories, differences.changedCategories), (.addedCompetencies, differences.addedCompetencies),
            (.removedCompetencies, differences.removedCompetencies),
            (.changedCompetencies, differences.changedCompetencies),
        ]
        return Tag("section") {
            H3(text.text(FrameworkEditMessage.changesSince, ["version": text.integer(version)]))
            if differences.isEmpty {
                Paragraph(text.text(FrameworkEditMessage.noChanges, ["version": text.integer(version)]))
            } else {
                List {
                    if !differences.changedFramework.isEmpty {
                        ListItem(
                            text.text(
                                FrameworkEditMessage.changedFramework,
                                ["parts": text.list(differences.changedFramework)]))
                    }
                    for (message, changes) in lines where !changes.isEmpty {
                        ListItem(text.text(message, ["items": items(changes)]))
                    }
                }
            }
        }.id("changes")
    }

    private static func addCategoryForm(_ summary: FrameworkSummary, context: PageContext) -> Component {
        let text = context.localizer
        return Tag("details") {
            Tag("summary") { Text(text.text(FrameworkEditMessage.addCategory)) }
            Form(url: SitePath.frameworkCategories.url(summary.id), method: .post) {
                CSRFField(token: context.csrf)
                Field(
                    label: text.text(FrameworkEditMessage.code), name: "code", required: true,
                    hint: text.text(FrameworkEditMessage.codeHint), maxLength: TextLimits.code)
                Field(
                    label: text.text(FrameworkEditMessage.title), name: "title", required: true,
                    maxLength: TextLimits.name)
                AreaField(label: text.text(FrameworkEditMessage.description), name: "description", rows: 2)
                Button { Text(text.text(FrameworkEditMessage.addCategory)) }.attribute(named: "type", value: "submit")
                    .class("button")
            }
        }.class("panel")
    }

    private static func profiles(_ model: Model, text: Localizer) -> Component {
        let content = model.version.content
        return Tag("section") {
            H2(text.text(FrameworkMessage.profiles))
            if model.version.roleProfiles.isEmpty {
                Paragraph(text.text(FrameworkMessage.noProfiles))
            } else {
                Paragraph(text.text(FrameworkMessage.profilesIntro))
                List(model.version.roleProfiles) { profile in
                    let counts = Dictionary(grouping: profile.targets.values, by: { $0 }).mapValues(\.count)
                    let targets = counts.keys.sorted().map { level in
                        text.text(
                            FrameworkMessage.profileCount, count: counts[level]!,
                            ["level": content.text(.level(level), in: text.language).text])
                    }
                    return ListItem {
                        Text(
                            text.text(
                                FrameworkMessage.profileTargets,
                                [
                                    "profile": profile.name, "role": profile.jobRole,
                                    "tenure": tenure(profile, text: text), "targets": text.list(targets),
                                ]))
                    }
                }
            }
        }.id("profiles")
    }

    static func tenure(_ profile: RoleProfile, text: Localizer) -> String {
        let from = text.integer(profile.minimumTenureMonths)
        guard let upper = profile.maximumTenureMonths else {
            return text.text(FrameworkMessage.tenureFrom, ["from": from])
        }
        return text.text(FrameworkMessage.tenure, count: upper, ["from": from])
    }

    private static func history(_ model: Model, text: Localizer) -> Component {
        Node<HTML.BodyContext>.element(
            named: "section",
            nodes: [
                .id("versions"),
                .h2(.text(text.text(FrameworkMessage.versions))),
                .ul(
                    .forEach(model.versions) { version in
                        .li(
                            .a(
                                .href(SitePath.framework.url(version.id)),
                                .text(
                                    text.text(FrameworkMessage.versionLink, ["version": text.integer(version.version)]))
                            ),
                            .text(" · " + text.text(FrameworkMessage(version.status))),
                            .unwrap(version.publishedAt) {
                                .text(
                                    " · "
                                        + text.text(FrameworkMessage.publishedOn, ["date": text.date(CalendarDate($0))])
                                )
                            })
                    }),
            ])
    }
}
