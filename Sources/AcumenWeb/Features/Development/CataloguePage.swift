import AcumenCore
import Foundation
import Plot

/// The learning catalogue, searched and filtered, with the search kept in the address so that
/// a result can be shared; programme staff also export and import it here.
enum CataloguePage {
    static let pageSize = 25

    static func render(
        _ loaded: CatalogueController.Loaded, query: CatalogueQuery, fields: [String: String],
        problems: [ValidationProblem], results: PageOfResults<Offering>, importProblems: [String] = [],
        context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let manages = context.user.map { DevelopmentPolicy.mayAttempt(.manageCatalogue, $0.viewer) } == true
        return Layout.page(text.text(CataloguePageMessage.title), context: context) {
            H1(text.text(CataloguePageMessage.title))
            if !importProblems.isEmpty {
                Div {
                    H2(text.text(CataloguePageMessage.nothingImported))
                    List(importProblems)
                }.class("error").attribute(named: "role", value: "alert")
            }
            listing(loaded, fields: fields, problems: problems, results: results, context: context)
            if context.user?.personID != nil {
                Paragraph { Link(text.text(CommunityMessage.share), url: SitePath.communityShare.url()) }
            }
            if manages { management(context: context) }
        }
    }

    /// The search form and what it found. A search by filters alone (the same few for many
    /// readers) is kept rendered per catalogue revision, language and filters; words typed in
    /// the box, which seldom repeat, are rendered each time rather than crowd the cache.
    private static func listing(
        _ loaded: CatalogueController.Loaded, fields: [String: String], problems: [ValidationProblem],
        results: PageOfResults<Offering>, context: PageContext
    ) -> Component {
        let render = {
            listingContent(loaded, fields: fields, problems: problems, results: results, text: context.localizer)
        }
        let typedWords = !(fields["q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        guard problems.isEmpty, !typedWords else { return render() }
        let filters = fields.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\($0.key.count):\($0.key)=\($0.value.count):\($0.value)" }.joined(separator: "&")
        let key = "\(loaded.revision)|\(context.localizer.language.tag)|\(results.page)|\(filters)"
        return Node<HTML.BodyContext>.raw(context.renderCache.html(.catalogueListing, key: key) { render().render() })
    }

    private static func listingContent(
        _ loaded: CatalogueController.Loaded, fields: [String: String], problems: [ValidationProblem],
        results: PageOfResults<Offering>, text: Localizer
    ) -> Component {
        ComponentGroup {
            Paragraph(
                text.text(
                    CataloguePageMessage.intro, count: loaded.offerings.count,
                    ["categories": text.integer(loaded.categories.count)]))
            ProblemList(
                problems: problems, labels: labels(text), heading: text.text(CataloguePageMessage.filterIgnored),
                text: text)
            searchForm(loaded, fields: fields, text: text)
            Paragraph(
                text.text(CataloguePageMessage.matching, count: results.matching)
                    + (results.pages > 1
                        ? " "
                            + text.text(
                                PagerMessage.pageOf,
                                ["page": text.integer(results.page), "pages": text.integer(results.pages)]) : "")
            ).attribute(named: "role", value: "status")
            if results.items.isEmpty {
                Paragraph(text.text(CataloguePageMessage.noMatch))
            } else {
                DataTable(
                    caption: text.text(CataloguePageMessage.caption),
                    headings: [
                        CataloguePageMessage.offering, .category, .format, .duration, .language, .develops,
                    ].map { text.text($0) },
                    rows: results.items.map { offering in
                        // Nodes, not components: Plot renders them without reflecting on each.
                        [
                            Node<HTML.BodyContext>.a(
                                .href(SitePath.catalogueOffering.url(offering.id)), .text(offering.title)),
                            Node<HTML.BodyContext>.text(offering.category),
                            Node<HTML.BodyContext>.text(text.text(CataloguePageMessage(offering.format))),
                            Node<HTML.BodyContext>.text(duration(offering.durationMinutes, text: text)),
                            Node<HTML.BodyContext>.text(languageName(offering.language, text: text)),
                            Node<HTML.BodyContext>.text(
                                text.list(offering.targets.map(\.competencyCode).uniqued())),
                        ]
                    }, stacksOnPhone: true)
            }
            if results.pages > 1 {
                Pager(
                    page: results.page, pages: results.pages, path: SitePath.catalogue.url(),
                    query: fields.filter { $0.key != "page" && !$0.value.isEmpty }.sorted { $0.key < $1.key }.map {
                        URLQueryItem(name: $0.key, value: $0.value)
                    }, text: text)
            }
        }
    }

    private static func labels(_ text: Localizer) -> [String: String] {
        [
            "format": text.text(CataloguePageMessage.format), "phase": text.text(CataloguePageMessage.phase),
            "level": text.text(CataloguePageMessage.level), "maxMinutes": text.text(CataloguePageMessage.maxMinutes),
        ]
    }

    private static func searchForm(_ loaded: CatalogueController.Loaded, fields: [String: String], text: Localizer)
        -> Component
    {
        let any = SelectField.Choice(value: "", label: text.text(CataloguePageMessage.any))
        let competencies = loaded.frameworks.flatMap { known in
            known.content.competencies.map { competency in
                SelectField.Choice(
                    value: competency.code,
                    label: text.text(
                        CataloguePageMessage.competencyChoice,
                        ["code": competency.code, "title": competency.title, "framework": known.content.name]))
            }
        }
        let levels = loaded.frameworks.first?.content.levels.names ?? []
        let languages = Set(loaded.offerings.map(\.language)).sorted()
        return Form(
            url: SitePath.catalogue.url(), method: .get,
            content: {
                Field(
                    label: text.text(CataloguePageMessage.find), name: "q", value: fields["q"] ?? "", type: .search,
                    hint: text.text(CataloguePageMessage.findHint))
                Div {
                    SelectField(
                        label: text.text(CataloguePageMessage.category), name: "category",
                        choices: [any] + loaded.categories.map { .init(value: $0, label: $0) },
                        selected: fields["category"])
                    SelectField(
                        label: text.text(CataloguePageMessage.format), name: "format",
                        choices: [any]
                            + OfferingFormat.allCases.map {
                                .init(value: $0.rawValue, label: text.text(CataloguePageMessage($0)))
                            }, selected: fields["format"])
                    SelectField(
                        label: text.text(CataloguePageMessage.competency), name: "competency",
                        choices: [any] + competencies, selected: fields["competency"])
                    SelectField(
                        label: text.text(CataloguePageMessage.level), name: "level",
                        choices: [any]
                            + levels.enumerated().dropFirst().map {
                                .init(
                                    value: "\($0.offset)",
                                    label: text.text(CataloguePageMessage.toLevel, ["level": $0.element]))
                            }, selected: fields["level"])
                    SelectField(
                        label: text.text(CataloguePageMessage.language), name: "language",
                        choices: [any] + languages.map { .init(value: $0, label: languageName($0, text: text)) },
                        selected: fields["language"])
                    SelectField(
                        label: text.text(CataloguePageMessage.maxMinutes), name: "maxMinutes",
                        choices: [any]
                            + [15, 30, 60, 120, 240, 480].map {
                                .init(value: "\($0)", label: duration($0, text: text))
                            }, selected: fields["maxMinutes"])
                    SelectField(
                        label: text.text(CataloguePageMessage.phase), name: "phase",
                        choices: [any]
                            + LearningPhase.allCases.map {
                                .init(value: $0.rawValue, label: text.text(CataloguePageMessage($0)))
                            }, selected: fields["phase"])
                }.class("field-row")
                SubmitButton(title: text.text(CataloguePageMessage.search), style: "button")
            }
        ).class("search")
    }

    private static func management(context: PageContext) -> Component {
        let text = context.localizer
        return Div {
            H2(text.text(CataloguePageMessage.keep))
            Paragraph {
                Link(text.text(CataloguePageMessage.export), url: SitePath.catalogueExport.url())
            }
            Paragraph {
                Link(text.text(CommunityMessage.review), url: SitePath.communitySubmissions.url())
                Text(" · ")
                Link(text.text(CataloguePageMessage.learningRecords), url: SitePath.learningRecords.url())
                Text(" · ")
                Link(text.text(CataloguePageMessage.groupGaps), url: SitePath.groupGaps.url())
            }
            Form(
                url: SitePath.catalogueCategories.url(), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(
                        label: text.text(CataloguePageMessage.newCategory), name: "name", required: true,
                        maxLength: TextLimits.name)
                    SubmitButton(title: text.text(CataloguePageMessage.addCategory), style: "button")
                })
            Paragraph(text.text(CataloguePageMessage.importHint)).class("hint")
            Form(url: SitePath.catalogueImport.url(), method: .post, contentType: .multipartData) {
                CSRFField(token: context.csrf)
                Label(text.text(CataloguePageMessage.importFile)) {
                    Input(type: .file, name: "file", isRequired: true).attribute(
                        named: "accept", value: ".csv,text/csv")
                }.class("field")
                Button { Text(text.text(CataloguePageMessage.importButton)) }.attribute(named: "type", value: "submit")
                    .class("button")
            }
        }
    }

    /// "45 min", "4 h", "1 h 30 min".
    static func duration(_ minutes: Int, text: Localizer) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        if hours == 0 { return text.text(CataloguePageMessage.minutes, ["minutes": text.integer(rest)]) }
        if rest == 0 { return text.text(CataloguePageMessage.hours, ["hours": text.integer(hours)]) }
        return text.text(
            CataloguePageMessage.hoursAndMinutes, ["hours": text.integer(hours), "minutes": text.integer(rest)])
    }

    static func languageName(_ tag: String, text: Localizer) -> String {
        ContentLanguage(tag: tag).map { text.name(of: $0) } ?? tag
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
