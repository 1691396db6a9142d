import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// The learning catalogue: browsing and searching it, one offering's page, the offerings API,
/// and for programme staff its CSV export and import.
struct CatalogueController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        let readers = routes.access(.permitted(DevelopmentPolicy.self, .browseCatalogue))
        readers.get("catalogue", use: list)
        readers.get("catalogue", "offerings", ":offeringID", use: show)
        readers.get("api", "v1", "offerings", use: apiList)
        let staff = routes.access(.permitted(DevelopmentPolicy.self, .manageCatalogue))
        staff.get("catalogue", "export", use: export)
        staff.on(.POST, "catalogue", "import", body: .collect(maxSize: "10mb"), use: importFile)
        staff.post("catalogue", "categories", use: addCategory)
    }

    /// A programme's own category, after the seven it starts with.
    @Sendable func addCategory(request: Request) async throws -> Response {
        struct Form: Decodable { var name: String? }
        let name = (try request.decodeForm(Form.self).name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= TextLimits.name else {
            throw AppError.badRequest("Give the category a name, up to \(TextLimits.name) characters.", field: "name")
        }
        try await CatalogueRepository(database: request.db).addCategory(name)
        request.flash(request.readersLocalizer.text(CataloguePageMessage.categoryAdded, ["name": name]))
        return request.redirect(to: SitePath.catalogue.url())
    }

    /// What the catalogue's pages and files need besides the offerings: categories and the
    /// frameworks offerings develop, by id.
    struct Loaded: Sendable {
        let offerings: [Offering]
        let categories: [String]
        let frameworks: [KnownFramework]
        /// The offerings in the order the page lists them, ready to be searched.
        let listed: ListedCatalogue
        /// The catalogue's revision when it was read, which names pages rendered from it.
        let revision: Int

        init(offerings: [Offering], categories: [String], frameworks: [KnownFramework], revision: Int) {
            self.revision = revision
            self.offerings = offerings
            self.categories = categories
            self.frameworks = frameworks
            listed = ListedCatalogue(offerings, categories: categories)
        }

        func framework(_ id: UUID) -> FrameworkContent? {
            frameworks.first { $0.id == id }?.content
        }
    }

    /// The catalogue as pages read it, from the application's cache while it is current.
    static func load(_ request: Request) async throws -> Loaded {
        try await request.application.catalogueCache.loaded(database: request.db)
    }

    static func read(_ database: any Database, revision: Int) async throws -> Loaded {
        let catalogue = CatalogueRepository(database: database)
        let offerings = try await catalogue.offerings()
        let repository = FrameworkRepository(database: database)
        var frameworks: [KnownFramework] = []
        for id in Set(offerings.flatMap { $0.targets.map(\.frameworkID) }) {
            frameworks.append(KnownFramework(id: id, content: try await repository.version(id: id).content))
        }
        return Loaded(
            offerings: offerings, categories: try await catalogue.categories(),
            frameworks: frameworks.sorted { $0.content.name < $1.content.name }, revision: revision)
    }

    @Sendable func list(request: Request) async throws -> Response {
        let loaded = try await Self.load(request)
        let fields = (try? request.query.decode([String: String].self)) ?? [:]
        let (query, problems) = CatalogueQuery.read(fields)
        let results = query.results(in: loaded.listed)
        return CataloguePage.render(
            loaded, query: query, fields: fields, problems: problems,
            results: PageOfResults(results, page: Int(fields["page"] ?? "") ?? 1, size: CataloguePage.pageSize),
            context: PageContext(request)
        ).response(status: problems.isEmpty ? .ok : .badRequest)
    }

    @Sendable func show(request: Request) async throws -> Response {
        guard let id = request.parameters.get("offeringID", as: UUID.self) else {
            throw AppError.notFound("That offering")
        }
        // The catalogue is in memory already; the offering is one of its own.
        let loaded = try await Self.load(request)
        guard let offering = loaded.offerings.first(where: { $0.id == id }) else {
            throw AppError.notFound("That offering")
        }
        let personID = try request.requireUser().personID
        let community = CommunityRepository(database: request.db)
        if let personID { try await community.recordView(offeringID: offering.id, personID: personID, on: .today) }
        return OfferingPage.render(
            offering, loaded: loaded,
            sessions: try await SessionsController.listed(offeringID: offering.id, request: request),
            usage: try await community.usage(offeringID: offering.id, personID: personID),
            context: PageContext(request)
        ).response()
    }

    @Sendable func export(request: Request) async throws -> Response {
        let loaded = try await Self.load(request)
        return .csvDownload(
            OfferingsCSV.make(loaded.offerings, frameworks: loaded.frameworks),
            filename: "catalogue-\(CalendarDate.today).csv")
    }

    struct Upload: Content {
        var file: File
    }

    /// Imports a catalogue file against the latest published version of every framework; all
    /// or nothing, every problem listed on the catalogue page.
    @Sendable func importFile(request: Request) async throws -> Response {
        guard let upload = try? request.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            throw AppError.badRequest("Choose a file to upload.", field: "file")
        }
        let text = try FrameworkImport.text(of: Data(buffer: upload.file.data), named: upload.file.filename)
        let frameworks = try await Self.publishedFrameworks(request.db)
        let localizer = request.readersLocalizer
        do {
            let (added, updated) = try await CatalogueRepository(database: request.db).importCSV(
                text, frameworks: frameworks, baseURL: settings.publicBaseURL)
            request.flash(
                localizer.text(
                    CataloguePageMessage.imported,
                    ["added": localizer.integer(added), "updated": localizer.integer(updated)]))
            return request.redirect(to: SitePath.catalogue.url())
        } catch let report as ImportReport {
            let loaded = try await Self.load(request)
            let (query, _) = CatalogueQuery.read([:])
            return CataloguePage.render(
                loaded, query: query, fields: [:], problems: [],
                results: PageOfResults(
                    query.results(in: loaded.listed), page: 1,
                    size: CataloguePage.pageSize),
                importProblems: report.problems.map { $0.description(in: localizer) }, context: PageContext(request)
            ).response(status: .unprocessableEntity)
        }
    }

    /// The latest published version of each framework, which an imported file names by name.
    static func publishedFrameworks(_ database: any Database) async throws -> [KnownFramework] {
        let repository = FrameworkRepository(database: database)
        let latest = Dictionary(
            grouping: try await repository.summaries().filter { $0.status == .published }, by: \.name
        ).compactMap { $0.value.max { $0.version < $1.version } }
        var frameworks: [KnownFramework] = []
        for summary in latest {
            frameworks.append(
                KnownFramework(id: summary.id, content: try await repository.version(id: summary.id).content))
        }
        return frameworks
    }

    // MARK: API

    struct OfferingDTO: Content {
        struct Competency: Content {
            var frameworkId: UUID
            var framework: String
            var code: String
            var fromLevel: String
            var toLevel: String
        }

        var id: UUID
        var code: String
        var title: String
        var summary: String
        var category: String
        var format: String
        var durationMinutes: Int
        var language: String
        var provider: String
        var link: String
        var owner: String
        var phase: String
        var prerequisites: [String]
        var competencies: [Competency]
        var xapiActivityId: String

        init(_ offering: Offering, loaded: Loaded) {
            id = offering.id
            code = offering.code
            title = offering.title
            summary = offering.summary
            category = offering.category
            format = offering.format.rawValue
            durationMinutes = offering.durationMinutes
            language = offering.language
            provider = offering.provider
            link = offering.link
            owner = offering.owner
            phase = offering.phase.rawValue
            prerequisites = offering.prerequisites
            competencies = offering.targets.map { target in
                let framework = loaded.framework(target.frameworkID)
                return Competency(
                    frameworkId: target.frameworkID, framework: framework?.name ?? "", code: target.competencyCode,
                    fromLevel: framework?.levels.name(at: target.fromLevel) ?? "\(target.fromLevel + 1)",
                    toLevel: framework?.levels.name(at: target.toLevel) ?? "\(target.toLevel + 1)")
            }
            xapiActivityId = offering.xapiActivityID
        }
    }

    /// Every offering, or those a query asks for (the catalogue page's filters).
    @Sendable func apiList(request: Request) async throws -> [OfferingDTO] {
        let loaded = try await Self.load(request)
        let fields = (try? request.query.decode([String: String].self)) ?? [:]
        let (query, problems) = CatalogueQuery.read(fields)
        if let problem = problems.first {
            throw AppError.badRequest(
                "'\(fields[problem.location] ?? "")' is not a \(problem.location) the catalogue knows.",
                field: problem.location)
        }
        return query.results(in: loaded.listed).map {
            OfferingDTO($0, loaded: loaded)
        }
    }
}

