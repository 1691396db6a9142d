import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// A small learning record store (xAPI 1.0.3) for Acumen's own offerings: statements in, one at a
/// time or in batches (all or nothing), statements out by id or filters a page at a time, and
/// completions of offerings on people's roadmaps.
struct XAPIController: RouteCollection {
    let settings: AcumenSettings

    /// A batch of a few thousand statements fits.
    static let largestBody: ByteCount = "20mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.access(.anyone).get("xapi", "about", use: about)
        let systems = routes.access(.sourceSystem)
        systems.get("xapi", "statements", use: get)
        systems.on(.POST, "xapi", "statements", body: .collect(maxSize: Self.largestBody), use: post)
        systems.on(.PUT, "xapi", "statements", body: .collect(maxSize: Self.largestBody), use: put)
    }

    @Sendable func about(request: Request) async throws -> Response {
        XAPIResponse.json(
            JSONValue.object(["version": .array([.string(XAPIResponse.version)]), "extensions": .object([:])])
                .canonicalText)
    }

    /// Every request but /about names the version of xAPI it speaks.
    private func versionProblem(_ request: Request) -> Response? {
        guard let version = request.headers.first(name: "X-Experience-API-Version") else {
            return XAPIResponse.problem(.badRequest, "Send the X-Experience-API-Version header (1.0.3).")
        }
        guard version == "1.0" || version.hasPrefix("1.0.") else {
            return XAPIResponse.problem(.badRequest, "This record store speaks xAPI 1.0.x, not \(version).")
        }
        return nil
    }

    /// The body as JSON, or the response that says why it is not.
    private func body(_ request: Request) -> Result<JSONValue, XAPIProblem> {
        guard request.headers.contentType?.subType == "json" else {
            return .failure(
                .init("Send statements as application/json (attachments in multipart/mixed are not accepted)."))
        }
        guard let buffer = request.body.data, let json = JSONValue.parse(Data(buffer: buffer)) else {
            return .failure(.init("The body is not JSON."))
        }
        return .success(json)
    }

    @Sendable func post(request: Request) async throws -> Response {
        if let refusal = versionProblem(request) { return refusal }
        let json: JSONValue
        switch body(request) {
        case .success(let value): json = value
        case .failure(let problem): return XAPIResponse.problem(.badRequest, problem.message)
        }
        switch try await store(json, request: request) {
        case .ids(let ids):
            return XAPIResponse.json(
                JSONValue.array(ids.map { JSONValue.string($0.uuidString.lowercased()) }).canonicalText)
        case .refused(let refusal): return refusal
        }
    }

    @Sendable func put(request: Request) async throws -> Response {
        if let refusal = versionProblem(request) { return refusal }
        guard let given = request.query[String.self, at: "statementId"], let id = UUID(uuidString: given) else {
            return XAPIResponse.problem(.badRequest, "PUT names the statement with the statementId parameter, a UUID.")
        }
        var json: JSONValue
        switch body(request) {
        case .success(let value): json = value
        case .failure(let problem): return XAPIResponse.problem(.badRequest, problem.message)
        }
        guard case .object(var members) = json else {
            return XAPIResponse.problem(.badRequest, "PUT sends one statement, a JSON object.")
        }
        if let inside = members["id"] {
            guard inside.string.flatMap(UUID.init(uuidString:)) == id else {
                return XAPIResponse.problem(.badRequest, "statement 0: id differs from the statementId parameter")
            }
        }
        members["id"] = .string(given)
        json = .object(members)
        switch try await store(json, request: request) {
        case .ids: return Response(status: .noContent, headers: XAPIResponse.headers)
        case .refused(let refusal): return refusal
        }
    }

    private enum Stored {
        case ids([UUID])
        case refused(Response)
    }

    /// Checks the whole batch, then stores it in one transaction or not at all.
    private func store(_ json: JSONValue, request: Request) async throws -> Stored {
        let (statements, problems) = XAPIBatch.read(json)
        guard problems.isEmpty else {
            let shown = problems.prefix(20).joined(separator: "; ")
            let more = problems.count > 20 ? " (and \(problems.count - 20) more)" : ""
            return .refused(XAPIResponse.problem(.badRequest, "Nothing was stored. \(shown)\(more)"))
        }
        let credential = try RequireSourceSystem.credential(of: request)
        let now = Date()
        let authority = JSONValue.object([
            "objectType": .string("Agent"), "name": .string(credential.name),
            "account": .object([
                "homePage": .string(settings.publicBaseURL),
                "name": .string(credential.key),
            ]),
        ])
        let storedAt = XAPIStatement.storedText(now)
        let read = statements.map { XAPIStatement(valid: $0, storedAt: storedAt, authority: authority) }
        do {
            let stored = try await LearningRecordRepository(database: request.db).store(
                read, credential: credential, on: .today, at: now)
            return .ids(stored.ids)
        } catch StoreError.conflict(let message) {
            return .refused(XAPIResponse.problem(.conflict, "Nothing was stored. \(message)"))
        } catch StoreError.invalid(let problems) {
            return .refused(
                XAPIResponse.problem(
                    .badRequest,
                    "Nothing was stored. " + problems.map { "\($0.location): \($0.message)" }.joined(separator: "; ")))
        }
    }

    @Sendable func get(request: Request) async throws -> Response {
        if let refusal = versionProblem(request) { return refusal }
        let parameters = (try? request.query.decode([String: String].self)) ?? [:]
        let query: XAPIQuery
        switch XAPIQuery.read(parameters) {
        case .success(let value): query = value
        case .failure(let problem): return XAPIResponse.problem(.badRequest, problem.message)
        }
        let repository = LearningRecordRepository(database: request.db)
        let credential = try RequireSourceSystem.credential(of: request)
        var headers = HTTPHeaders()
        headers.add(
            name: "X-Experience-API-Consistent-Through",
            value: try await repository.consistentThrough() ?? XAPIStatement.storedText(Date()))
        switch query.single {
        case .statement(let id):
            guard let found = try await repository.statement(id: id, storedBy: credential.id), !found.voided else {
                return XAPIResponse.problem(
                    .notFound, "No statement has that id (a voided one is read with voidedStatementId).")
            }
            return XAPIResponse.json(found.statement, headers: headers)
        case .voided(let id):
            guard let found = try await repository.statement(id: id, storedBy: credential.id), found.voided else {
                return XAPIResponse.problem(.notFound, "No voided statement has that id.")
            }
            return XAPIResponse.json(found.statement, headers: headers)
        case nil:
            let rows = try await repository.statements(query, storedBy: credential.id)
            let page = rows.prefix(query.limit)
            var more = ""
            if rows.count > query.limit, let last = page.last {
                var next = parameters
                next["after"] = last.cursor.text
                var components = URLComponents()
                components.path = "/xapi/statements"
                components.queryItems = next.sorted { $0.key < $1.key }.map {
                    URLQueryItem(name: $0.key, value: $0.value)
                }
                more = components.string ?? ""
            }
            // The statements are stored as canonical JSON already: they are put in the answer as they are.
            let text =
                "{\"more\":\(JSONValue.string(more).canonicalText),\"statements\":[\(page.map(\.statement).joined(separator: ","))]}"
            return XAPIResponse.json(text, headers: headers)
        }
    }
}
