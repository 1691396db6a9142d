import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// The programme's own learning record store, to which Acumen sends statements about what
/// happens in it: `ACUMEN_XAPI_FORWARD_URL` (the xAPI endpoint, e.g. https://lrs.example/xAPI/)
/// with `ACUMEN_XAPI_FORWARD_KEY` and `ACUMEN_XAPI_FORWARD_SECRET` for HTTP basic authentication.
public struct XAPIForwarding: Sendable, Hashable {
    public var endpoint: String
    public var key: String
    public var secret: String

    public init(endpoint: String, key: String, secret: String) {
        self.endpoint = endpoint.hasSuffix("/") ? endpoint : endpoint + "/"
        self.key = key
        self.secret = secret
    }

    /// Nil when no endpoint is set; an endpoint without credentials, or that is not http(s), is refused.
    static func fromEnvironment(_ environment: [String: String]) throws -> XAPIForwarding? {
        guard let endpoint = environment["ACUMEN_XAPI_FORWARD_URL"], !endpoint.isEmpty else { return nil }
        guard let url = URL(string: endpoint), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
            let key = environment["ACUMEN_XAPI_FORWARD_KEY"], !key.isEmpty,
            let secret = environment["ACUMEN_XAPI_FORWARD_SECRET"], !secret.isEmpty
        else { throw SettingsError.invalidForwarding(endpoint) }
        return XAPIForwarding(endpoint: endpoint, key: key, secret: secret)
    }
}

/// Sends the xAPI outbox to the programme's record store: makes each event's statements once
/// (and keeps them), posts them, and marks the event sent only when the store accepted them.
struct XAPIForwarder {
    let database: any Database
    let client: any Client
    let forwarding: XAPIForwarding
    let baseURL: String

    func deliver() async throws {
        let outbox = XAPIOutboxRepository(database: database)
        while true {
            let due = try await outbox.claimDue(limit: 50)
            for event in due {
                do {
                    let statements: String
                    if let kept = event.statements {
                        statements = kept
                    } else {
                        statements = JSONValue.array(try await make(event)).canonicalText
                        try await outbox.keep(statements: statements, id: event.id)
                    }
                    if statements != "[]" { try await send(statements) }
                    try await outbox.markSent(id: event.id)
                } catch {
                    try await outbox.markFailed(event, error: String(describing: error))
                }
            }
            if due.count < 50 || Task.isCancelled { return }
        }
    }

    struct Refused: Error, CustomStringConvertible {
        var status: HTTPResponseStatus
        var body: String
        var description: String { "the record store answered \(status.code): \(body.prefix(300))" }
    }

    private func send(_ statements: String) async throws {
        var headers = HTTPHeaders()
        headers.basicAuthorization = BasicAuthorization(username: forwarding.key, password: forwarding.secret)
        headers.add(name: "X-Experience-API-Version", value: XAPIResponse.version)
        headers.contentType = .json
        let response = try await client.post(URI(string: forwarding.endpoint + "statements"), headers: headers) {
            $0.body = ByteBuffer(string: statements)
        }
        guard (200..<300).contains(response.status.code) else {
            throw Refused(status: response.status, body: response.body.map { String(buffer: $0) } ?? "")
        }
    }

    /// The statements an event stands for; none when what it names is gone.
    func make(_ event: XAPIOutboxRepository.Event) async throws -> [JSONValue] {
        let viewer = Viewer(userID: UUID(), email: "", role: .administrator, personID: nil)
        let person = try await PeopleRepository(database: database).person(id: event.personID, visibleTo: viewer)
        let who = AcumenStatements.Person(name: person.name, email: person.email)
        let frameworks = FrameworkRepository(database: database)
        func competency(_ code: String, frameworkID: UUID) async throws -> AcumenStatements.Competency? {
            let version = try await frameworks.version(id: frameworkID)
            guard let found = version.content.competencies.first(where: { $0.code == code }) else { return nil }
            return .init(frameworkID: frameworkID, frameworkName: version.content.name, code: code, title: found.title)
        }
        switch event.kind {
        case .completed:
            guard let roadmap = try await RoadmapRepository(database: database).roadmap(personID: event.personID),
                let item = roadmap.items.first(where: { $0.id == event.referenceID })
            else { return [] }
            let offering = try await CatalogueRepository(database: database).offering(id: item.offeringID)
            var developed: AcumenStatements.Competency?
            if let code = item.competencyCode {
                developed = try await competency(code, frameworkID: roadmap.frameworkID)
            }
            return [
                AcumenStatements.offeringCompleted(
                    id: event.id, person: who, offeringActivityID: offering.xapiActivityID,
                    offeringTitle: offering.title, competency: developed, at: event.occurredAt, baseURL: baseURL)
            ]
        case .observed:
            guard
                let observation = try await ObservationRepository(database: database).observations(
                    personID: event.personID
                ).first(where: { $0.id == event.referenceID }),
                let observed = try await competency(observation.competencyCode, frameworkID: observation.frameworkID)
            else { return [] }
            let levels = try await frameworks.version(id: observation.frameworkID).content.levels.count
            return [
                AcumenStatements.observationRecorded(
                    id: event.id, person: who,
                    observer: .init(name: observation.observerEmail, email: observation.observerEmail),
                    competency: observed, level: observation.level, levelCount: levels, at: event.occurredAt,
                    baseURL: baseURL)
            ]
        case .released:
            let cycles = CycleRepository(database: database)
            let cycle = try await cycles.cycle(id: event.referenceID)
            guard let subject = try await cycles.subject(cycleID: cycle.id, personID: event.personID) else { return [] }
            let loaded = try await ReportsController.load(cycle: cycle, subject: subject, database: database)
            var statements: [JSONValue] = []
            for gap in loaded.report.gaps {
                guard let found = loaded.framework.competencies.first(where: { $0.code == gap.competencyCode }) else {
                    continue
                }
                statements.append(
                    AcumenStatements.competencyReleased(
                        id: UUID(), person: who,
                        competency: .init(
                            frameworkID: cycle.frameworkID, frameworkName: loaded.framework.name, code: found.code,
                            title: found.title),
                        level: gap.current, levelCount: loaded.framework.levels.count, cycleName: cycle.name,
                        cycleActivityID: "\(baseURL)/xapi/activities/cycles/\(cycle.id.uuidString.lowercased())",
                        at: event.occurredAt, baseURL: baseURL))
            }
            return statements
        }
    }
}
