import Foundation

/// A GET of /xapi/statements as its parameters ask (xAPI 1.0.3, Communication 2.1.3): one
/// statement by id, or those matching the filters, newest stored first, a page at a time.
public struct XAPIQuery: Sendable, Hashable {
    public enum Single: Sendable, Hashable {
        case statement(UUID)
        case voided(UUID)
    }

    public static let pageSize = 100
    public static let largestPage = 500

    public var single: Single?
    public var agentKey: String?
    public var verbID: String?
    public var activityID: String?
    public var registration: UUID?
    /// Stored after this instant (as `storedText` writes it), exclusive.
    public var since: String?
    /// Stored at or before this instant, inclusive.
    public var until: String?
    public var limit = pageSize
    public var ascending = false
    /// Where the previous page ended: its last statement's stored time and id.
    public struct Cursor: Sendable, Hashable {
        public var stored: String
        public var id: UUID

        public init(stored: String, id: UUID) {
            self.stored = stored
            self.id = id
        }

        /// As the `more` address carries it.
        public var text: String { "\(stored)|\(id.uuidString.lowercased())" }
    }

    public var after: Cursor?

    public init() {}

    static let known: Set<String> = [
        "statementId", "voidedStatementId", "agent", "verb", "activity", "registration", "related_activities",
        "related_agents", "since", "until", "limit", "format", "attachments", "ascending", "after",
    ]

    /// The query, or what is wrong with the parameters.
    public static func read(_ parameters: [String: String]) -> Result<XAPIQuery, XAPIProblem> {
        var query = XAPIQuery()
        for name in parameters.keys.sorted() where !known.contains(name) {
            return .failure(.init("\(name) is not a parameter of GET /xapi/statements"))
        }
        let single = parameters["statementId"] ?? parameters["voidedStatementId"]
        if let single {
            let name = parameters["statementId"] != nil ? "statementId" : "voidedStatementId"
            let others = Set(parameters.keys).subtracting(["statementId", "voidedStatementId", "format", "attachments"])
            guard others.isEmpty, parameters["statementId"] == nil || parameters["voidedStatementId"] == nil else {
                return .failure(.init("\(name) cannot be combined with other filters"))
            }
            guard let id = UUID(uuidString: single) else { return .failure(.init("\(name) must be a UUID")) }
            query.single = name == "statementId" ? .statement(id) : .voided(id)
            return .success(query)
        }
        if let agent = parameters["agent"] {
            guard let value = JSONValue.parse(Data(agent.utf8)),
                XAPIStatementRules.problems(probe(actor: value)).isEmpty,
                let key = XAPIStatement.agentKey(value)
            else {
                return .failure(
                    .init(
                        "agent must be an Agent's JSON with one identifier, e.g. {\"mbox\": \"mailto:a@example.com\"}"))
            }
            query.agentKey = key
        }
        if let verb = parameters["verb"] {
            guard XAPIStatementRules.isIRI(verb) else { return .failure(.init("verb must be an IRI")) }
            query.verbID = verb
        }
        if let activity = parameters["activity"] {
            guard XAPIStatementRules.isIRI(activity) else { return .failure(.init("activity must be an IRI")) }
            query.activityID = activity
        }
        if let registration = parameters["registration"] {
            guard let id = UUID(uuidString: registration) else { return .failure(.init("registration must be a UUID")) }
            query.registration = id
        }
        for name in ["related_activities", "related_agents"] {
            guard let value = parameters[name] else { continue }
            guard value == "false" || value == "true" else { return .failure(.init("\(name) must be true or false")) }
            if value == "true" {
                return .failure(.init("\(name)=true is not supported by this record store; ask with false"))
            }
        }
        for name in ["since", "until"] {
            guard let value = parameters[name] else { continue }
            guard let instant = XAPIStatementRules.instant(value) else {
                return .failure(.init("\(name) must be an ISO 8601 date and time"))
            }
            if name == "since" {
                query.since = XAPIStatement.storedText(instant)
            } else {
                query.until = XAPIStatement.storedText(instant)
            }
        }
        if let limit = parameters["limit"] {
            guard let number = Int(limit), number >= 0 else { return .failure(.init("limit must be 0 or more")) }
            query.limit = number == 0 ? largestPage : min(number, largestPage)
        }
        if let format = parameters["format"], !["ids", "exact", "canonical"].contains(format) {
            return .failure(.init("format must be ids, exact or canonical"))
        }
        if let ascending = parameters["ascending"] {
            guard ascending == "true" || ascending == "false" else {
                return .failure(.init("ascending must be true or false"))
            }
            query.ascending = ascending == "true"
        }
        if let after = parameters["after"] {
            let parts = after.split(separator: "|", maxSplits: 1)
            guard parts.count == 2, let id = UUID(uuidString: String(parts[1])),
                XAPIStatementRules.instant(String(parts[0])) != nil
            else { return .failure(.init("after is not a page this record store gave")) }
            query.after = Cursor(stored: String(parts[0]), id: id)
        }
        return .success(query)
    }

    /// An agent is checked as a statement's actor would be.
    private static func probe(actor: JSONValue) -> JSONValue {
        .object([
            "actor": actor, "verb": .object(["id": .string("http://example.com/v")]),
            "object": .object(["id": .string("http://example.com/a")]),
        ])
    }
}

/// A request the record store refuses, with the rule it breaks.
public struct XAPIProblem: Error, Sendable, Hashable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}

extension XAPIStatement {
    /// The store's time of an instant: UTC with milliseconds, always the same length, so that
    /// stored times sort as text.
    public static func storedText(_ instant: Date) -> String {
        instant.formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true)
                .timeSeparator(.colon).timeZone(separator: .omitted))
    }
}
