import Vapor

struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.anyone).get("openapi.json") { _ async throws -> Response in
            let response = Response(status: .ok, body: .init(data: OpenAPIDocument.json()))
            response.headers.contentType = .json
            return response
        }
    }
}
