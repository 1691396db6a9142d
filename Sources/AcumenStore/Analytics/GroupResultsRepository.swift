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
        var levels: [UUID: [String: Double]] = [:]
        for row in try await database.sql.raw(
            """
            SELECT r.subject_id, x.competency_code, CAST(SUM(x.level) AS DOUBLE PRECISION) AS total, COUNT(x.level) AS counted
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
        ).all() {
            let counted = try row.decode(column: "counted", as: Int.self)
            guard counted > 0 else { continue }
            levels[try row.decode(column: "subject_id", as: UUID.self), default: [:]][
                try row.decode(column: "competency_code", as: String.self)] =
                try row.decode(column: "total", as: Double.self) / Double(counted)
        }
        return levels
    }

    /// Per person assessed in the cycle, their customers' submitted answers counted by question
    /// and answer, in the database. Whoever reads them must keep to what the person's report
    /// shows (`DisclosureGate`): these counts include withheld groups and questions.
    public func customerAnswerCounts(cycleID: UUID) async throws -> [UUID: [String: [FrequencyAnswer: Int]]] {
        var counts: [UUID: [String: [FrequencyAnswer: Int]]] = [:]
        for row in try await database.sql.raw(
            """
            SELECT r.subject_id, a.question_code, a.answer, COUNT(*) AS n
            FROM response_answers a JOIN responses r ON r.id = a.response_id
            WHERE r.cycle_id = \(bind: cycleID) AND r.source = \(bind: RaterSource.customer.rawValue)
                AND r.status = 'submitted'
            GROUP BY r.subject_id, a.question_code, a.answer
            """
        ).all() {
            guard let answer = FrequencyAnswer(rawValue: try row.decode(column: "answer", as: String.self)) else {
                continue
            }
            counts[try row.decode(column: "subject_id", as: UUID.self), default: [:]][
                try row.decode(column: "question_code", as: String.self), default: [:]][answer] =
                try row.decode(column: "n", as: Int.self)
        }
        return counts
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
