import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// The learning record store's rows: credentials per source system, and statements.
public struct LearningRecordRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    // MARK: Credentials

    public struct Credential: Sendable, Hashable, Identifiable {
        public var id: UUID
        public var name: String
        public var key: String
        public var secretDigest: String
        public var createdBy: String
        public var createdAt: Date
        public var revokedAt: Date?
    }

    private struct CredentialRow: Decodable {
        var id: UUID
        var name: String
        var key: String
        var secretDigest: String
        var createdBy: String
        var createdAt: String
        var revokedAt: String?

        var credential: Credential {
            Credential(
                id: id, name: name, key: key, secretDigest: secretDigest, createdBy: createdBy,
                createdAt: (try? Date(createdAt, strategy: .iso8601)) ?? .distantPast,
                revokedAt: revokedAt.flatMap { try? Date($0, strategy: .iso8601) })
        }
    }

    /// Stores a credential; only the secret's digest is kept, the secret itself is shown once.
    public func createCredential(name: String, key: String, secretDigest: String, createdBy: String, at: Date)
        async throws -> Credential
    {
        let id = UUID()
        try await sql.raw(
            """
            INSERT INTO xapi_credentials (id, name, key, secret_digest, created_by, created_at, revoked_at)
            VALUES (\(bind: id), \(bind: name), \(bind: key), \(bind: secretDigest), \(bind: createdBy),
                \(bind: at.formatted(.iso8601)), NULL)
            """
        ).run()
        return Credential(
            id: id, name: name, key: key, secretDigest: secretDigest, createdBy: createdBy, createdAt: at,
            revokedAt: nil)
    }

    public func credentials() async throws -> [Credential] {
        try await sql.raw("SELECT * FROM xapi_credentials ORDER BY created_at DESC, name").all(
            decoding: CredentialRow.self, keyDecodingStrategy: .convertFromSnakeCase
        ).map(\.credential)
    }

    public func credential(key: String) async throws -> Credential? {
        try await sql.raw("SELECT * FROM xapi_credentials WHERE key = \(bind: key)").first(
            decoding: CredentialRow.self, keyDecodingStrategy: .convertFromSnakeCase
        )?.credential
    }

    public func revokeCredential(id: UUID, at: Date) async throws {
        try await sql.raw(
            """
            UPDATE xapi_credentials SET revoked_at = \(bind: at.formatted(.iso8601))
            WHERE id = \(bind: id) AND revoked_at IS NULL
            """
        ).run()
    }

    // MARK: Statements

    /// What storing a batch did.
    public struct Stored: Sendable, Hashable {
        /// The ids of the batch, in its order (a statement sent again keeps its id).
        public var ids: [UUID]
        /// Roadmap items the statements completed.
        public var completedItems: Int
    }

    /// Stores a batch all or nothing: a statement whose id is already stored with the same content
    /// is stored once; with other content, the whole batch is refused (a conflict). Voiding marks
    /// the voided statement; a voiding statement cannot itself be voided. Statements whose actor
    /// is a person (by e-mail) and whose activity is an offering on their roadmap, and which say it
    /// was completed, complete the item with its follow-ups scheduled.
    public func store(_ statements: [XAPIStatement], credential: Credential, on day: CalendarDate, at: Date)
        async throws -> Stored
    {
        try await database.writeTransaction { database in
            let sql = database.sql
            var known: [UUID: (content: String, voids: UUID?)] = [:]
            let ids = statements.map(\.id)
            for chunk in ids.chunked(into: 500).map(Array.init) {
                for row in try await sql.select().columns("id", "content", "voids").from("xapi_statements")
                    .where("id", .in, chunk).all()
                {
                    known[try row.decode(column: "id", as: UUID.self)] = (
                        try row.decode(column: "content", as: String.self),
                        try row.decode(column: "voids", as: UUID?.self)
                    )
                }
            }
            var fresh: [(index: Int, statement: XAPIStatement)] = []
            for (index, statement) in statements.enumerated() {
                if let existing = known[statement.id] {
                    guard existing.content == statement.content else {
                        throw StoreError.conflict(
                            "statement \(index): the id \(statement.id.uuidString.lowercased()) is already stored with other content"
                        )
                    }
                } else {
                    fresh.append((index, statement))
                }
            }
            // What is voided must not be a voiding statement, stored or in this batch.
            let batchVoiding = Set(fresh.filter { $0.statement.voids != nil }.map(\.statement.id))
            let targets = fresh.compactMap { entry in entry.statement.voids.map { (entry.index, $0) } }
            if !targets.isEmpty {
                var voiding = batchVoiding
                for chunk in targets.map(\.1).chunked(into: 500).map(Array.init) {
                    for row in try await sql.select().column("id").from("xapi_statements").where("id", .in, chunk)
                        .where("voids", .isNot, SQLLiteral.null).all()
                    {
                        voiding.insert(try row.decode(column: "id", as: UUID.self))
                    }
                }
                if let (index, target) = targets.first(where: { voiding.contains($0.1) }) {
                    throw StoreError.invalid([
                        ValidationProblem(
                            location: "statement \(index)",
                            message:
                                "it voids \(target.uuidString.lowercased()), itself a voiding statement, which cannot be voided"
                        )
                    ])
                }
            }
            let people = try await Self.people(emails: Set(fresh.compactMap(\.statement.actorEmail)), on: sql)
            let storedAt = XAPIStatement.storedText(at)
            for chunk in fresh.chunked(into: 200) {
                let insert = sql.insert(into: "xapi_statements").columns(
                    "id", "content", "statement", "stored", "agent_key", "verb_id", "activity_id", "registration",
                    "voids", "voided", "credential_id", "person_id")
                for (_, statement) in chunk {
                    _ = insert.values(
                        SQLBind(statement.id), SQLBind(statement.content), SQLBind(statement.stored.canonicalText),
                        SQLBind(storedAt), SQLBind(statement.agentKey), SQLBind(statement.verbID),
                        SQLBind(statement.activityID), SQLBind(statement.registration?.uuidString.lowercased()),
                        SQLBind(statement.voids), SQLBind(false), SQLBind(credential.id),
                        SQLBind(statement.actorEmail.flatMap { people[$0] }))
                }
                try await insert.run()
            }
            for chunk in targets.map(\.1).chunked(into: 500).map(Array.init) {
                try await sql.update("xapi_statements").set("voided", to: true).where("id", .in, chunk).run()
            }
            // A completion of an offering by a known person is on their learning record, and
            // completes the offering on their roadmap.
            var completed = 0
            let offerings = try await Self.offerings(
                activityIDs: Set(fresh.filter { $0.statement.completes }.compactMap(\.statement.activityID)), on: sql)
            for (_, statement) in fresh where statement.completes && statement.voids == nil {
                guard let email = statement.actorEmail, let personID = people[email],
                    let offeringID = statement.activityID.flatMap({ offerings[$0] })
                else { continue }
                let completedOn =
                    statement.stored["timestamp"]?.string.flatMap(XAPIStatementRules.instant).map(CalendarDate.init)
                    ?? day
                completed +=
                    try await CompletionRepository.record(
                        .init(personID: personID, offeringID: offeringID, completedOn: min(completedOn, day)),
                        source: "\(credential.name) (xAPI)", at: at, sql: sql
                    ).1
            }
            return Stored(ids: ids, completedItems: completed)
        }
    }

    private static func offerings(activityIDs: Set<String>, on sql: any SQLDatabase) async throws -> [String: UUID] {
        var found: [String: UUID] = [:]
        for chunk in Array(activityIDs).chunked(into: 500).map(Array.init) {
            for row in try await sql.select().columns("id", "xapi_activity_id").from("offerings")
                .where("xapi_activity_id", .in, chunk).all()
            {
                found[try row.decode(column: "xapi_activity_id", as: String.self)] = try row.decode(
                    column: "id", as: UUID.self)
            }
        }
        return found
    }

    private static func people(emails: Set<String>, on sql: any SQLDatabase) async throws -> [String: UUID] {
        var found: [String: UUID] = [:]
        for chunk in Array(emails).chunked(into: 500).map(Array.init) {
            for row in try await sql.raw(
                "SELECT id, LOWER(email) AS email FROM people WHERE LOWER(email) IN (\(binds: chunk))"
            ).all() {
                found[try row.decode(column: "email", as: String.self)] = try row.decode(column: "id", as: UUID.self)
            }
        }
        return found
    }

    /// One statement the credential stored, with whether it is voided; nil when there is none.
    public func statement(id: UUID, storedBy credentialID: UUID) async throws -> (statement: String, voided: Bool)? {
        guard
            let row = try await sql.select().columns("statement", "voided").from("xapi_statements")
                .where("id", .equal, id).where("credential_id", .equal, credentialID).first()
        else { return nil }
        return (try row.decode(column: "statement", as: String.self), try row.decode(column: "voided", as: Bool.self))
    }

    /// The statements a query asks for among those the credential stored (never voided ones),
    /// one more than the page to tell whether there are more; each with its stored time and id
    /// for the next page's cursor. A source system reads what it sent, not what others sent.
    public func statements(_ query: XAPIQuery, storedBy credentialID: UUID) async throws -> [(
        statement: String, cursor: XAPIQuery.Cursor
    )] {
        var select = sql.select().columns("statement", "stored", "id").from("xapi_statements")
            .where("voided", .equal, false).where("credential_id", .equal, credentialID)
        if let agent = query.agentKey { select = select.where("agent_key", .equal, agent) }
        if let verb = query.verbID { select = select.where("verb_id", .equal, verb) }
        if let activity = query.activityID { select = select.where("activity_id", .equal, activity) }
        if let registration = query.registration {
            select = select.where("registration", .equal, registration.uuidString.lowercased())
        }
        if let since = query.since { select = select.where("stored", .greaterThan, since) }
        if let until = query.until { select = select.where("stored", .lessThanOrEqual, until) }
        if let after = query.after {
            let later: SQLBinaryOperator = query.ascending ? .greaterThan : .lessThan
            select = select.where {
                $0.where("stored", later, after.stored).orWhere { inner in
                    inner.where("stored", .equal, after.stored).where("id", later, after.id)
                }
            }
        }
        let direction: SQLDirection = query.ascending ? .ascending : .descending
        return try await select.orderBy("stored", direction).orderBy("id", direction).limit(query.limit + 1).all()
            .map { row in
                (
                    try row.decode(column: "statement", as: String.self),
                    XAPIQuery.Cursor(
                        stored: try row.decode(column: "stored", as: String.self),
                        id: try row.decode(column: "id", as: UUID.self))
                )
            }
    }

    /// The latest stored time: every statement stored by then is in query answers.
    public func consistentThrough() async throws -> String? {
        try await sql.raw("SELECT MAX(stored) AS latest FROM xapi_statements").first()?.decode(
            column: "latest", as: String?.self)
    }
}
