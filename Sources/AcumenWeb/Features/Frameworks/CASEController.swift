import AcumenCore
import AcumenStore
import Vapor

/// The read-only CASE 1.1 provider API. It serves the organisation's adopted standards:
/// published and retired versions. Drafts are not served here.
///
/// Every `uri` in what it serves resolves here: the package, its document, each item (with
/// its associations), association, item type, rubric, rubric criterion and criterion level.
struct CASEController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        // CASE is an open standard for sharing adopted frameworks: no sign-in, no drafts.
        let case11 = routes.access(.anyone).grouped("ims", "case", "v1p1")
        case11.get("CFDocuments", use: documents)
        case11.get("CFDocuments", ":id", use: document)
        case11.get("CFPackages", ":id", use: package)
        case11.get("CFItems", ":id", use: item)
        case11.get("CFItemAssociations", ":id", use: itemAssociations)
        case11.get("CFAssociations", ":id", use: association)
        case11.get("CFItemTypes", ":id", use: itemType)
        case11.get("CFRubrics", ":id", use: rubric)
        case11.get("CFRubricCriteria", ":id", use: rubricCriterion)
        case11.get("CFRubricCriterionLevels", ":id", use: rubricCriterionLevel)
    }

    /// URIs name the configured public origin, never the request's Host header.
    static func exporter(settings: AcumenSettings) -> CASEExporter {
        CASEExporter(baseURL: settings.publicBaseURL)
    }

    /// CASE clients compare identifiers as text, so the encoding keeps key order stable.
    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(value)))
        response.headers.contentType = .json
        return response
    }

    @Sendable func documents(request: Request) async throws -> Response {
        let exporter = Self.exporter(settings: settings)
        let documents = try await publicVersions(request).map(exporter.document(of:))
        return try Self.json(CASEDocumentSet(documents: documents))
    }

    @Sendable func document(request: Request) async throws -> Response {
        try Self.json(
            try await found("CFDocument", request) { package, id in
                package.document.identifier == id ? package.document : nil
            })
    }

    @Sendable func package(request: Request) async throws -> Response {
        let id = Self.identifier(request)
        let exporter = Self.exporter(settings: settings)
        for version in try await publicVersions(request)
        where CASEExporter.identifier(for: version.content.identifier) == id {
            return try Self.json(exporter.package(of: version))
        }
        throw AppError.notFound("That CFPackage")
    }

    @Sendable func item(request: Request) async throws -> Response {
        try Self.json(
            try await found("CFItem", request) { package, id in package.items?.first { $0.identifier == id } })
    }

    /// The item with every association that starts or ends at it.
    @Sendable func itemAssociations(request: Request) async throws -> Response {
        try Self.json(
            try await found("CFItem", request) { package, id in
                package.items?.first { $0.identifier == id }.map { item in
                    CASEItemAssociations(
                        item: item,
                        associations: (package.associations ?? []).filter {
                            $0.originNodeURI.identifier == id || $0.destinationNodeURI.identifier == id
                        })
                }
            })
    }

    @Sendable func association(request: Request) async throws -> Response {
        try Self.json(
            try await found("CFAssociation", request) { package, id in
                package.associations?.first { $0.identifier == id }
            })
    }

    @Sendable func itemType(request: Request) async throws -> Response {
        try Self.json(
            try await found("CFItemType", request) { package, id in
                package.definitions?.itemTypes?.first { $0.identifier == id }
            })
    }

    @Sendable func rubric(request: Request) async throws -> Response {
        try Self.json(
            try await found("CFRubric", request) { package, id in package.rubrics?.first { $0.identifier == id } })
    }

    @Sendable func rubricCriterion(request: Request) async throws -> Response {
        try Self.json(
            try await found("CFRubricCriterion", request) { package, id in
                package.rubrics?.lazy.compactMap { $0.criteria?.first { $0.identifier == id } }.first
            })
    }

    @Sendable func rubricCriterionLevel(request: Request) async throws -> Response {
        try Self.json(
            try await found("CFRubricCriterionLevel", request) { package, id in
                package.rubrics?.lazy.flatMap { $0.criteria ?? [] }
                    .compactMap { $0.levels?.first { $0.identifier == id } }.first
            })
    }

    /// The identifier in the path, as CASE writes identifiers (lower case).
    private static func identifier(_ request: Request) -> String {
        (request.parameters.get("id") ?? "").lowercased()
    }

    /// The first object `pick` finds in the adopted frameworks' packages, each object as served
    /// on its own (with its link to the document); "not found" names the kind of object asked for.
    private func found<Object: Sendable>(
        _ kind: String, _ request: Request, _ pick: (CASEPackage, String) -> Object?
    ) async throws -> Object {
        let id = Self.identifier(request)
        let exporter = Self.exporter(settings: settings)
        for version in try await publicVersions(request) {
            let package = exporter.linkedPackage(of: version)
            if let object = pick(package, id) { return object }
        }
        throw AppError.notFound("That \(kind)")
    }

    private func publicVersions(_ request: Request) async throws -> [FrameworkVersion] {
        let repository = FrameworkRepository(database: request.db)
        var versions: [FrameworkVersion] = []
        for summary in try await repository.summaries() where FrameworkPolicy.isPublic(summary.status) {
            versions.append(try await repository.version(id: summary.id))
        }
        return versions
    }
}
