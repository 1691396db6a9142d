import AcumenCore
import FluentKit
import Foundation
import SQLKit

public struct ScorecardRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    public func create(
        title: String, framework: FrameworkSummary, candidates: [String], interviewerUserID: UUID, today: CalendarDate
    ) async throws -> UUID {
        let names = candidates.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var problems: [ValidationProblem] = []
        let trimmedTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = TextLimits.titleProblem(title, of: "the interview") { problems.append(problem) }
        if names.isEmpty || names.count > Scorecard.maximumCandidates {
            problems.append(
                ValidationProblem(
                    location: "candidates", message: "name 1 to \(Scorecard.maximumCandidates) candidates, one per line"
                ))
        }
        if names.contains(where: { $0.count > TextLimits.name }) {
            problems.append(ValidationProblem(location: "candidates", message: "a candidate's name is too long"))
        }
        let frameworkID = framework.id
        if framework.status != .published {
            problems.append(ValidationProblem(location: "framework", message: "choose a published framework"))
        }
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        let id = UUID()
        try await sql.insert(into: "scorecards")
            .columns("id", "framework_id", "title", "interviewer_user_id", "candidates", "created_on")
            .values(
                SQLBind(id), SQLBind(frameworkID), SQLBind(trimmedTitle), SQLBind(interviewerUserID),
                SQLBind(names.joined(separator: "\n")), SQLBind(today.description)
            ).run()
        return id
    }

    public func scorecards(interviewerUserID: UUID?) async throws -> [Scorecard] {
        let condition: SQLQueryString = interviewerUserID.map { "WHERE interviewer_user_id = \(bind: $0)" } ?? ""
        return try await sql.raw(
            """
            SELECT id, framework_id, title, interviewer_user_id, candidates, created_on FROM scorecards \(condition)
            ORDER BY created_on DESC, title
            """
        ).all().map(Self.scorecard)
    }

    public func scorecard(id: UUID) async throws -> Scorecard {
        guard
            let row = try await sql.raw(
                """
                SELECT id, framework_id, title, interviewer_user_id, candidates, created_on FROM scorecards
                WHERE id = \(bind: id)
                """
            ).first()
        else { throw StoreError.notFound("That scorecard") }
        var card = try Self.scorecard(row)
        for rating in try await sql.raw(
            "SELECT candidate, competency_code, level, note FROM scorecard_ratings WHERE scorecard_id = \(bind: id)"
        ).all() {
            let candidate = try rating.decode(column: "candidate", as: Int.self)
            let code = try rating.decode(column: "competency_code", as: String.self)
            if let level = try rating.decode(column: "level", as: Int?.self) {
                card.levels[candidate, default: [:]][code] = level
            }
            let note = try rating.decode(column: "note", as: String.self)
            if !note.isEmpty { card.notes[candidate, default: [:]][code] = note }
        }
        return card
    }

    /// Saves one candidate's level and note on one competency.
    public func rate(scorecardID: UUID, candidate: Int, competencyCode: String, level: Int?, note: String)
        async throws
    {
        try await sql.raw(
            """
            INSERT INTO scorecard_ratings (scorecard_id, candidate, competency_code, level, note)
            VALUES (\(bind: scorecardID), \(bind: candidate), \(bind: competencyCode), \(bind: level), \(bind: note))
            ON CONFLICT (scorecard_id, candidate, competency_code)
            DO UPDATE SET level = excluded.level, note = excluded.note
            """
        ).run()
    }

    private static func scorecard(_ row: any SQLRow) throws -> Scorecard {
        Scorecard(
            id: try row.decode(column: "id", as: UUID.self),
            frameworkID: try row.decode(column: "framework_id", as: UUID.self),
            title: try row.decode(column: "title", as: String.self),
            interviewerUserID: try row.decode(column: "interviewer_user_id", as: UUID.self),
            candidates: try row.decode(column: "candidates", as: String.self).split(separator: "\n").map(String.init),
            createdOn: CalendarDate(try row.decode(column: "created_on", as: String.self)), levels: [:], notes: [:])
    }
}
