import AcumenCore
import AcumenStore
import Vapor

/// Admits requests that carry HTTP basic credentials issued to a source system and keeps the
/// credential for the handler; anything else gets 401 with the challenge xAPI clients expect.
struct RequireSourceSystem: AsyncMiddleware {
    private struct CredentialKey: StorageKey {
        typealias Value = LearningRecordRepository.Credential
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let basic = request.headers.basicAuthorization,
            let credential = try await XAPICredentialIssuer.verify(
                key: basic.username, secret: basic.password, database: request.db)
        else {
            var headers = XAPIResponse.headers
            headers.replaceOrAdd(name: .wwwAuthenticate, value: "Basic realm=\"Acumen learning records\"")
            return XAPIResponse.problem(
                .unauthorized,
                "Send the key and secret issued to this system (acumen xapi credentials create --name SOURCE) as HTTP basic authentication.",
                headers: headers)
        }
        request.storage[CredentialKey.self] = credential
        return try await next.respond(to: request)
    }

    static func credential(of request: Request) throws -> LearningRecordRepository.Credential {
        guard let credential = request.storage[CredentialKey.self] else { throw Abort(.unauthorized) }
        return credential
    }
}

/// How the record store answers: JSON, with the version of xAPI it speaks on every response.
enum XAPIResponse {
    static let version = "1.0.3"

    static var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "X-Experience-API-Version", value: version)
        headers.contentType = .json
        return headers
    }

    static func json(_ text: String, status: HTTPResponseStatus = .ok, headers extra: HTTPHeaders = [:]) -> Response {
        var headers = Self.headers
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        return Response(status: status, headers: headers, body: .init(string: text))
    }

    static func problem(_ status: HTTPResponseStatus, _ message: String, headers: HTTPHeaders = headers) -> Response {
        let body = JSONValue.object(["error": .bool(true), "message": .string(message)]).canonicalText
        return Response(status: status, headers: headers, body: .init(string: body))
    }
}
