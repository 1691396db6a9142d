import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Supervisors' coaching observations: evidence on an account manager's record.
public struct ObservationRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private struct Row: Decodable {
        var id: UUID
        var personId: UUID
        var frameworkId: UUID
        var competencyCode: String
        var setting: String
        var observedOn: String
        var observed: String
        var level: Int?
        var notes: String
        var nextSteps: String
        var email: String
        var completedItemId: UUID?
    }

    /// The person's observations, latest first.
    public func observations(personID: UUID) async throws -> [CoachingObservation] {
        try await database.sql.raw(
            """
            SELECT o.id, o.person_id, o.framework_id, o.competency_code, o.setting, o.observed_on, o.observed, o.level,
                o.notes, o.next_steps, u.email, o.completed_item_id
            FROM coaching_observations o JOIN users u ON u.id = o.observer_user_id
            WHERE o.person_id = \(bind: personID) ORDER BY o.observed_on DESC, o.recorded_at DESC
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap { row in
            guard let setting = CoachingObservation.Setting(rawValue: row.setting),
                let day = CalendarDate(row.observedOn)
            else { return nil }
            return CoachingObservation(
                id: row.id, personID: row.personId, frameworkID: row.frameworkId, competencyCode: row.competencyCode,
                setting: setting, observedOn: day, observed: BehaviourRatingColumns.decodeTicks(row.observed),
                level: row.level, notes: row.notes, nextSteps: row.nextSteps, observerEmail: row.email,
                completedItemID: row.completedItemId)
        }
    }

    /// Records an observation in one transaction with what it settles on the person's roadmap:
    /// the item it completes (with that item's follow-ups scheduled), and the earliest
    /// re-observation of the same competency still waiting, which it is.
    /// A peer's rating of a role-play practice is evidence too, but it is not the supervisor's
    /// re-observation: `settlesReobservation` is false for it.
    public func record(
        _ observation: CoachingObservation, byUserID: UUID, on day: CalendarDate, at: Date,
        settlesReobservation: Bool = true
    ) async throws {
        try await database.writeTransaction { database in
            let sql = database.sql
            if let itemID = observation.completedItemID {
                try await RoadmapRepository.setStatus(
                    .completed, itemID: itemID, personID: observation.personID,
                    note: "Completed by a coaching observation on \(observation.observedOn).", byUserID: byUserID,
                    on: day, at: at, sql: sql)
            }
            try await sql.raw(
                """
                INSERT INTO coaching_observations (id, person_id, framework_id, competency_code, setting, observed_on,
                    observed, level, notes, next_steps, observer_user_id, completed_item_id, recorded_at)
                VALUES (\(bind: observation.id), \(bind: observation.personID), \(bind: observation.frameworkID),
                    \(bind: observation.competencyCode), \(bind: observation.setting.rawValue),
                    \(bind: observation.observedOn.description),
                    \(bind: BehaviourRatingColumns.encodeTicks(observation.observed)), \(bind: observation.level),
                    \(bind: observation.notes), \(bind: observation.nextSteps), \(bind: byUserID),
                    \(bind: observation.completedItemID), \(bind: at.formatted(.iso8601)))
                """
            ).run()
            try await XAPIOutboxRepository.enqueue(
                .observed, personID: observation.personID, referenceID: observation.id, at: at, on: sql)
            if settlesReobservation,
                let waiting = try await sql.raw(
                    """
                    SELECT id FROM roadmap_follow_ups WHERE person_id = \(bind: observation.personID)
                    AND kind = 'reobservation' AND competency_code = \(bind: observation.competencyCode) AND done_on IS NULL
                    ORDER BY due LIMIT 1
                    """
                ).first()?.decode(column: "id", as: UUID.self)
            {
                try await sql.raw(
                    """
                    UPDATE roadmap_follow_ups SET done_on = \(bind: observation.observedOn.description)
                    WHERE id = \(bind: waiting)
                    """
                ).run()
            }
        }
    }
}
