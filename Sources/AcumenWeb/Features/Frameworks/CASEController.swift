import AcumenCore
import AcumenStore
import Vapor

/// The read-only CASE 1.1 provider API. It serves the organisation's adopted standards:
/// published and retired versions. Drafts are not served here.
struct CASEController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        // CASE is an open standard for sharing adopted frameworks: no sign-in, no drafts.
        let case11 = routes.access(.anyone).grouped("ims", "case", "v1p1")
        case11.get("CFDocuments", use: documents)
        case11.get("CFPackages", ":id", use: package)
        case11.get("CFItems", ":id", use: item)
    }

    /// URIs name the configured public origin, never the request's Host header.
    static func exporter(for request: Request, settings: AcumenSettings) -> CASEExporter {
        CASEExporter(baseURL: settings.publicBaseURL)
    }

    /// CASE clients compare identifiers as text, so the encoding keeps key order stable.
    static func json(_ value: some Encodable, for request: Request) async throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(value)))
        response.headers.contentType = .json
        return response
    }

    @Sendable func documents(request: Request) async throws -> Response {
        let exporter = Self.exporter(for: request, settings: settings)
        let repository = FrameworkRepository(database: request.db)
        var documents: [CASEDocument] = []
        for summary in try await repository.summaries() where FrameworkPolicy.isPublic(summary.status) {
            let version = try await repository.version(id: summary.id)
            documents.append(
                exporter.document(
                    for: version.content, version: summary.version, status: summary.status,
                    lastChange: summary.updatedAt))
        }
        return try await Self.json(CASEDocumentSet(documents: documents), for: request)
    }

    @Sendable func package(request: Request) async throws -> Response {
        let version = try await publicVersion(request.parameters.get("id", as: UUID.self), request: request)
        let package = Self.exporter(for: request, settings: settings).package(
            for: version.content, version: version.summary.version, status: version.summary.status,
            lastChange: version.summary.updatedAt)
        return try await Self.json(package, for: request)
    }

    @Sendable func item(request: Request) async throws -> Response {
        guard let id = request.parameters.get("id", as: UUID.self),
            let frameworkID = try await FrameworkRepository(database: request.db).frameworkID(containingItem: id)
        else { throw AppError.notFound("That CFItem") }
        let version = try await publicVersion(frameworkID, request: request)
        let package = Self.exporter(for: request, settings: settings).package(
            for: version.content, version: version.summary.version, status: version.summary.status,
            lastChange: version.summary.updatedAt)
        guard let item = package.items?.first(where: { $0.identifier == id.lowercasedString }) else {
            throw AppError.notFound("That CFItem")
        }
        return try await Self.json(item, for: request)
    }

    private func publicVersion(_ id: UUID?, request: Request) async throws -> FrameworkVersion {
        guard let id else { throw AppError.notFound("That CFPackage") }
        let version: FrameworkVersion
        do {
            version = try await FrameworkRepository(database: request.db).version(id: id)
        } catch StoreError.notFound {
            throw AppError.notFound("That CFPackage")
        }
        guard FrameworkPolicy.isPublic(version.summary.status) else { throw AppError.notFound("That CFPackage") }
        return version
    }
}
