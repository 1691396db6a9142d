import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Assessment cycles, the people they assess and their questionnaires.
public struct CycleRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    /// Creates a draft cycle with its subjects, questionnaire and automatic invitations
    /// (self, supervisor, and each account's customer reviewers), all in one transaction.
    /// Stores a checked cycle in draft with its subjects and questions; returns its id and the
    /// people it assesses. The questionnaire is already made for the cycle's framework
    /// (`Questionnaire.starting`); invitations are created by the caller in the same transaction.
    public func create(
        frameworkID: UUID, settings: CycleSettings, scope: SubjectScope, questionnaire: Questionnaire,
        today: CalendarDate
    ) async throws -> (id: UUID, subjects: [UUID]) {
        let subjects = try await subjectIDs(scope)
        guard !subjects.isEmpty else {
            throw StoreError.invalid([
                ValidationProblem(location: "subjects", message: "nobody matches: choose another team or location")
            ])
        }
        let id = UUID()
        try await database.transaction { database in
            let sql = database.sql
            try await sql.insert(into: "assessment_cycles")
                .columns(
                    "id", "name", "framework_id", "status", "opens_on", "closes_on", "sources", "minimum_peers",
                    "minimum_customers", "minimum_comments", "reminder_days", "questionnaire_title", "created_on"
                )
                .values(
                    SQLBind(id), SQLBind(settings.name.trimmingCharacters(in: .whitespacesAndNewlines)),
                    SQLBind(frameworkID), SQLBind(CycleStatus.draft.rawValue), SQLBind(settings.opensOn.description),
                    SQLBind(settings.closesOn.description), SQLBind(Self.encode(settings.sources)),
                    SQLBind(settings.rules.minimumPeers), SQLBind(settings.rules.minimumCustomers),
                    SQLBind(settings.rules.minimumForComments),
                    SQLBind(settings.reminderDaysBeforeClose.map(String.init).joined(separator: ",")),
                    SQLBind(questionnaire.title), SQLBind(today.description)
                ).run()
            for chunk in subjects.chunked(into: 500) {
                let insert = sql.insert(into: "cycle_subjects").columns("cycle_id", "person_id")
                for subject in chunk { _ = insert.values(SQLBind(id), SQLBind(subject)) }
                try await insert.run()
            }
            let insert = sql.insert(into: "cycle_questions").columns(
                "cycle_id", "code", "competency_code", "position", "text", "translations")
            for (position, question) in questionnaire.questions.enumerated() {
                _ = insert.values(
                    SQLBind(id), SQLBind(question.code), SQLBind(question.competencyCode), SQLBind(position),
                    SQLBind(question.text), SQLBind(LanguageKeyedColumn.encode(question.translations)))
            }
            try await insert.run()
        }
        return (id, subjects)
    }

    public func cycles() async throws -> [AssessmentCycle] {
        try await read()
    }

    public func cycle(id: UUID) async throws -> AssessmentCycle {
        guard let cycle = try await read(id: id).first else {
            throw StoreError.notFound("That cycle")
        }
        return cycle
    }

    /// Tightening is always allowed; loosening only while the cycle is a draft.
    public func changeRules(cycleID: UUID, to rules: AnonymityRules) async throws {
        let cycle = try await cycle(id: cycleID)
        let problems = rules.problems.map { ValidationProblem(location: "anonymity", message: $0) }
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        switch cycle.settings.changingRules(to: rules, status: cycle.status) {
        case .failure(let refusal): throw StoreError.conflict(refusal.description)
        case .success: break
        }
        try await sql.update("assessment_cycles")
            .set("minimum_peers", to: rules.minimumPeers).set("minimum_customers", to: rules.minimumCustomers)
            .set("minimum_comments", to: rules.minimumForComments).where("id", .equal, cycleID).run()
    }

    /// Moves the cycle one step on, recording the day when it closes. Returns the new status.
    public func advance(cycleID: UUID, from expected: CycleStatus, today: CalendarDate) async throws -> CycleStatus {
        let cycle = try await cycle(id: cycleID)
        guard cycle.status == expected, let next = cycle.status.next else {
            throw StoreError.conflict("The cycle is \(cycle.status.label.lowercased()); it cannot move on from here.")
        }
        let update = sql.update("assessment_cycles").set("status", to: next.rawValue)
        if next == .closed { _ = update.set("closed_on", to: today.description) }
        try await update.where("id", .equal, cycleID).where("status", .equal, expected.rawValue).run()
        return next
    }

    public func questionnaire(cycleID: UUID) async throws -> Questionnaire {
        try await questionnaire(for: try await cycle(id: cycleID))
    }

    public func questionnaire(for cycle: AssessmentCycle) async throws -> Questionnaire {
        let cycleID = cycle.id
        let questions = try await sql.select().columns("code", "competency_code", "text", "translations")
            .from("cycle_questions").where("cycle_id", .equal, cycleID).orderBy("position").all().map { row in
                Questionnaire.Question(
                    code: try row.decode(column: "code", as: String.self),
                    competencyCode: try row.decode(column: "competency_code", as: String.self),
                    text: try row.decode(column: "text", as: String.self),
                    translations: LanguageKeyedColumn.decode(try row.decode(column: "translations", as: String?.self)))
            }
        let base = GlobalMobilityQuestionnaire.questionnaire
        // The built-in introduction is every cycle's; the title's translations hold while the
        // title is the built-in one.
        return Questionnaire(
            title: cycle.questionnaireTitle, introduction: base.introduction, questions: questions,
            language: base.language,
            titleTranslations: cycle.questionnaireTitle == base.title ? base.titleTranslations : [:],
            introductionTranslations: base.introductionTranslations)
    }

    /// Sets one question's wording in another language; only while the cycle is a draft.
    /// An empty text removes the translation, and readers of that language get the original.
    public func translateQuestion(cycleID: UUID, code: String, language: Language, text: String) async throws {
        let cycle = try await cycle(id: cycleID)
        guard cycle.status == .draft else {
            throw StoreError.conflict("Questions can be changed only while the cycle is a draft.")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= TextLimits.behaviour else {
            throw StoreError.invalid([
                ValidationProblem(
                    location: "question \(code)",
                    message: "write the question in at most \(TextLimits.behaviour) characters")
            ])
        }
        let questionnaire = try await questionnaire(for: cycle)
        guard var question = questionnaire.questions.first(where: { $0.code == code }) else {
            throw StoreError.notFound("That question")
        }
        question.translations[language] = trimmed.isEmpty ? nil : trimmed
        try await sql.update("cycle_questions")
            .set("translations", to: SQLBind(LanguageKeyedColumn.encode(question.translations)))
            .where("cycle_id", .equal, cycleID).where("code", .equal, code).run()
    }

    /// Rewords one question; only while the cycle is a draft, so every customer answers the same text.
    public func rewordQuestion(cycleID: UUID, code: String, text: String) async throws {
        let cycle = try await cycle(id: cycleID)
        guard cycle.status == .draft else {
            throw StoreError.conflict("Questions can be changed only while the cycle is a draft.")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= TextLimits.behaviour else {
            throw StoreError.invalid([
                ValidationProblem(
                    location: "question \(code)",
                    message: "write the question in 1 to \(TextLimits.behaviour) characters"
                )
            ])
        }
        let questionnaire = try await questionnaire(cycleID: cycleID)
        guard questionnaire.questions.contains(where: { $0.code == code }) else {
            throw StoreError.notFound("That question")
        }
        // Translations of the old wording no longer say the same thing: readers of other
        // languages get the new wording until it is translated again.
        let changed = questionnaire.questions.first { $0.code == code }?.text != trimmed
        let update = sql.update("cycle_questions").set("text", to: trimmed)
        if changed { _ = update.set("translations", to: SQLBind(String?.none)) }
        try await update.where("cycle_id", .equal, cycleID).where("code", .equal, code).run()
    }

    /// The people assessed, with where they sit, sorted by name.
    public func subjects(cycleID: UUID) async throws -> [CycleSubject] {
        try await subjects(cycleID: cycleID, only: nil)
    }

    /// One person assessed in the cycle, or nil when they are not.
    public func subject(cycleID: UUID, personID: UUID) async throws -> CycleSubject? {
        try await subjects(cycleID: cycleID, only: personID).first
    }

    private func subjects(cycleID: UUID, only personID: UUID?) async throws -> [CycleSubject] {
        let person: SQLQueryString = personID.map { " AND s.person_id = \(bind: $0)" } ?? ""
        return try await sql.raw(
            """
            SELECT p.id, p.name, p.supervisor_id, COALESCE(t.name, '') AS team, COALESCE(l.city, '') AS location,
                   p.hire_date, p.job_title
            FROM cycle_subjects s JOIN people p ON p.id = s.person_id
            LEFT JOIN teams t ON t.id = p.team_id LEFT JOIN locations l ON l.id = p.location_id
            WHERE s.cycle_id = \(bind: cycleID)\(person) ORDER BY p.name
            """
        ).all().map { row in
            CycleSubject(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                supervisorID: try row.decode(column: "supervisor_id", as: UUID?.self),
                team: try row.decode(column: "team", as: String.self),
                location: try row.decode(column: "location", as: String.self),
                hireDate: CalendarDate(try row.decode(column: "hire_date", as: String.self)),
                jobTitle: try row.decode(column: "job_title", as: String.self))
        }
    }

    private func subjectIDs(_ scope: SubjectScope) async throws -> [UUID] {
        var query = sql.select().column(SQLColumn("id", table: "p")).from(SQLAlias(SQLIdentifier("people"), as: "p"))
            .join(
                SQLAlias(SQLIdentifier("organisations"), as: "o"), method: SQLJoinMethod.inner,
                on: SQLColumn("organisation_id", table: "p"), .equal, SQLColumn("id", table: "o")
            )
            .where(SQLColumn("kind", table: "o"), .equal, SQLBind(OrganisationKind.vendor.rawValue))
            .where(SQLColumn("employment_status", table: "p"), .equal, SQLBind(EmploymentStatus.active.rawValue))
            .where(
                SQLFunction("LOWER", args: SQLColumn("job_title", table: "p")), .like, SQLBind("%account manager%"))
        switch scope {
        case .allAccountManagers: break
        case .team(let team): query = query.where(SQLColumn("team_id", table: "p"), .equal, SQLBind(team))
        case .location(let location):
            query = query.where(SQLColumn("location_id", table: "p"), .equal, SQLBind(location))
        }
        return try await query.all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    private func read(id: UUID? = nil) async throws -> [AssessmentCycle] {
        let condition: SQLQueryString = id.map { "WHERE c.id = \(bind: $0)" } ?? ""
        let rows = try await sql.raw(
            """
            SELECT c.id, c.name, c.framework_id, c.status, c.opens_on, c.closes_on, c.sources, c.minimum_peers,
                   c.minimum_customers, c.minimum_comments, c.reminder_days, c.questionnaire_title, c.shows_adjusted,
                   c.closed_on, f.name AS framework_name, f.version AS framework_version
            FROM assessment_cycles c JOIN frameworks f ON f.id = c.framework_id \(condition)
            ORDER BY c.opens_on DESC, c.name
            """
        ).all(decoding: CycleRow.self)
        return rows.map(\.cycle)
    }

    /// Turns severity-adjusted levels in the cycle's reports on or off (raw levels always show).
    public func setShowsAdjustedScores(_ shows: Bool, cycleID: UUID) async throws {
        _ = try await cycle(id: cycleID)
        try await sql.raw(
            "UPDATE assessment_cycles SET shows_adjusted = \(bind: shows) WHERE id = \(bind: cycleID)"
        ).run()
    }

    static func encode(_ sources: Set<RaterSource>) -> String {
        sources.sorted().map(\.rawValue).joined(separator: ",")
    }

    static func decodeSources(_ text: String) -> Set<RaterSource> {
        Set(text.split(separator: ",").compactMap { RaterSource(rawValue: String($0)) })
    }
}

/// One cycle as `CycleRepository` reads it, with its framework's name and version.
private struct CycleRow: Decodable {
    var id: UUID
    var name: String
    var frameworkId: UUID
    var status: CycleStatus
    var opensOn: CalendarDate
    var closesOn: CalendarDate
    /// Sources as stored: raw values separated by commas.
    var sources: String
    var minimumPeers: Int
    var minimumCustomers: Int
    var minimumComments: Int
    var reminderDays: String
    var questionnaireTitle: String
    var showsAdjusted: Bool
    var closedOn: CalendarDate?
    var frameworkName: String
    var frameworkVersion: Int

    /// Column names spelled out, as for invitations: both are read on every rater's request.
    enum CodingKeys: String, CodingKey {
        case id, name, status, sources
        case frameworkId = "framework_id", opensOn = "opens_on", closesOn = "closes_on"
        case minimumPeers = "minimum_peers", minimumCustomers = "minimum_customers"
        case minimumComments = "minimum_comments", reminderDays = "reminder_days"
        case questionnaireTitle = "questionnaire_title", showsAdjusted = "shows_adjusted", closedOn = "closed_on"
        case frameworkName = "framework_name", frameworkVersion = "framework_version"
    }

    var cycle: AssessmentCycle {
        AssessmentCycle(
            id: id, frameworkID: frameworkId, frameworkName: frameworkName,
            settings: CycleSettings(
                name: name, sources: CycleRepository.decodeSources(sources), opensOn: opensOn, closesOn: closesOn,
                rules: AnonymityRules(
                    minimumPeers: minimumPeers, minimumCustomers: minimumCustomers, minimumForComments: minimumComments),
                reminderDaysBeforeClose: reminderDays.split(separator: ",").compactMap { Int($0) }),
            status: status, questionnaireTitle: questionnaireTitle, showsAdjustedScores: showsAdjusted,
            closedOn: closedOn, frameworkVersion: frameworkVersion)
    }
}
