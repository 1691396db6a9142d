import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// The question bank: every version of every question. A question that nobody has been asked
/// yet is revised in place; once an attempt has asked it, a revision is a new version and the
/// attempts stay tied to the version they answered.
public struct QuestionBankRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// What a question holds besides its columns, kept as JSON.
    private struct Details: Codable {
        var options: [BankQuestion.Option]
        var numericAnswer: Double?
        var tolerance: Double
        var rubric: [BankQuestion.RubricStep]
    }

    private struct Row: Decodable {
        var id: UUID
        var version: Int
        var competencyCode: String
        var level: Int
        var kind: String
        var prompt: String
        var explanation: String
        var details: String

        enum CodingKeys: String, CodingKey {
            case id, version, level, kind, prompt, explanation, details
            case competencyCode = "competency_code"
        }

        var question: BankQuestion? {
            guard let kind = QuestionKind(rawValue: kind),
                let details = try? JSONDecoder().decode(Details.self, from: Data(details.utf8))
            else { return nil }
            return BankQuestion(
                id: id, version: version, competencyCode: competencyCode, level: level, kind: kind, prompt: prompt,
                explanation: explanation, options: details.options, numericAnswer: details.numericAnswer,
                tolerance: details.tolerance, rubric: details.rubric)
        }
    }

    private static let columns: SQLQueryString =
        "id, version, competency_code, level, kind, prompt, explanation, details"

    /// The latest version of every question still in the bank, by competency, level and prompt.
    public func latest() async throws -> [BankQuestion] {
        try await database.sql.raw(
            """
            SELECT \(Self.columns) FROM bank_questions WHERE is_latest AND NOT is_retired
            ORDER BY competency_code, level, prompt, id
            """
        ).all(decoding: Row.self).compactMap(\.question)
    }

    /// The versions asked, by question id and version.
    public func versions(_ wanted: Set<QuestionVersion>) async throws -> [QuestionVersion: BankQuestion] {
        guard !wanted.isEmpty else { return [:] }
        var found: [QuestionVersion: BankQuestion] = [:]
        for chunk in Array(wanted).chunked(into: 400) {
            for question in try await database.sql.raw(
                "SELECT \(Self.columns) FROM bank_questions WHERE id IN (\(binds: Array(Set(chunk.map(\.id)))))"
            ).all(decoding: Row.self).compactMap(\.question) {
                let key = QuestionVersion(id: question.id, version: question.version)
                if wanted.contains(key) { found[key] = question }
            }
        }
        return found
    }

    public struct Saved: Hashable, Sendable {
        public var added = 0
        /// Revised in place: nobody had been asked them.
        public var revised = 0
        /// Revised as a new version, the earlier one having been asked.
        public var newVersions = 0
        public var unchanged = 0
    }

    /// Saves questions in one transaction: a new id is added as version 1; a known one is left
    /// as it is when nothing changed, else revised (in place while unasked, else as a new version).
    /// The version each question carries is ignored: the bank decides it.
    public func save(_ questions: [BankQuestion], at: Date) async throws -> Saved {
        try await database.writeTransaction { database in
            var saved = Saved()
            for question in questions {
                try await Self.save(question, at: at, saved: &saved, sql: database.sql)
            }
            return saved
        }
    }

    private static func save(_ question: BankQuestion, at: Date, saved: inout Saved, sql: any SQLDatabase)
        async throws
    {
        let current = try await sql.raw(
            "SELECT \(columns) FROM bank_questions WHERE id = \(bind: question.id) AND is_latest"
        ).first(decoding: Row.self)?.question
        guard let current else {
            try await insert(question, version: 1, at: at, sql: sql)
            saved.added += 1
            return
        }
        var comparable = question
        comparable.version = current.version
        if comparable == current {
            // Unchanged, but a retired question named again is back in the bank.
            try await sql.raw("UPDATE bank_questions SET is_retired = FALSE WHERE id = \(bind: question.id)").run()
            saved.unchanged += 1
            return
        }
        let asked =
            try await sql.raw(
                """
                SELECT 1 AS asked FROM attempt_questions
                WHERE question_id = \(bind: question.id) AND question_version = \(bind: current.version) LIMIT 1
                """
            ).first() != nil
        if asked {
            try await sql.raw("UPDATE bank_questions SET is_latest = FALSE WHERE id = \(bind: question.id)").run()
            try await insert(question, version: current.version + 1, at: at, sql: sql)
            saved.newVersions += 1
        } else {
            try await sql.raw(
                """
                DELETE FROM bank_questions WHERE id = \(bind: question.id) AND version = \(bind: current.version)
                """
            ).run()
            try await insert(question, version: current.version, at: at, sql: sql)
            saved.revised += 1
        }
    }

    private static func insert(_ question: BankQuestion, version: Int, at: Date, sql: any SQLDatabase) async throws {
        let details = Details(
            options: question.options, numericAnswer: question.numericAnswer, tolerance: question.tolerance,
            rubric: question.rubric)
        let json = String(decoding: try JSONEncoder().encode(details), as: UTF8.self)
        try await sql.raw(
            """
            INSERT INTO bank_questions (id, version, competency_code, level, kind, prompt, explanation, details,
                is_latest, is_retired, created_at)
            VALUES (\(bind: question.id), \(bind: version), \(bind: question.competencyCode), \(bind: question.level),
                \(bind: question.kind.rawValue), \(bind: question.prompt), \(bind: question.explanation), \(bind: json),
                TRUE, FALSE, \(bind: at.formatted(.iso8601)))
            """
        ).run()
    }

    /// Takes a question out of the bank: checks no longer draw it; attempts that asked it keep it.
    public func retire(id: UUID) async throws {
        try await database.sql.raw("UPDATE bank_questions SET is_retired = TRUE WHERE id = \(bind: id)").run()
    }

    /// How many versions each question has, for the bank's page.
    public func versionCounts() async throws -> [UUID: Int] {
        struct Count: Decodable {
            var id: UUID
            var n: Int
        }
        return Dictionary(
            uniqueKeysWithValues: try await database.sql.raw(
                "SELECT id, COUNT(*) AS n FROM bank_questions GROUP BY id"
            ).all(decoding: Count.self).map { ($0.id, $0.n) })
    }
}

/// One version of one question: what an attempt asked.
public struct QuestionVersion: Hashable, Sendable {
    public var id: UUID
    public var version: Int

    public init(id: UUID, version: Int) {
        self.id = id
        self.version = version
    }
}