/// The catalogue as pages read it, kept between requests and read again only when the
/// catalogue's revision (moved on by every change) is no longer the one it was read at, so that
/// servers sharing a database never serve a catalogue another one changed.
final class CatalogueCache: Sendable {
    private struct Snapshot: Sendable {
        var revision: Int
        var loaded: CatalogueController.Loaded
    }

    private let snapshot = BoundedCache<Int, Snapshot>(capacity: 1)

    func loaded(database: any Database) async throws -> CatalogueController.Loaded {
        let revision = try await CatalogueRepository(database: database).revision()
        if let cached = snapshot[0], cached.revision == revision { return cached.loaded }
        // Read after the revision: a change committed in between is newer than the revision kept
        // with it, so the next request reads again rather than keeping it stale.
        let loaded = try await CatalogueController.read(database, revision: revision)
        snapshot[0] = Snapshot(revision: revision, loaded: loaded)
        return loaded
    }
}

extension Application {
    private struct CatalogueCacheKey: StorageKey {
        typealias Value = CatalogueCache
    }

    /// Made when the application is configured, before it serves.
    var catalogueCache: CatalogueCache {
        get {
            if let cache = storage[CatalogueCacheKey.self] { return cache }
            let cache = CatalogueCache()
            storage[CatalogueCacheKey.self] = cache
            return cache
        }
        set { storage[CatalogueCacheKey.self] = newValue }
    }
}
