import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// What the group dashboard reads of a settled cycle: each account manager's level per
/// competency as their report shows it, averaged in the database, and the customers each serves.
public struct GroupResultsRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Per person assessed in the cycle, others' mean level per competency: the supervisor's
    /// ratings, and the peers' where at least `minimumPeers` peers answered (a report shows
    /// fewer peers on their own nowhere, so no figure built on it may count them). Levels a
    /// rater left "not observed" count for nothing. One row per person and competency comes
    /// back from the database, never a rating.
    public func levels(cycleID: UUID, minimumPeers: Int) async throws -> [UUID: [String: Double]] {
        try await database.sql.raw(
            """
            SELECT r.subject_id, x.competency_code, CAST(SUM(x.level) AS DOUBLE PRECISION) AS total,
                COUNT(x.level) AS counted
            FROM responses r JOIN response_ratings x ON x.response_id = r.id
            WHERE r.cycle_id = \(bind: cycleID) AND r.status = 'submitted' AND x.level IS NOT NULL
                AND (r.source = \(bind: RaterSource.supervisor.rawValue)
                    OR (r.source = \(bind: RaterSource.peer.rawValue) AND r.subject_id IN (
                        SELECT subject_id FROM responses
                        WHERE cycle_id = \(bind: cycleID) AND status = 'submitted'
                            AND source = \(bind: RaterSource.peer.rawValue)
                        GROUP BY subject_id HAVING COUNT(*) >= \(bind: minimumPeers))))
            GROUP BY r.subject_id, x.competency_code
            """
        ).fold(into: [UUID: [String: Double]]()) { levels, row in
            let counted = try row.decode(column: "counted", as: Int.self)
            guard counted > 0 else { return }
            levels[try row.decode(column: "subject_id", as: UUID.self), default: [:]][
                try row.decode(column: "competency_code", as: String.self)] =
                try row.decode(column: "total", as: Double.self) / Double(counted)
        }
    }

    /// Per person assessed in the cycle, their customers' submitted answers on the scale (Never
    /// to Always) and how many of those were Often or Always, counted in the database. Whoever
    /// reads them must keep to what the person's report shows (`DisclosureGate`): these counts
    /// include withheld groups and questions.
    public func customerTallies(cycleID: UUID) async throws -> [UUID: VendorScore.Tally] {
        let scale = FrequencyAnswer.allCases.filter { $0.score != nil }.map(\.rawValue)
        let favourable = [FrequencyAnswer.often.rawValue, FrequencyAnswer.always.rawValue]
        return try await database.sql.raw(
            """
            SELECT r.subject_id,
                SUM(CASE WHEN a.answer IN (\(binds: favourable)) THEN 1 ELSE 0 END) AS favourable,
                SUM(CASE WHEN a.answer IN (\(binds: scale)) THEN 1 ELSE 0 END) AS scored
            FROM response_answers a JOIN responses r ON r.id = a.response_id
            WHERE r.cycle_id = \(bind: cycleID) AND r.source = \(bind: RaterSource.customer.rawValue)
                AND r.status = 'submitted'
            GROUP BY r.subject_id
            """
        ).fold(into: [UUID: VendorScore.Tally]()) { tallies, row in
            tallies[try row.decode(column: "subject_id", as: UUID.self)] = VendorScore.Tally(
                favourable: try row.decode(column: "favourable", as: Int.self),
                scored: try row.decode(column: "scored", as: Int.self))
        }
    }

    /// The customers (by organisation name) whose accounts each account manager looks after.
    public func customersServed() async throws -> [UUID: [String]] {
        var served: [UUID: [String]] = [:]
        for row in try await database.sql.raw(
            "SELECT a.account_manager_id, o.name FROM accounts a JOIN organisations o ON o.id = a.customer_id"
        ).all() {
            served[try row.decode(column: "account_manager_id", as: UUID.self), default: []].append(
                try row.decode(column: "name", as: String.self))
        }
        return served
    }

    /// Names of people by id, for those given.
    public func names(_ ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [UUID: String] = [:]
        for chunk in Array(ids).chunked(into: 500) {
            for row in try await database.sql.raw(
                "SELECT id, name FROM people WHERE id IN (\(SQLList(chunk.map { SQLBind($0) })))"
            ).all() {
                names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "name", as: String.self)
            }
        }
        return names
    }
}
