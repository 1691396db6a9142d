import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Drafts as raters type them, and submitted responses, which are only ever added or voided.
///
/// Anonymous responses (peers, customers) are stored without the rater and dated on the
/// cycle's closing day. Every response carries a rater key: a keyed digest of the cycle, the
/// account manager, the source and the rater, made with a secret the database does not hold
/// (`RaterIdentity` in the web layer). The key lets the rater's own correction, and a revocation,
/// find their response, however many links they were sent; a unique index on it keeps one
/// current response per rater; and without the secret it cannot be joined to the invitation.
public struct ResponseRepository: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    public func draft(invitationID: UUID) async throws -> [String: String] {
        var fields: [String: String] = [:]
        for row in try await sql.select().columns("item", "value").from("draft_items")
            .where("invitation_id", .equal, invitationID).all()
        {
            fields[try row.decode(column: "item", as: String.self)] = try row.decode(column: "value", as: String.self)
        }
        return fields
    }

    /// Saves one field as the rater changes it. An empty value removes the field.
    public func saveDraftField(invitationID: UUID, name: String, value: String) async throws {
        let sql = sql
        try await WriteGate.run(on: database) {
            if value.isEmpty {
                try await sql.delete(from: "draft_items").where("invitation_id", .equal, invitationID)
                    .where("item", .equal, name).run()
            } else {
                try await sql.raw(
                    """
                    INSERT INTO draft_items (invitation_id, item, value) VALUES (\(bind: invitationID), \(bind: name), \(bind: value))
                    ON CONFLICT (invitation_id, item) DO UPDATE SET value = excluded.value
                    """
                ).run()
            }
        }
    }

    /// Replaces the whole draft with the form as posted ("save and finish later" without JavaScript).
    public func replaceDraft(invitationID: UUID, fields: [String: String]) async throws {
        try await database.transaction { database in
            let sql = database.sql
            try await sql.delete(from: "draft_items").where("invitation_id", .equal, invitationID).run()
            let kept = fields.filter { !$0.value.isEmpty }
            guard !kept.isEmpty else { return }
            let insert = sql.insert(into: "draft_items").columns("invitation_id", "item", "value")
            for (name, value) in kept { _ = insert.values(SQLBind(invitationID), SQLBind(name), SQLBind(value)) }
            try await insert.run()
        }
    }

    /// Records a submission in one transaction (`write(_:on:)` says what it does). A second
    /// submission of the same invitation is refused as a conflict and changes nothing.
    @discardableResult
    public func submit(invitation: Invitation, content: ResponseContent, attribution: ResponseAttribution)
        async throws -> UUID
    {
        try await submit([SubmissionRecord(invitation: invitation, content: content, attribution: attribution)])[0]
            .get()
    }

    /// Records submissions together in one transaction, queued behind other SQLite writes
    /// (`WriteGate`): each gets its response's id or the conflict that refused it. An error
    /// thrown means nothing was written.
    public func submit(_ submissions: [SubmissionRecord]) async throws -> [Result<UUID, StoreError>] {
        let database = database
        return try await WriteGate.run(on: database) {
            try await database.transaction { try await Self.write(submissions, on: $0.sql) }
        }
    }

    /// Writes submissions within the caller's transaction, with one statement per step for all
    /// of them: marks each invitation answered (refusing one already answered), voids the rater's
    /// current response where there is one (a correction), writes the responses and their rows,
    /// and clears the drafts. The rows arrive finished (`RaterSubmission`, `ResponseAttribution`):
    /// nothing is decided here. Each submission gets its response's id, or the conflict that
    /// refused it; an error thrown means the transaction must not commit.
    static func write(_ submissions: [SubmissionRecord], on sql: any SQLDatabase) async throws
        -> [Result<UUID, StoreError>]
    {
        let claims = try await sql.update("invitations").set("submitted", to: true)
            .where("id", .in, submissions.map(\.invitation.id)).where("submitted", .equal, false)
            .where("status", .equal, "approved")
            .returning("id", "reopened").all()
        var reopened: [UUID: Bool] = [:]
        for claim in claims {
            reopened[try claim.decode(column: "id", as: UUID.self)] = try claim.decode(
                column: "reopened", as: Bool.self)
        }
        // One invitation submitted twice in one group is claimed once, by the first.
        var claimedInvitations: Set<UUID> = []
        let claimed = submissions.filter {
            reopened[$0.invitation.id] != nil && claimedInvitations.insert($0.invitation.id).inserted
        }
        var replaced: [UUID: UUID] = [:]
        for submission in claimed where reopened[submission.invitation.id] == true {
            // Only an invitation reopened for correction has earlier answers to void (the unique
            // index on rater keys refuses a second current response in any case). They are
            // found by the rater, not by the link, so new links since change nothing.
            guard
                let previous = try await submittedResponseID(
                    of: submission.invitation, raterKey: submission.attribution.raterKey, on: sql)
            else { continue }
            replaced[submission.responseID] = previous
            try await sql.update("responses").set("status", to: ResponseStatus.voided.rawValue)
                .where("id", .equal, previous).run()
        }
        if !claimed.isEmpty {
            try await sql.insertRows(
                into: "responses",
                columns: [
                    "id", "cycle_id", "subject_id", "source", "account_id", "rater_person_id", "rater_key", "status",
                    "replaces_id", "submitted_on", "rater_calibrated", "rater_bias",
                ],
                rows: claimed.map { submission in
                    let invitation = submission.invitation
                    let anonymous = invitation.source.isAnonymous
                    return [
                        SQLBind(submission.responseID), SQLBind(invitation.cycleID), SQLBind(invitation.subjectID),
                        SQLBind(invitation.source.rawValue), SQLBind(invitation.accountID),
                        SQLBind(anonymous ? nil : invitation.raterPersonID), SQLBind(submission.attribution.raterKey),
                        SQLBind(ResponseStatus.submitted.rawValue),
                        // An anonymous correction is not linked to what it replaces: the pair would
                        // be two responses known to come from one person.
                        SQLBind(anonymous ? nil : replaced[submission.responseID]),
                        SQLBind(submission.attribution.submittedOn.description),
                        SQLBind(submission.attribution.raterCalibrated), SQLBind(submission.attribution.raterBias),
                    ]
                })
            try await sql.insertRows(
                into: "response_ratings",
                columns: [
                    "response_id", "competency_code", "observed", "level", "derived_level", "override_reason",
                    "not_observed", "comment",
                ],
                rows: claimed.flatMap { submission -> [[SQLBind]] in
                    guard case .ratings(let ratings) = submission.content else { return [] }
                    return ratings.map { rating in
                        [
                            SQLBind(submission.responseID), SQLBind(rating.competencyCode),
                            SQLBind(BehaviourRatingColumns.encodeTicks(rating.observed)), SQLBind(rating.level),
                            SQLBind(rating.derivedLevel), SQLBind(rating.overrideReason),
                            SQLBind(rating.notObserved), SQLBind(rating.comment),
                        ]
                    }
                })
            try await sql.insertRows(
                into: "response_answers", columns: ["response_id", "question_code", "answer", "comment"],
                rows: claimed.flatMap { submission -> [[SQLBind]] in
                    guard case .answers(let answers) = submission.content else { return [] }
                    return answers.map { answer in
                        [
                            SQLBind(submission.responseID), SQLBind(answer.questionCode),
                            SQLBind(answer.answer.rawValue), SQLBind(answer.comment),
                        ]
                    }
                })
            try await sql.delete(from: "draft_items").where("invitation_id", .in, claimed.map(\.invitation.id)).run()
        }
        let written = Set(claimed.map(\.responseID))
        return submissions.map { submission in
            written.contains(submission.responseID)
                ? .success(submission.responseID)
                : .failure(.conflict("These answers were already submitted; they cannot be submitted twice."))
        }
    }

    /// Lets a rater correct a submitted response while the cycle is open: the submitted answers
    /// become a draft again; the response itself stays until the correction replaces it.
    public func reopenForCorrection(invitation: Invitation, raterKey: String) async throws {
        try await database.transaction { database in
            let sql = database.sql
            guard let previous = try await Self.submittedResponseID(of: invitation, raterKey: raterKey, on: sql)
            else { throw StoreError.notFound("A submitted response for this link") }
            var fields: [String: String] = [:]
            if invitation.source == .customer {
                for row in try await sql.select().columns("question_code", "answer", "comment")
                    .from("response_answers").where("response_id", .equal, previous).all()
                {
                    let code = try row.decode(column: "question_code", as: String.self)
                    fields[RaterFormFields.answer(code)] = try row.decode(column: "answer", as: String.self)
                    fields[RaterFormFields.answerComment(code)] = try row.decode(column: "comment", as: String.self)
                }
            } else {
                for row in try await sql.select().columns(
                    "competency_code", "observed", "level", "derived_level", "override_reason", "not_observed",
                    "comment"
                ).from("response_ratings").where("response_id", .equal, previous).all() {
                    let code = try row.decode(column: "competency_code", as: String.self)
                    for (level, positions) in BehaviourRatingColumns.decodeTicks(
                        try row.decode(column: "observed", as: String.self))
                    {
                        for position in positions {
                            fields[RaterFormFields.behaviour(code, level: level, position: position)] = "on"
                        }
                    }
                    if try row.decode(column: "not_observed", as: Bool.self) {
                        fields[RaterFormFields.notObserved(code)] = "on"
                    }
                    let reason = try row.decode(column: "override_reason", as: String.self)
                    if !reason.isEmpty, let level = try row.decode(column: "level", as: Int?.self) {
                        fields[RaterFormFields.overrideLevel(code)] = String(level)
                        fields[RaterFormFields.overrideReason(code)] = reason
                    }
                    fields[RaterFormFields.comment(code)] = try row.decode(column: "comment", as: String.self)
                }
            }
            try await sql.update("invitations").set("submitted", to: false).set("reopened", to: true)
                .where("id", .equal, invitation.id).run()
            try await sql.delete(from: "draft_items").where("invitation_id", .equal, invitation.id).run()
            let kept = fields.filter { !$0.value.isEmpty }
            guard !kept.isEmpty else { return }
            let insert = sql.insert(into: "draft_items").columns("invitation_id", "item", "value")
            for (name, value) in kept { _ = insert.values(SQLBind(invitation.id), SQLBind(name), SQLBind(value)) }
            try await insert.run()
        }
    }

    /// The current (not voided) internal responses about one account manager.
    public func internalResponses(cycleID: UUID, subjectID: UUID) async throws -> [InternalResponseRecord] {
        let rows = try await sql.raw(
            """
            SELECT r.id, r.source, r.rater_calibrated, r.rater_bias, x.competency_code, x.level, x.comment
            FROM responses r
            JOIN response_ratings x ON x.response_id = r.id
            WHERE r.cycle_id = \(bind: cycleID) AND r.subject_id = \(bind: subjectID) AND r.status = 'submitted'
            """
        ).all()
        var byResponse: [UUID: InternalResponseRecord] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            guard let source = RaterSource(rawValue: try row.decode(column: "source", as: String.self)) else {
                continue
            }
            let code = try row.decode(column: "competency_code", as: String.self)
            var record =
                try byResponse[id]
                ?? InternalResponseRecord(
                    source: source, levels: [:], comments: [:],
                    raterCalibrated: row.decode(column: "rater_calibrated", as: Bool?.self),
                    raterBias: row.decode(column: "rater_bias", as: Double?.self))
            record.levels[code] = .some(try row.decode(column: "level", as: Int?.self))
            let comment = try row.decode(column: "comment", as: String.self)
            if !comment.isEmpty { record.comments[code] = comment }
            byResponse[id] = record
        }
        return Array(byResponse.values)
    }

    /// Every level supervisors gave in a cycle's current responses, with who gave it: supervisors
    /// rate by name, so their distribution can be checked against the programme's guideline.
    public func supervisorLevels(cycleID: UUID) async throws -> [SupervisorLevel] {
        try await sql.raw(
            """
            SELECT r.rater_person_id, p.name, x.level FROM responses r
            JOIN response_ratings x ON x.response_id = r.id JOIN people p ON p.id = r.rater_person_id
            WHERE r.cycle_id = \(bind: cycleID) AND r.status = 'submitted' AND r.source = 'supervisor'
                AND x.level IS NOT NULL
            """
        ).all().map { row in
            SupervisorLevel(
                raterPersonID: try row.decode(column: "rater_person_id", as: UUID.self),
                raterName: try row.decode(column: "name", as: String.self),
                level: try row.decode(column: "level", as: Int.self))
        }
    }

    /// The levels peers gave in a cycle, without who gave them, with the account manager they
    /// were about (so that only groups a report shows are counted).
    public func peerLevels(cycleID: UUID) async throws -> [(subjectID: UUID, level: Int)] {
        try await sql.raw(
            """
            SELECT r.subject_id, x.level FROM responses r JOIN response_ratings x ON x.response_id = r.id
            WHERE r.cycle_id = \(bind: cycleID) AND r.status = 'submitted' AND r.source = 'peer'
                AND x.level IS NOT NULL
            """
        ).all().map {
            (try $0.decode(column: "subject_id", as: UUID.self), try $0.decode(column: "level", as: Int.self))
        }
    }

    /// The current customer responses of a cycle, about one account manager or through one account.
    public func customerResponses(cycleID: UUID, subjectID: UUID? = nil, accountID: UUID? = nil) async throws
        -> [CustomerResponseRecord]
    {
        Array(try await customerResponsesByID(cycleID: cycleID, subjectID: subjectID, accountID: accountID).values)
    }

    /// The same, by response id, so that they can be matched with their attributes for slicing.
    public func customerResponsesByID(cycleID: UUID, subjectID: UUID? = nil, accountID: UUID? = nil) async throws
        -> [UUID: CustomerResponseRecord]
    {
        var query = sql.select()
            .columns(SQLColumn("id", table: "r"), SQLColumn("question_code", table: "a"))
            .column(SQLColumn("answer", table: "a")).column(SQLColumn("comment", table: "a"))
            .from(SQLAlias(SQLIdentifier("responses"), as: "r"))
            .join(
                SQLAlias(SQLIdentifier("response_answers"), as: "a"), method: SQLJoinMethod.inner,
                on: SQLColumn("response_id", table: "a"), .equal, SQLColumn("id", table: "r")
            )
            .where(SQLColumn("cycle_id", table: "r"), .equal, SQLBind(cycleID))
            .where(SQLColumn("status", table: "r"), .equal, SQLBind(ResponseStatus.submitted.rawValue))
            .where(SQLColumn("source", table: "r"), .equal, SQLBind(RaterSource.customer.rawValue))
        if let subjectID { query = query.where(SQLColumn("subject_id", table: "r"), .equal, SQLBind(subjectID)) }
        if let accountID { query = query.where(SQLColumn("account_id", table: "r"), .equal, SQLBind(accountID)) }
        var byResponse: [UUID: CustomerResponseRecord] = [:]
        for row in try await query.all() {
            let id = try row.decode(column: "id", as: UUID.self)
            let code = try row.decode(column: "question_code", as: String.self)
            var record = byResponse[id] ?? CustomerResponseRecord(answers: [:], comments: [:])
            record.answers[code] = FrequencyAnswer(rawValue: try row.decode(column: "answer", as: String.self))
            let comment = try row.decode(column: "comment", as: String.self)
            if !comment.isEmpty { record.comments[code] = comment }
            byResponse[id] = record
        }
        return byResponse
    }

    /// Submitted responses per account manager and source: what the anonymity preview needs.
    public func responseCounts(cycleID: UUID) async throws -> [UUID: [RaterSource: Int]] {
        var counts: [UUID: [RaterSource: Int]] = [:]
        for row in try await sql.raw(
            """
            SELECT subject_id, source, COUNT(*) AS n FROM responses
            WHERE cycle_id = \(bind: cycleID) AND status = 'submitted' GROUP BY subject_id, source
            """
        ).all() {
            guard let source = RaterSource(rawValue: try row.decode(column: "source", as: String.self)) else {
                continue
            }
            counts[try row.decode(column: "subject_id", as: UUID.self), default: [:]][source] = try row.decode(
                column: "n", as: Int.self)
        }
        return counts
    }

    /// The account manager (`subject`, their id), team, location and customer account of every
    /// current customer response of a cycle: the attributes reports and the API may slice by.
    public func customerResponseAttributes(cycleID: UUID) async throws -> [UUID: [String: String]] {
        var attributes: [UUID: [String: String]] = [:]
        for row in try await sql.raw(
            """
            SELECT r.id, r.subject_id, COALESCE(t.name, '') AS team, COALESCE(l.city, '') AS location,
                COALESCE(a.name, '') AS account
            FROM responses r JOIN people p ON p.id = r.subject_id
            LEFT JOIN teams t ON t.id = p.team_id LEFT JOIN locations l ON l.id = p.location_id
            LEFT JOIN accounts a ON a.id = r.account_id
            WHERE r.cycle_id = \(bind: cycleID) AND r.status = 'submitted' AND r.source = 'customer'
            """
        ).all() {
            var values = ["subject": try row.decode(column: "subject_id", as: UUID.self).uuidString]
            for key in ["team", "location", "account"] {
                let value = try row.decode(column: key, as: String.self)
                if !value.isEmpty { values[key] = value }
            }
            attributes[try row.decode(column: "id", as: UUID.self)] = values
        }
        return attributes
    }

    /// How many response rows a cycle has, voided ones included: it grows with every submission,
    /// so it tells caches whether anything changed.
    public func responseRowCount(cycleID: UUID) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM responses WHERE cycle_id = \(bind: cycleID)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// Every response row of a cycle for export, without raters for anonymous sources. Voided
    /// named responses are included and marked; voided anonymous ones are not, since a voided
    /// response beside its correction is two responses known to come from one person.
    public func exportRows(cycleID: UUID) async throws -> [ExportedResponseRow] {
        let ratings = try await sql.raw(
            """
            SELECT r.id, r.subject_id, p.name, r.source, r.status, r.submitted_on, r.replaces_id,
                   COALESCE(rp.name, '') AS rater, x.competency_code AS item, x.level, x.not_observed, x.comment
            FROM responses r JOIN people p ON p.id = r.subject_id
            LEFT JOIN people rp ON rp.id = r.rater_person_id
            JOIN response_ratings x ON x.response_id = r.id
            WHERE r.cycle_id = \(bind: cycleID) AND (r.status = 'submitted' OR r.source IN ('self', 'supervisor'))
            """
        ).all(decoding: ExportedRatingRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { row in
            ExportedResponseRow(
                responseID: row.id, subjectID: row.subjectId, subjectName: row.name,
                source: RaterSource(rawValue: row.source) ?? .peer, status: row.status, submittedOn: row.submittedOn,
                replaces: row.replacesId, rater: row.rater, item: row.item,
                value: row.notObserved ? "not observed" : row.level.map(String.init) ?? "", comment: row.comment)
        }
        let answers = try await sql.raw(
            """
            SELECT r.id, r.subject_id, p.name, r.source, r.status, r.submitted_on, r.replaces_id,
                   a.question_code AS item, a.answer, a.comment
            FROM responses r JOIN people p ON p.id = r.subject_id
            JOIN response_answers a ON a.response_id = r.id
            WHERE r.cycle_id = \(bind: cycleID) AND r.status = 'submitted'
            """
        ).all().map { row in
            ExportedResponseRow(
                responseID: try row.decode(column: "id", as: UUID.self),
                subjectID: try row.decode(column: "subject_id", as: UUID.self),
                subjectName: try row.decode(column: "name", as: String.self), source: .customer,
                status: try row.decode(column: "status", as: String.self),
                submittedOn: try row.decode(column: "submitted_on", as: String.self),
                replaces: try row.decode(column: "replaces_id", as: UUID?.self), rater: "",
                item: try row.decode(column: "item", as: String.self),
                value: try row.decode(column: "answer", as: String.self),
                comment: try row.decode(column: "comment", as: String.self))
        }
        return ratings + answers
    }

    static func submittedResponseID(of invitation: Invitation, raterKey: String, on sql: any SQLDatabase)
        async throws -> UUID?
    {
        try await sql.select().column("id").from("responses")
            .where("cycle_id", .equal, invitation.cycleID).where("subject_id", .equal, invitation.subjectID)
            .where("source", .equal, invitation.source.rawValue)
            .where("status", .equal, ResponseStatus.submitted.rawValue)
            .where("rater_key", .equal, raterKey)
            .first()?.decode(column: "id", as: UUID.self)
    }

    /// Voids the rater's current response, if any (a revoked rater's answers no longer count).
    static func voidCurrentResponse(of invitation: Invitation, raterKey: String, on sql: any SQLDatabase)
        async throws
    {
        try await sql.update("responses").set("status", to: ResponseStatus.voided.rawValue)
            .where("cycle_id", .equal, invitation.cycleID).where("subject_id", .equal, invitation.subjectID)
            .where("source", .equal, invitation.source.rawValue)
            .where("status", .equal, ResponseStatus.submitted.rawValue)
            .where("rater_key", .equal, raterKey).run()
    }
}

/// One exported rating as the export query returns it.
private struct ExportedRatingRow: Decodable {
    var id: UUID
    var subjectId: UUID
    var name: String
    var source: String
    var status: String
    var submittedOn: String
    var replacesId: UUID?
    var rater: String
    var item: String
    var level: Int?
    var notObserved: Bool
    var comment: String
}
