import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Completed offerings, whoever reports them (an LMS export, a learning record, the account
/// manager): each person's learning record, and what completes items on their roadmap.
public struct CompletionRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public struct Completion: Hashable, Sendable {
        public var personID: UUID
        public var offeringID: UUID
        public var completedOn: CalendarDate

        public init(personID: UUID, offeringID: UUID, completedOn: CalendarDate) {
            self.personID = personID
            self.offeringID = offeringID
            self.completedOn = completedOn
        }
    }

    public struct Outcome: Hashable, Sendable {
        /// Completions not known before.
        public var recorded: Int
        /// Roadmap items they completed.
        public var itemsCompleted: Int
    }

    /// Records the completions in one transaction, each once (the same person, offering and day
    /// again is the same completion), completing the open roadmap items for those offerings in
    /// the name of `source`.
    public func record(_ completions: [Completion], source: String, at: Date) async throws -> Outcome {
        try await database.writeTransaction { database in
            var outcome = Outcome(recorded: 0, itemsCompleted: 0)
            for completion in completions {
                let (recorded, completed) = try await Self.record(
                    completion, source: source, at: at, sql: database.sql)
                outcome.recorded += recorded ? 1 : 0
                outcome.itemsCompleted += completed
            }
            return outcome
        }
    }

    /// Inside a transaction: returns whether the completion was new and how many items it completed.
    /// Refreshers are scheduled from the day it was completed.
    static func record(_ completion: Completion, source: String, at: Date, sql: any SQLDatabase) async throws
        -> (Bool, Int)
    {
        let recorded = try await keep(completion, source: source, at: at, sql: sql)
        let open = try await sql.raw(
            """
            SELECT id FROM roadmap_items WHERE person_id = \(bind: completion.personID)
            AND offering_id = \(bind: completion.offeringID) AND status NOT IN ('completed', 'waived')
            """
        ).all()
        for row in open {
            try await RoadmapRepository.setStatus(
                .completed, itemID: try row.decode(column: "id", as: UUID.self), personID: completion.personID,
                note: "Completed on \(completion.completedOn), as \(source) reports.", byUserID: nil, source: source,
                on: completion.completedOn, at: at, sql: sql)
        }
        return (recorded, open.count)
    }

    /// Who marked an item completed on their roadmap themselves, as a completion's source.
    static let roadmapSource = "roadmap"

    /// Inside a transaction: keeps the completion on the person's learning record unless the
    /// same person, offering and day is there already; returns whether it was new.
    static func keep(_ completion: Completion, source: String, at: Date, sql: any SQLDatabase) async throws -> Bool {
        let known = try await sql.raw(
            """
            SELECT id FROM learning_completions WHERE person_id = \(bind: completion.personID)
            AND offering_id = \(bind: completion.offeringID) AND completed_on = \(bind: completion.completedOn.description)
            """
        ).first()
        guard known == nil else { return false }
        try await sql.raw(
            """
            INSERT INTO learning_completions (id, person_id, offering_id, completed_on, source, recorded_at)
            VALUES (\(bind: UUID()), \(bind: completion.personID), \(bind: completion.offeringID),
                \(bind: completion.completedOn.description), \(bind: source), \(bind: at.formatted(.iso8601)))
            """
        ).run()
        return true
    }

    /// Every offering the person has completed, whenever and however it was reported.
    public func offeringIDs(personID: UUID) async throws -> Set<UUID> {
        Set(
            try await database.sql.raw(
                "SELECT DISTINCT offering_id FROM learning_completions WHERE person_id = \(bind: personID)"
            ).all().map { try $0.decode(column: "offering_id", as: UUID.self) })
    }

    /// A completion as the person's record lists it.
    public struct Recorded: Hashable, Sendable {
        public var offeringID: UUID
        public var completedOn: CalendarDate
        public var source: String
    }

    /// The person's latest completions, newest first.
    public func recent(personID: UUID, limit: Int) async throws -> [Recorded] {
        struct Row: Decodable {
            var offeringId: UUID
            var completedOn: String
            var source: String
        }
        return try await database.sql.raw(
            """
            SELECT offering_id, completed_on, source FROM learning_completions WHERE person_id = \(bind: personID)
            ORDER BY completed_on DESC, recorded_at DESC LIMIT \(bind: limit)
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap { row in
            CalendarDate(row.completedOn).map {
                Recorded(offeringID: row.offeringId, completedOn: $0, source: row.source)
            }
        }
    }

    /// How many completions a person has, for their record.
    /// Changes whenever a completion is recorded or taken back: what figures kept from the
    /// learning record are kept under.
    public func version() async throws -> String {
        guard
            let row = try await database.sql.raw(
                "SELECT COUNT(*) AS n, MAX(recorded_at) AS latest FROM learning_completions"
            ).first()
        else { return "" }
        return
            "\(try row.decode(column: "n", as: Int.self))@\(try row.decode(column: "latest", as: String?.self) ?? "")"
    }

    public func count(personID: UUID) async throws -> Int {
        try await database.sql.raw(
            "SELECT COUNT(*) AS n FROM learning_completions WHERE person_id = \(bind: personID)"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
