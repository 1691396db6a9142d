import Vapor

struct OpenAPIController: RouteCollection {
    /// The document never changes while the process runs: built and serialised once, on first use.
    private static let document = OpenAPIDocument.json()

    func boot(routes: any RoutesBuilder) throws {
        routes.access(.anyone).get("openapi.json") { _ async throws -> Response in
            let response = Response(status: .ok, body: .init(data: Self.document))
            response.headers.contentType = .json
            return response
        }
    }
}
