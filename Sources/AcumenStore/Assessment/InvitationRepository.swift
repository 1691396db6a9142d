import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Who is asked to rate whom, and the personal links that let them answer.
///
/// Only a digest of each link's token is stored. The repository never sees a token itself.
public struct InvitationRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    /// Self, supervisor and customer-reviewer invitations, created with the cycle.
    public func createAutomatic(cycleID: UUID, subjects: [UUID], sources: Set<RaterSource>) async throws {
        let wanted = Set(subjects)
        var rows: [(subject: UUID, source: RaterSource, rater: UUID, account: UUID?)] = []
        let people = try await sql.raw("SELECT id, supervisor_id FROM people").all()
        for row in people {
            let id = try row.decode(column: "id", as: UUID.self)
            guard wanted.contains(id) else { continue }
            if sources.contains(.self) { rows.append((id, .self, id, nil)) }
            if sources.contains(.supervisor), let supervisor = try row.decode(column: "supervisor_id", as: UUID?.self) {
                rows.append((id, .supervisor, supervisor, nil))
            }
        }
        if sources.contains(.customer) {
            let reviewers = try await sql.raw(
                """
                SELECT a.id AS account_id, a.account_manager_id, m.person_id FROM accounts a
                JOIN account_members m ON m.account_id = a.id WHERE m.kind = 'reviewer'
                """
            ).all()
            for row in reviewers {
                let manager = try row.decode(column: "account_manager_id", as: UUID.self)
                guard wanted.contains(manager) else { continue }
                rows.append(
                    (
                        manager, .customer, try row.decode(column: "person_id", as: UUID.self),
                        try row.decode(column: "account_id", as: UUID.self)
                    ))
            }
        }
        // A person is one rater per account manager and source, even when they review two of
        // the account manager's accounts.
        var seen: Set<String> = []
        rows = rows.filter { seen.insert("\($0.subject)|\($0.source.rawValue)|\($0.rater)").inserted }
        let directory = try await names(Set(rows.map(\.rater)))
        for chunk in rows.chunked(into: 300) {
            let insert = sql.insert(into: "invitations").columns(
                "id", "cycle_id", "subject_id", "source", "rater_person_id", "rater_name", "rater_email", "account_id",
                "status", "nominated_by", "submitted")
            for row in chunk {
                let rater = directory[row.rater] ?? ("", "")
                _ = insert.values(
                    SQLBind(UUID()), SQLBind(cycleID), SQLBind(row.subject), SQLBind(row.source.rawValue),
                    SQLBind(row.rater), SQLBind(rater.name), SQLBind(rater.email), SQLBind(row.account),
                    SQLBind(Invitation.Status.approved.rawValue), SQLBind("automatic"), SQLBind(false))
            }
            try await insert.run()
        }
    }

    /// Adds a peer or an extra customer reviewer. Peers proposed by the account manager wait for
    /// the supervisor; anyone else's nomination is approved at once.
    public func nominate(
        cycle: AssessmentCycle, subjectID: UUID, raterPersonID: UUID, source: RaterSource, accountID: UUID?,
        nominatedBy: String, approved: Bool
    ) async throws -> UUID {
        switch cycle.refusal(nominating: source) {
        case .some(.closed(let status)):
            throw StoreError.conflict("The cycle is \(status.label.lowercased()); nobody can be added now.")
        case .some(.sourceNotAsked(let source)):
            // The cycle's settings, not the request, stand in the way: a conflict.
            throw StoreError.refused(
                AssessmentCycle.NominationRefusal.sourceNotAsked(source).problem(location: "source"))
        case .some(let refusal):
            throw StoreError.invalid([refusal.problem(location: "source")])
        case nil: break
        }
        let cycleID = cycle.id
        guard raterPersonID != subjectID else {
            throw StoreError.invalid([ValidationProblem(location: "rater", .ratesThemselves)])
        }
        let isSubject = try await sql.raw(
            "SELECT 1 AS found FROM cycle_subjects WHERE cycle_id = \(bind: cycleID) AND person_id = \(bind: subjectID)"
        ).first()
        guard isSubject != nil else { throw StoreError.notFound("That account manager in this cycle") }
        // One person is one rater per account manager: whoever already rates them (as self,
        // supervisor, peer or customer), or was asked and removed, cannot be added again; an
        // anonymous second voice from the same person would count them twice.
        let existing = try await invitations(cycleID: cycleID, subjectID: subjectID)
        if existing.contains(where: { $0.raterPersonID == raterPersonID }) {
            throw StoreError.refused(ValidationProblem(location: "rater", .alreadyAsked))
        }
        // Nor may anyone who reads the report rate anonymously in it: knowing their own
        // answers, they could take them out of the group's figures.
        if try await readsReports(of: subjectID, personID: raterPersonID) {
            throw StoreError.invalid([ValidationProblem(location: "rater", .readsTheReport)])
        }
        guard let rater = try await names([raterPersonID])[raterPersonID] else {
            throw StoreError.notFound("That person")
        }
        let id = UUID()
        try await sql.insert(into: "invitations")
            .columns(
                "id", "cycle_id", "subject_id", "source", "rater_person_id", "rater_name", "rater_email", "account_id",
                "status", "nominated_by", "submitted"
            )
            .values(
                SQLBind(id), SQLBind(cycleID), SQLBind(subjectID), SQLBind(source.rawValue), SQLBind(raterPersonID),
                SQLBind(rater.name), SQLBind(rater.email), SQLBind(accountID),
                SQLBind((approved ? Invitation.Status.approved : .nominated).rawValue), SQLBind(nominatedBy),
                SQLBind(false)
            ).run()
        return id
    }

    /// Approves a proposed peer.
    public func approve(invitationID: UUID) async throws {
        try await sql.update("invitations").set("status", to: Invitation.Status.approved.rawValue)
            .where("id", .equal, invitationID).where("status", .equal, Invitation.Status.nominated.rawValue).run()
    }

    /// Revokes an invitation while the cycle is open or a draft: its link stops working, its
    /// draft is deleted and, if the rater had submitted, their response is voided, all in one
    /// transaction. After close the responses are fixed, so revoking is refused.
    public func revoke(_ invitation: Invitation, raterKey: String) async throws {
        try await database.transaction { database in
            let sql = database.sql
            let status = try await sql.select().column("status").from("assessment_cycles")
                .where("id", .equal, invitation.cycleID).first()?.decode(column: "status", as: String.self)
            guard let status = status.flatMap(CycleStatus.init(rawValue:)), !status.isSettled else {
                throw StoreError.conflict(
                    "The cycle has closed: its responses are fixed, so raters can no longer be removed.")
            }
            try await sql.update("invitations").set("status", to: Invitation.Status.revoked.rawValue)
                .set("token_hash", to: SQLLiteral.null).where("id", .equal, invitation.id).run()
            try await sql.delete(from: "draft_items").where("invitation_id", .equal, invitation.id).run()
            try await ResponseRepository.voidCurrentResponse(of: invitation, raterKey: raterKey, on: sql)
        }
    }

    /// Whether this person reads the account manager's report: someone above them in the
    /// reporting line, or a user who sees everyone.
    func readsReports(of subjectID: UUID, personID: UUID) async throws -> Bool {
        let staff = try await sql.raw(
            """
            SELECT 1 AS found FROM users
            WHERE person_id = \(bind: personID) AND role IN ('administrator', 'programmeManager')
            """
        ).first()
        if staff != nil { return true }
        var current = subjectID
        var visited: Set<UUID> = [subjectID]
        while let row = try await sql.select().column("supervisor_id").from("people").where("id", .equal, current)
            .first(), let supervisor = try row.decode(column: "supervisor_id", as: UUID?.self),
            visited.insert(supervisor).inserted
        {
            if supervisor == personID { return true }
            current = supervisor
        }
        return false
    }

    /// Stores a new link's digest, replacing any earlier link. Its e-mail is queued by the
    /// caller, in the same transaction (`RaterLinks`).
    public func issue(invitationID: UUID, tokenDigest: String, today: CalendarDate) async throws {
        try await sql.update("invitations").set("token_hash", to: tokenDigest).set("issued_on", to: today.description)
            .where("id", .equal, invitationID).run()
    }

    /// Stores a reminder's new link and its day, unless the rater was reminded that day already;
    /// returns whether it did. Every app server runs the day's reminders: the first to record
    /// the day sends the reminder, and the others, finding it recorded, send nothing.
    public func issueReminder(invitationID: UUID, tokenDigest: String, today: CalendarDate) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE invitations SET token_hash = \(bind: tokenDigest), last_reminded_on = \(bind: today.description)
            WHERE id = \(bind: invitationID)
                AND (last_reminded_on IS NULL OR last_reminded_on <> \(bind: today.description))
            RETURNING id
            """
        ).first() != nil
    }

    /// Stores many first links at once (opening a cycle).
    public func issue(_ links: [(invitationID: UUID, tokenDigest: String)], today: CalendarDate) async throws {
        for link in links {
            try await sql.update("invitations").set("token_hash", to: link.tokenDigest)
                .set("issued_on", to: today.description).where("id", .equal, link.invitationID).run()
        }
    }

    public func invitation(id: UUID) async throws -> Invitation {
        guard let found = try await read("i.id = \(bind: id)").first else {
            throw StoreError.notFound("That invitation")
        }
        return found
    }

    /// The invitation, if this person is its rater.
    public func invitation(id: UUID, raterPersonID: UUID) async throws -> Invitation? {
        try await read("i.id = \(bind: id) AND i.rater_person_id = \(bind: raterPersonID)").first
    }

    /// The invitation a link opens, if the link is current.
    public func invitation(tokenDigest: String) async throws -> Invitation? {
        try await read("i.token_hash = \(bind: tokenDigest)").first
    }

    public func invitations(cycleID: UUID, subjectID: UUID? = nil) async throws -> [Invitation] {
        guard let subjectID else { return try await read("i.cycle_id = \(bind: cycleID)") }
        return try await read("i.cycle_id = \(bind: cycleID) AND i.subject_id = \(bind: subjectID)")
    }

    /// The cycles that asked this account's customers for their view, answered or not.
    public func cycleIDs(invitingCustomersOf accountID: UUID) async throws -> Set<UUID> {
        Set(
            try await sql.raw(
                """
                SELECT DISTINCT cycle_id FROM invitations
                WHERE account_id = \(bind: accountID) AND source = 'customer' AND status <> 'revoked'
                """
            ).all().map { try $0.decode(column: "cycle_id", as: UUID.self) })
    }

    /// Sets the language the programme chose for one rater's form and e-mails; nil returns it
    /// to the account's, or to the rater's browser's.
    public func setProgrammeLanguage(_ language: Language?, invitationID: UUID) async throws {
        try await sql.update("invitations").set("language", to: SQLBind(language?.rawValue))
            .where("id", .equal, SQLBind(invitationID)).run()
    }

    /// Keeps the language the rater chose on their form, which outranks the programme's.
    public func setRaterLanguage(_ language: Language, invitationID: UUID) async throws {
        try await sql.update("invitations").set("rater_language", to: SQLBind(language.rawValue))
            .where("id", .equal, SQLBind(invitationID)).run()
    }

    public func invitations(raterPersonID: UUID) async throws -> [Invitation] {
        try await read("i.rater_person_id = \(bind: raterPersonID)")
    }

    /// Ordered to the last column: on PostgreSQL an update moves a row, and an order that left
    /// ties to the table would move an invitation whose rater just submitted.
    private func read(_ condition: SQLQueryString) async throws -> [Invitation] {
        try await sql.raw(
            """
            SELECT i.id, i.cycle_id, i.subject_id, p.name AS subject_name, i.source, i.rater_person_id, i.rater_name,
                   i.rater_email, i.account_id, i.status, i.issued_on, i.last_reminded_on, i.submitted,
                   COALESCE(i.rater_language, i.language, a.language) AS language,
                   COALESCE(i.language, a.language) AS programme_language
            FROM invitations i JOIN people p ON p.id = i.subject_id LEFT JOIN accounts a ON a.id = i.account_id
            WHERE \(condition) ORDER BY p.name, i.subject_id, i.source, i.rater_name, i.id
            """
        ).all(decoding: InvitationRow.self).map(\.invitation)
    }

    private func names(_ ids: Set<UUID>) async throws -> [UUID: (name: String, email: String)] {
        guard !ids.isEmpty else { return [:] }
        var result: [UUID: (name: String, email: String)] = [:]
        for chunk in Array(ids).chunked(into: 500) {
            let rows = try await sql.select().columns("id", "name", "email").from("people")
                .where("id", .in, SQLBind.group(Array(chunk))).all()
            for row in rows {
                result[try row.decode(column: "id", as: UUID.self)] = (
                    try row.decode(column: "name", as: String.self), try row.decode(column: "email", as: String.self)
                )
            }
        }
        return result
    }
}

/// One invitation as `InvitationRepository` reads it, column for column.
private struct InvitationRow: Decodable {
    var id: UUID
    var cycleId: UUID
    var subjectId: UUID
    var subjectName: String
    var source: RaterSource
    var raterPersonId: UUID?
    var raterName: String
    var raterEmail: String
    var accountId: UUID?
    var status: Invitation.Status
    var issuedOn: CalendarDate?
    var lastRemindedOn: CalendarDate?
    var submitted: Bool
    var language: String?
    var programmeLanguage: String?

    /// Column names spelled out: converting each key from snake case on every row costs more
    /// than the rest of decoding on a rater's request.
    enum CodingKeys: String, CodingKey {
        case id, source, status, submitted, language
        case cycleId = "cycle_id", subjectId = "subject_id", subjectName = "subject_name"
        case raterPersonId = "rater_person_id", raterName = "rater_name", raterEmail = "rater_email"
        case accountId = "account_id", issuedOn = "issued_on", lastRemindedOn = "last_reminded_on"
        case programmeLanguage = "programme_language"
    }

    var invitation: Invitation {
        Invitation(
            id: id, cycleID: cycleId, subjectID: subjectId, subjectName: subjectName, source: source,
            raterPersonID: raterPersonId, raterName: raterName, raterEmail: raterEmail, accountID: accountId,
            status: status, issuedOn: issuedOn, lastRemindedOn: lastRemindedOn, hasSubmitted: submitted,
            language: language.flatMap(Language.init(rawValue:)),
            programmeLanguage: programmeLanguage.flatMap(Language.init(rawValue:)))
    }
}
