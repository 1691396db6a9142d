import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Reads and writes calibration exercises. State changes are checked here, so every caller (page
/// or API) gets the same rules: cases and master ratings change only in a draft, ratings only
/// while open and before the participant submitted, one submission per participant.
public struct CalibrationRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    // MARK: Exercises

    /// - Parameter framework: the version the exercise rates against, as the caller read it.
    public func create(
        title: String, framework: FrameworkSummary, panel: String, thresholds: CalibrationThresholds,
        today: CalendarDate
    ) async throws -> UUID {
        let frameworkID = framework.id
        var problems = thresholds.problems
        let trimmedTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = TextLimits.titleProblem(title, of: "the exercise") { problems.append(problem) }
        if panel.count > TextLimits.description {
            problems.append(
                ValidationProblem(
                    location: "panel", message: "at most \(TextLimits.description) characters are allowed"))
        }
        if framework.status != .published {
            problems.append(ValidationProblem(location: "framework", message: "choose a published framework"))
        }
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        let id = UUID()
        try await sql.insert(into: "calibration_exercises")
            .columns(
                "id", "title", "framework_id", "status", "panel", "minimum_exact", "minimum_adjacent", "minimum_kappa",
                "maximum_bias", "valid_months", "created_on"
            )
            .values(
                SQLBind(id), SQLBind(trimmedTitle), SQLBind(frameworkID),
                SQLBind(CalibrationExerciseStatus.draft.rawValue),
                SQLBind(panel.trimmingCharacters(in: .whitespacesAndNewlines)),
                SQLBind(thresholds.minimumExactAgreement), SQLBind(thresholds.minimumAdjacentAgreement),
                SQLBind(thresholds.minimumWeightedKappa), SQLBind(thresholds.maximumAbsoluteBias),
                SQLBind(thresholds.validForMonths), SQLBind(today.description)
            ).run()
        return id
    }

    /// Every exercise, or only those `participantUserID` takes part in (drafts are never shown to participants).
    public func summaries(participantUserID: UUID? = nil) async throws -> [CalibrationExerciseSummary] {
        let condition: SQLQueryString =
            participantUserID.map {
                """
                WHERE e.status <> 'draft' AND EXISTS (SELECT 1 FROM calibration_participants p
                WHERE p.exercise_id = e.id AND p.user_id = \(bind: $0))
                """
            } ?? ""
        let own: SQLQueryString =
            participantUserID.map {
                """
                (SELECT p.submitted_on FROM calibration_participants p
                WHERE p.exercise_id = e.id AND p.user_id = \(bind: $0))
                """
            } ?? "NULL"
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.exerciseColumns), f.name AS framework_name, \(own) AS own_submitted_on,
                (SELECT COUNT(*) FROM calibration_cases c WHERE c.exercise_id = e.id) AS case_count,
                (SELECT COUNT(*) FROM calibration_participants p WHERE p.exercise_id = e.id) AS participant_count,
                (SELECT COUNT(*) FROM calibration_participants p WHERE p.exercise_id = e.id
                    AND p.submitted_on IS NOT NULL) AS submitted_count
            FROM calibration_exercises e JOIN frameworks f ON f.id = e.framework_id
            \(condition)
            ORDER BY e.created_on DESC, e.title
            """
        ).all()
        return try rows.map { row in
            CalibrationExerciseSummary(
                exercise: try Self.exercise(row),
                frameworkName: try row.decode(column: "framework_name", as: String.self),
                cases: try row.decode(column: "case_count", as: Int.self),
                participants: try row.decode(column: "participant_count", as: Int.self),
                submitted: try row.decode(column: "submitted_count", as: Int.self),
                submittedByParticipantOn: try row.decode(column: "own_submitted_on", as: String?.self).flatMap(
                    CalendarDate.init))
        }
    }

    public func exercise(id: UUID) async throws -> CalibrationExercise {
        guard
            let row = try await sql.raw(
                "SELECT \(unsafeRaw: Self.exerciseColumns) FROM calibration_exercises e WHERE e.id = \(bind: id)"
            ).first()
        else { throw StoreError.notFound("That calibration exercise") }
        return try Self.exercise(row)
    }

    /// Draft → open (when ready) → closed. Returns the participants, whom the caller e-mails on
    /// opening in the same transaction (`CalibrationUseCases`).
    @discardableResult
    public func setStatus(_ status: CalibrationExerciseStatus, exerciseID: UUID) async throws
        -> [CalibrationParticipant]
    {
        let exercise = try await exercise(id: exerciseID)
        let participants = try await participants(exerciseID: exerciseID)
        switch (exercise.status, status) {
        case (.draft, .open):
            let problems = CalibrationReadiness.problems(
                cases: try await cases(exerciseID: exerciseID),
                masterRatings: try await masterRatings(exerciseID: exerciseID), participants: participants.count)
            guard problems.isEmpty else { throw StoreError.invalid(problems) }
        case (.open, .closed): break
        default:
            throw StoreError.conflict(
                "A \(exercise.status.label.lowercased()) exercise cannot become \(status.label.lowercased()).")
        }
        try await sql.raw(
            "UPDATE calibration_exercises SET status = \(bind: status.rawValue) WHERE id = \(bind: exerciseID)"
        ).run()
        return participants
    }

    // MARK: Cases and master ratings

    public func cases(exerciseID: UUID) async throws -> [ReferenceCase] {
        try await sql.raw(
            """
            SELECT id, position, title, kind, material, link, competencies FROM calibration_cases
            WHERE exercise_id = \(bind: exerciseID) ORDER BY position
            """
        ).all().map { row in
            ReferenceCase(
                id: try row.decode(column: "id", as: UUID.self),
                position: try row.decode(column: "position", as: Int.self),
                title: try row.decode(column: "title", as: String.self),
                kind: ReferenceCaseKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .scenario,
                material: try row.decode(column: "material", as: String.self),
                link: try row.decode(column: "link", as: String.self),
                competencyCodes: try row.decode(column: "competencies", as: String.self).split(separator: " ").map(
                    String.init))
        }
    }

    public func addCase(
        exerciseID: UUID, title: String, kind: ReferenceCaseKind, material: String, link: String,
        competencyCodes: [String], framework: FrameworkContent
    ) async throws -> UUID {
        try await requireDraft(exerciseID)
        let problems = ReferenceCase.problems(
            title: title, kind: kind, material: material, link: link, competencyCodes: competencyCodes,
            framework: framework)
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        let id = UUID()
        let position = try await cases(exerciseID: exerciseID).count + 1
        // Codes in framework order, so every page lists them the same way.
        let ordered = framework.competencies.map(\.code).filter(Set(competencyCodes).contains)
        try await sql.insert(into: "calibration_cases")
            .columns("id", "exercise_id", "position", "title", "kind", "material", "link", "competencies")
            .values(
                SQLBind(id), SQLBind(exerciseID), SQLBind(position),
                SQLBind(title.trimmingCharacters(in: .whitespacesAndNewlines)), SQLBind(kind.rawValue),
                SQLBind(material.trimmingCharacters(in: .whitespacesAndNewlines)),
                SQLBind(link.trimmingCharacters(in: .whitespaces)), SQLBind(ordered.joined(separator: " "))
            ).run()
        return id
    }

    /// Master ratings by case and competency code.
    public func masterRatings(exerciseID: UUID) async throws -> [UUID: [String: MasterRating]] {
        let rows = try await sql.raw(
            """
            SELECT m.case_id, m.competency_code, \(unsafeRaw: BehaviourRatingColumns.names("m")), m.rationale
            FROM calibration_master_ratings m JOIN calibration_cases c ON c.id = m.case_id
            WHERE c.exercise_id = \(bind: exerciseID)
            """
        ).all()
        var ratings: [UUID: [String: MasterRating]] = [:]
        for row in rows {
            let caseID = try row.decode(column: "case_id", as: UUID.self)
            let (input, level) = try BehaviourRatingColumns.rating(row)
            guard let level else { continue }
            ratings[caseID, default: [:]][input.competencyCode] = MasterRating(
                caseID: caseID, rating: input, level: level,
                rationale: try row.decode(column: "rationale", as: String.self))
        }
        return ratings
    }

    public func setMasterRating(
        exerciseID: UUID, caseID: UUID, rating: CompetencyRatingInput, rationale: String, framework: FrameworkContent
    ) async throws {
        try await setMasterRatings(
            exerciseID: exerciseID, caseID: caseID, [(rating, rationale)], framework: framework)
    }

    /// Saves a case's master ratings together, each with the rationale participants will read:
    /// all of them or, when any breaks a rule, none (every problem listed).
    public func setMasterRatings(
        exerciseID: UUID, caseID: UUID, _ masters: [(rating: CompetencyRatingInput, rationale: String)],
        framework: FrameworkContent
    ) async throws {
        try await requireDraft(exerciseID)
        guard let referenceCase = try await cases(exerciseID: exerciseID).first(where: { $0.id == caseID }) else {
            throw StoreError.notFound("That case")
        }
        let problems = masters.flatMap { rating, rationale in
            referenceCase.competencyCodes.contains(rating.competencyCode)
                ? CalibrationReadiness.masterProblems(rating, rationale: rationale, framework: framework)
                : [ValidationProblem(location: rating.competencyCode, message: "is not a competency this case shows")]
        }
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        try await database.transaction { transaction in
            for (rating, rationale) in masters {
                try await transaction.sql.raw(
                    """
                    INSERT INTO calibration_master_ratings (case_id, competency_code,
                        \(unsafeRaw: BehaviourRatingColumns.names("")), rationale)
                    VALUES (\(bind: caseID), \(bind: rating.competencyCode),
                        \(BehaviourRatingColumns.values(rating, framework: framework)),
                        \(bind: rationale.trimmingCharacters(in: .whitespacesAndNewlines)))
                    ON CONFLICT (case_id, competency_code) DO UPDATE SET ticks = excluded.ticks,
                        not_observed = excluded.not_observed, override_level = excluded.override_level,
                        override_reason = excluded.override_reason, comment = excluded.comment, level = excluded.level,
                        rationale = excluded.rationale
                    """
                ).run()
            }
        }
    }

    // MARK: Participants and their ratings

    public func participants(exerciseID: UUID) async throws -> [CalibrationParticipant] {
        try await sql.raw(
            """
            SELECT p.user_id, u.email, u.role, p.submitted_on, p.submission_order,
                   (SELECT pe.name FROM people pe WHERE pe.id = u.person_id OR lower(pe.email) = lower(u.email)
                    ORDER BY pe.name LIMIT 1) AS name
            FROM calibration_participants p
            JOIN users u ON u.id = p.user_id WHERE p.exercise_id = \(bind: exerciseID) ORDER BY u.email
            """
        ).all().map { row in
            CalibrationParticipant(
                userID: try row.decode(column: "user_id", as: UUID.self),
                email: try row.decode(column: "email", as: String.self),
                name: try row.decode(column: "name", as: String?.self),
                role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .supervisor,
                submittedOn: try row.decode(column: "submitted_on", as: String?.self).flatMap(CalendarDate.init),
                submissionOrder: try row.decode(column: "submission_order", as: Int?.self))
        }
    }

    /// Adds participants while the exercise is a draft or open; those who already rated stay.
    /// Returns the e-mail addresses of the newcomers, whom the caller e-mails when the exercise
    /// is open.
    /// - Parameter users: every login, as the caller read them; only active ones can take part.
    @discardableResult
    public func addParticipants(exerciseID: UUID, userIDs: [UUID], users: [UserAccount]) async throws -> [String] {
        let exercise = try await exercise(id: exerciseID)
        guard exercise.status != .closed else { throw StoreError.conflict("The exercise is closed.") }
        let active = users.filter { !$0.isDisabled }
        let emails = Dictionary(uniqueKeysWithValues: active.map { ($0.id, $0.email) })
        guard userIDs.allSatisfy({ emails[$0] != nil }) else {
            throw StoreError.invalid([
                ValidationProblem(location: "participants", message: "choose people who can sign in")
            ])
        }
        // Programme staff can read the master ratings, so they cannot rate the cases blind.
        let staff = Set(active.filter { !CalibrationPolicy.canTakePart($0.role) }.map(\.id))
        guard !userIDs.contains(where: staff.contains) else {
            throw StoreError.invalid([
                ValidationProblem(
                    location: "participants",
                    message: "programme staff can see the master ratings, so they cannot take part blind")
            ])
        }
        let already = Set(try await participants(exerciseID: exerciseID).map(\.userID))
        let newcomers = Set(userIDs).subtracting(already).sorted { $0.uuidString < $1.uuidString }
        try await database.transaction { transaction in
            let sql = transaction.sql
            for userID in newcomers {
                try await sql.raw(
                    """
                    INSERT INTO calibration_participants (exercise_id, user_id)
                    VALUES (\(bind: exerciseID), \(bind: userID))
                    """
                ).run()
            }
        }
        return newcomers.compactMap { emails[$0] }
    }

    /// Ratings of one participant, or of every participant who submitted (`userID` nil).
    public func ratings(exerciseID: UUID, userID: UUID?) async throws -> [StoredCalibrationRating] {
        let condition: SQLQueryString =
            userID.map { "AND r.user_id = \(bind: $0)" }
            ?? "AND p.submitted_on IS NOT NULL"
        return try await sql.raw(
            """
            SELECT r.user_id, r.case_id, r.competency_code, \(unsafeRaw: BehaviourRatingColumns.names("r"))
            FROM calibration_ratings r JOIN calibration_participants p
                ON p.exercise_id = r.exercise_id AND p.user_id = r.user_id
            WHERE r.exercise_id = \(bind: exerciseID) \(condition)
            """
        ).all().map { row in
            let (input, level) = try BehaviourRatingColumns.rating(row)
            return StoredCalibrationRating(
                userID: try row.decode(column: "user_id", as: UUID.self),
                caseID: try row.decode(column: "case_id", as: UUID.self), rating: input, level: level)
        }
    }

    /// Replaces a participant's ratings of one case. Only while open and before they submitted.
    public func saveRatings(
        exerciseID: UUID, userID: UUID, caseID: UUID, ratings: [CompetencyRatingInput], framework: FrameworkContent
    ) async throws {
        try await requireRating(exerciseID: exerciseID, userID: userID)
        try await database.transaction { transaction in
            let sql = transaction.sql
            try await sql.raw(
                """
                DELETE FROM calibration_ratings WHERE exercise_id = \(bind: exerciseID) AND user_id = \(bind: userID)
                AND case_id = \(bind: caseID)
                """
            ).run()
            for rating in ratings {
                try await sql.raw(
                    """
                    INSERT INTO calibration_ratings (exercise_id, user_id, case_id, competency_code,
                        \(unsafeRaw: BehaviourRatingColumns.names("")))
                    VALUES (\(bind: exerciseID), \(bind: userID), \(bind: caseID), \(bind: rating.competencyCode),
                        \(BehaviourRatingColumns.values(rating, framework: framework)))
                    """
                ).run()
            }
        }
    }

    /// Submits a participant's attempt: compares their stored ratings with the master ratings
    /// under the exercise's thresholds and records the status they earn.
    @discardableResult
    public func submitAttempt(exerciseID: UUID, userID: UUID, levelCount: Int, today: CalendarDate) async throws
        -> CalibrationStatus
    {
        let exercise = try await exercise(id: exerciseID)
        let own = try await ratings(exerciseID: exerciseID, userID: userID).map {
            CalibrationResults.Rating(
                rater: $0.userID, caseID: $0.caseID, competencyCode: $0.rating.competencyCode, level: $0.level)
        }
        let calibration = RaterCalibration.compare(
            own, masters: try await masterRatings(exerciseID: exerciseID),
            cases: try await cases(exerciseID: exerciseID),
            levelCount: levelCount)
        let status = CalibrationStatus.after(
            attemptOn: today, calibration: calibration, thresholds: exercise.thresholds)
        try await submit(exerciseID: exerciseID, userID: userID, status: status)
        return status
    }

    /// Marks the attempt submitted and records the rater's calibration status, in one transaction.
    public func submit(exerciseID: UUID, userID: UUID, status: CalibrationStatus) async throws {
        try await requireRating(exerciseID: exerciseID, userID: userID)
        try await database.transaction { transaction in
            let sql = transaction.sql
            try await sql.raw(
                """
                UPDATE calibration_participants SET submitted_on = \(bind: status.assessedOn.description),
                    submission_order = (
                        SELECT COALESCE(MAX(o.submission_order), 0) + 1 FROM calibration_participants o
                        WHERE o.exercise_id = \(bind: exerciseID))
                WHERE exercise_id = \(bind: exerciseID) AND user_id = \(bind: userID)
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO calibration_statuses (user_id, exercise_id, assessed_on, calibrated, calibrated_until, bias)
                VALUES (\(bind: userID), \(bind: exerciseID), \(bind: status.assessedOn.description),
                    \(bind: status.isCalibrated), \(bind: status.calibratedUntil?.description), \(bind: status.bias))
                ON CONFLICT (user_id) DO UPDATE SET exercise_id = excluded.exercise_id,
                    assessed_on = excluded.assessed_on, calibrated = excluded.calibrated,
                    calibrated_until = excluded.calibrated_until, bias = excluded.bias
                """
            ).run()
        }
    }

    /// Each rater's latest calibration status, by user.
    public func statuses() async throws -> [UUID: CalibrationStatus] {
        var statuses: [UUID: CalibrationStatus] = [:]
        for row in try await sql.raw(
            "SELECT user_id, assessed_on, calibrated, calibrated_until, bias FROM calibration_statuses"
        ).all() {
            statuses[try row.decode(column: "user_id", as: UUID.self)] = try Self.status(row)
        }
        return statuses
    }

    public func status(userID: UUID) async throws -> CalibrationStatus? {
        try await sql.raw(
            """
            SELECT assessed_on, calibrated, calibrated_until, bias FROM calibration_statuses
            WHERE user_id = \(bind: userID)
            """
        ).first().flatMap(Self.status)
    }

    /// The calibration status of the rater who is this person, if they have a login and an attempt.
    public func status(personID: UUID) async throws -> CalibrationStatus? {
        try await sql.raw(
            """
            SELECT s.assessed_on, s.calibrated, s.calibrated_until, s.bias FROM calibration_statuses s
            JOIN users u ON u.id = s.user_id WHERE u.person_id = \(bind: personID)
            """
        ).first().flatMap(Self.status)
    }

    private static func status(_ row: any SQLRow) throws -> CalibrationStatus? {
        guard let assessed = CalendarDate(try row.decode(column: "assessed_on", as: String.self)) else { return nil }
        return CalibrationStatus(
            assessedOn: assessed, isCalibrated: try row.decode(column: "calibrated", as: Bool.self),
            calibratedUntil: try row.decode(column: "calibrated_until", as: String?.self).flatMap(CalendarDate.init),
            bias: try row.decode(column: "bias", as: Double?.self))
    }

    // MARK: Rules

    private func requireDraft(_ exerciseID: UUID) async throws {
        let exercise = try await exercise(id: exerciseID)
        guard exercise.status == .draft else {
            throw StoreError.conflict(
                "Cases and master ratings are fixed once the exercise is open, so that every participant rates the same thing."
            )
        }
    }

    /// Runs on every autosave, so it reads the one row it needs.
    private func requireRating(exerciseID: UUID, userID: UUID) async throws {
        guard
            let row = try await sql.raw(
                """
                SELECT e.status, p.submitted_on FROM calibration_participants p
                JOIN calibration_exercises e ON e.id = p.exercise_id
                WHERE p.exercise_id = \(bind: exerciseID) AND p.user_id = \(bind: userID)
                """
            ).first()
        else { throw StoreError.notFound("That calibration exercise") }
        guard try row.decode(column: "status", as: String.self) == CalibrationExerciseStatus.open.rawValue else {
            throw StoreError.conflict("The exercise is not open for rating.")
        }
        guard try row.decode(column: "submitted_on", as: String?.self) == nil else {
            throw StoreError.conflict("You have already submitted your ratings for this exercise.")
        }
    }

    // MARK: Rows

    private static let exerciseColumns =
        "e.id, e.title, e.framework_id, e.status, e.panel, e.minimum_exact, e.minimum_adjacent, e.minimum_kappa, e.maximum_bias, e.valid_months, e.created_on"

    private static func exercise(_ row: any SQLRow) throws -> CalibrationExercise {
        CalibrationExercise(
            id: try row.decode(column: "id", as: UUID.self), title: try row.decode(column: "title", as: String.self),
            frameworkID: try row.decode(column: "framework_id", as: UUID.self),
            status: CalibrationExerciseStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            panel: try row.decode(column: "panel", as: String.self),
            thresholds: CalibrationThresholds(
                minimumExactAgreement: try row.decode(column: "minimum_exact", as: Double.self),
                minimumAdjacentAgreement: try row.decode(column: "minimum_adjacent", as: Double.self),
                minimumWeightedKappa: try row.decode(column: "minimum_kappa", as: Double?.self),
                maximumAbsoluteBias: try row.decode(column: "maximum_bias", as: Double.self),
                validForMonths: try row.decode(column: "valid_months", as: Int.self)),
            createdOn: CalendarDate(try row.decode(column: "created_on", as: String.self)) ?? .init(
                year: 2000, month: 1, day: 1)!)
    }
}
