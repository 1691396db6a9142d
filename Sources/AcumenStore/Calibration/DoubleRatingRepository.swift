import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Second ratings in live cycles and what they say about raters' drift.
public struct DoubleRatingRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    public func percent(cycleID: UUID) async throws -> Int {
        guard
            let row = try await sql.raw(
                "SELECT double_rating_percent FROM assessment_cycles WHERE id = \(bind: cycleID)"
            ).first()
        else { throw StoreError.notFound("That cycle") }
        return try row.decode(column: "double_rating_percent", as: Int.self)
    }

    public func setPercent(_ percent: Int, cycle: AssessmentCycle) async throws {
        let cycleID = cycle.id
        guard (0...DoubleRatingPlan.maximumPercent).contains(percent) else {
            throw StoreError.invalid([
                ValidationProblem(
                    location: "double rating",
                    message: "choose a share from 0 to \(DoubleRatingPlan.maximumPercent) per cent")
            ])
        }
        guard cycle.status == .draft || cycle.status == .open else {
            throw StoreError.conflict("The cycle is closed: its double rating can no longer change.")
        }
        try await sql.raw(
            "UPDATE assessment_cycles SET double_rating_percent = \(bind: percent) WHERE id = \(bind: cycleID)"
        ).run()
    }

    /// Picks the cycle's share of account managers (the same ones every time) and gives each a
    /// calibrated second rater who is not their supervisor. Returns how many were assigned now.
    /// - Parameters:
    ///   - subjects: the cycle's account managers, as the caller read them.
    ///   - raters: who may give second ratings today (`DoubleRatingPlan.eligibleRaters`).
    @discardableResult
    public func assign(
        cycle: AssessmentCycle, subjects: [CycleSubject], raters: [DoubleRatingPlan.Rater], today: CalendarDate
    ) async throws -> Int {
        let cycleID = cycle.id
        guard cycle.status == .open else {
            throw StoreError.conflict("Second raters are assigned while the cycle is open.")
        }
        let percent = try await percent(cycleID: cycleID)
        let subjects = subjects.map { DoubleRatingPlan.Subject(personID: $0.id, supervisorPersonID: $0.supervisorID) }
        let seed = Self.seed(for: cycleID)
        let selected = DoubleRatingPlan.select(subjects, percent: percent, seed: seed)
        let existing = try await assignments(cycleID: cycleID)
        let assigned = Set(existing.map(\.subjectID))
        var load: [UUID: Int] = [:]
        for assignment in existing { load[assignment.raterUserID, default: 0] += 1 }
        guard !raters.isEmpty else {
            throw StoreError.conflict("Nobody is calibrated today, so there is no one to ask for second ratings.")
        }
        let assignment = DoubleRatingPlan.assign(
            selected.filter { !assigned.contains($0.personID) }, raters: raters, existingLoad: load)
        for (subjectID, raterUserID) in assignment.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            try await sql.raw(
                """
                INSERT INTO double_ratings (id, cycle_id, subject_id, rater_user_id, assigned_on)
                VALUES (\(bind: UUID()), \(bind: cycleID), \(bind: subjectID), \(bind: raterUserID),
                    \(bind: today.description))
                """
            ).run()
        }
        return assignment.count
    }

    public func assignments(cycleID: UUID) async throws -> [DoubleRatingAssignment] {
        try await read("d.cycle_id = \(bind: cycleID)")
    }

    public func assignments(raterUserID: UUID) async throws -> [DoubleRatingAssignment] {
        try await read("d.rater_user_id = \(bind: raterUserID)")
    }

    public func assignment(id: UUID) async throws -> DoubleRatingAssignment {
        guard let found = try await read("d.id = \(bind: id)").first else {
            throw StoreError.notFound("That second rating")
        }
        return found
    }

    public func ratings(assignmentID: UUID) async throws -> [CompetencyRatingInput] {
        try await sql.raw(
            """
            SELECT competency_code, \(unsafeRaw: BehaviourRatingColumns.names("")) FROM double_rating_levels
            WHERE double_rating_id = \(bind: assignmentID)
            """
        ).all().map { try BehaviourRatingColumns.rating($0).0 }
    }

    /// Replaces the second rater's answers; only while the cycle is open and before they submit.
    public func saveRatings(
        assignmentID: UUID, ratings: [CompetencyRatingInput], framework: FrameworkContent
    ) async throws {
        try await requireOpen(assignmentID)
        try await database.transaction { transaction in
            let sql = transaction.sql
            try await sql.raw("DELETE FROM double_rating_levels WHERE double_rating_id = \(bind: assignmentID)").run()
            for rating in ratings {
                try await sql.raw(
                    """
                    INSERT INTO double_rating_levels (double_rating_id, competency_code,
                        \(unsafeRaw: BehaviourRatingColumns.names("")))
                    VALUES (\(bind: assignmentID), \(bind: rating.competencyCode),
                        \(BehaviourRatingColumns.values(rating, framework: framework)))
                    """
                ).run()
            }
        }
    }

    public func submit(assignmentID: UUID, today: CalendarDate) async throws {
        try await requireOpen(assignmentID)
        try await sql.raw(
            """
            UPDATE double_ratings SET submitted_on = \(bind: today.description)
            WHERE id = \(bind: assignmentID) AND submitted_on IS NULL
            """
        ).run()
    }

    /// Every competency that a supervisor and a second rater both gave a level to, in any cycle,
    /// with the cycles' ids oldest first.
    public func pairs() async throws -> (pairs: [RaterDrift.Pair], cycleOrder: [UUID]) {
        let rows = try await sql.raw(
            """
            SELECT r.rater_person_id, d.cycle_id, x.competency_code, x.level, s.level AS second_level
            FROM double_ratings d
            JOIN double_rating_levels s ON s.double_rating_id = d.id
            JOIN responses r ON r.cycle_id = d.cycle_id AND r.subject_id = d.subject_id
                AND r.source = 'supervisor' AND r.status = 'submitted'
            JOIN response_ratings x ON x.response_id = r.id AND x.competency_code = s.competency_code
            WHERE d.submitted_on IS NOT NULL AND x.level IS NOT NULL AND s.level IS NOT NULL
                AND r.rater_person_id IS NOT NULL
            """
        ).all()
        let pairs = try rows.map { row in
            RaterDrift.Pair(
                raterPersonID: try row.decode(column: "rater_person_id", as: UUID.self),
                cycleID: try row.decode(column: "cycle_id", as: UUID.self),
                competencyCode: try row.decode(column: "competency_code", as: String.self),
                level: try row.decode(column: "level", as: Int.self),
                secondLevel: try row.decode(column: "second_level", as: Int.self))
        }
        let order = try await sql.raw("SELECT id FROM assessment_cycles ORDER BY opens_on, name").all().map {
            try $0.decode(column: "id", as: UUID.self)
        }
        return (pairs, order)
    }

    private func requireOpen(_ assignmentID: UUID) async throws {
        let assignment = try await assignment(id: assignmentID)
        guard assignment.submittedOn == nil else {
            throw StoreError.conflict("This second rating was already submitted.")
        }
        let status = try await sql.raw(
            "SELECT status FROM assessment_cycles WHERE id = \(bind: assignment.cycleID)"
        ).first(decodingColumn: "status", as: String.self)
        guard status == CycleStatus.open.rawValue else { throw StoreError.conflict("The cycle is closed.") }
    }

    /// A seed from a cycle's id, so that each cycle picks its own people, the same ones every time.
    private static func seed(for id: UUID) -> UInt64 {
        withUnsafeBytes(of: id.uuid) { bytes in bytes.prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) } }
    }

    private func read(_ condition: SQLQueryString) async throws -> [DoubleRatingAssignment] {
        try await sql.raw(
            """
            SELECT d.id, d.cycle_id, c.name AS cycle_name, d.subject_id, p.name AS subject_name, d.rater_user_id,
                u.email, d.assigned_on, d.submitted_on
            FROM double_ratings d JOIN assessment_cycles c ON c.id = d.cycle_id
            JOIN people p ON p.id = d.subject_id JOIN users u ON u.id = d.rater_user_id
            WHERE \(condition) ORDER BY c.opens_on DESC, p.name
            """
        ).all().map { row in
            DoubleRatingAssignment(
                id: try row.decode(column: "id", as: UUID.self),
                cycleID: try row.decode(column: "cycle_id", as: UUID.self),
                cycleName: try row.decode(column: "cycle_name", as: String.self),
                subjectID: try row.decode(column: "subject_id", as: UUID.self),
                subjectName: try row.decode(column: "subject_name", as: String.self),
                raterUserID: try row.decode(column: "rater_user_id", as: UUID.self),
                raterEmail: try row.decode(column: "email", as: String.self),
                assignedOn: CalendarDate(try row.decode(column: "assigned_on", as: String.self)),
                submittedOn: try row.decode(column: "submitted_on", as: String?.self).flatMap(CalendarDate.init))
        }
    }
}
