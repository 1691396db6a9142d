import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Checks and their attempts. An attempt keeps the paper it asked (each question's version and
/// the order its options were shown), the answers saved as the person goes, and once submitted
/// what was chosen and scored per question. A submitted attempt is final.
public struct KnowledgeCheckRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// A check as kept: what it asks, and the offering it is in the catalogue as.
    public struct StoredCheck: Hashable, Sendable {
        public var check: KnowledgeCheck
        public var offeringID: UUID?
        /// Run by an assessor from a script, rather than taken by the person.
        public var isVerbal: Bool

        public init(check: KnowledgeCheck, offeringID: UUID?, isVerbal: Bool) {
            self.check = check
            self.offeringID = offeringID
            self.isVerbal = isVerbal
        }
    }

    /// How a check's selection is kept.
    private struct Selection: Codable {
        struct Draw: Codable {
            var competencyCode: String
            var level: Int
            var count: Int
        }

        var fixed: [UUID]?
        var drawn: [Draw]?

        init(_ selection: KnowledgeCheck.Selection) {
            switch selection {
            case .fixed(let ids): fixed = ids
            case .drawn(let draws):
                drawn = draws.map { Draw(competencyCode: $0.competencyCode, level: $0.level, count: $0.count) }
            }
        }

        var selection: KnowledgeCheck.Selection {
            if let drawn {
                return .drawn(drawn.map { .init(competencyCode: $0.competencyCode, level: $0.level, count: $0.count) })
            }
            return .fixed(fixed ?? [])
        }
    }

    private struct CheckRow: Decodable {
        var id: UUID
        var offeringId: UUID?
        var title: String
        var isVerbal: Bool
        var selection: String
        var timeLimitMinutes: Int?
        var passMark: Double
        var allowedAttempts: Int?
        var shufflesOptions: Bool

        enum CodingKeys: String, CodingKey {
            case id, title, selection
            case offeringId = "offering_id"
            case isVerbal = "is_verbal"
            case timeLimitMinutes = "time_limit_minutes"
            case passMark = "pass_mark"
            case allowedAttempts = "allowed_attempts"
            case shufflesOptions = "shuffles_options"
        }

        var stored: StoredCheck {
            let selection = (try? JSONDecoder().decode(Selection.self, from: Data(selection.utf8)))?.selection
            return StoredCheck(
                check: KnowledgeCheck(
                    id: id, title: title, selection: selection ?? .fixed([]), timeLimitMinutes: timeLimitMinutes,
                    passMark: passMark, allowedAttempts: allowedAttempts, shufflesOptions: shufflesOptions),
                offeringID: offeringId, isVerbal: isVerbal)
        }
    }

    private static let checkColumns: SQLQueryString = """
        id, offering_id, title, is_verbal, selection, time_limit_minutes, pass_mark, allowed_attempts, shuffles_options
        """

    /// Every check, by title.
    public func checks() async throws -> [StoredCheck] {
        try await database.sql.raw("SELECT \(Self.checkColumns) FROM knowledge_checks ORDER BY title, id")
            .all(decoding: CheckRow.self).map(\.stored)
    }

    public func check(id: UUID) async throws -> StoredCheck {
        guard
            let row = try await database.sql.raw(
                "SELECT \(Self.checkColumns) FROM knowledge_checks WHERE id = \(bind: id)"
            ).first(decoding: CheckRow.self)
        else { throw StoreError.notFound("Knowledge check") }
        return row.stored
    }

    /// The check an offering of the catalogue is, if any.
    public func check(offeringID: UUID) async throws -> StoredCheck? {
        try await database.sql.raw(
            "SELECT \(Self.checkColumns) FROM knowledge_checks WHERE offering_id = \(bind: offeringID)"
        ).first(decoding: CheckRow.self)?.stored
    }

    /// Adds a check, or replaces the one with the same id (attempts already made keep their papers).
    public func save(_ stored: StoredCheck, at: Date) async throws {
        let check = stored.check
        let selection = String(decoding: try JSONEncoder().encode(Selection(check.selection)), as: UTF8.self)
        try await database.transaction { database in
            let sql = database.sql
            let kept = try await sql.raw("SELECT id FROM knowledge_checks WHERE id = \(bind: check.id)").first()
            if kept == nil {
                try await sql.raw(
                    """
                    INSERT INTO knowledge_checks (id, offering_id, title, is_verbal, selection, time_limit_minutes,
                        pass_mark, allowed_attempts, shuffles_options, created_at)
                    VALUES (\(bind: check.id), \(bind: stored.offeringID), \(bind: check.title), \(bind: stored.isVerbal),
                        \(bind: selection), \(bind: check.timeLimitMinutes), \(bind: check.passMark),
                        \(bind: check.allowedAttempts), \(bind: check.shufflesOptions), \(bind: at.formatted(.iso8601)))
                    """
                ).run()
            } else {
                try await sql.raw(
                    """
                    UPDATE knowledge_checks SET offering_id = \(bind: stored.offeringID), title = \(bind: check.title),
                        selection = \(bind: selection), time_limit_minutes = \(bind: check.timeLimitMinutes),
                        pass_mark = \(bind: check.passMark), allowed_attempts = \(bind: check.allowedAttempts),
                        shuffles_options = \(bind: check.shufflesOptions)
                    WHERE id = \(bind: check.id)
                    """
                ).run()
            }
        }
    }

    // MARK: Attempts

    /// An attempt as kept.
    public struct Attempt: Hashable, Sendable {
        public var id: UUID
        public var checkID: UUID
        public var personID: UUID
        /// 1 for the person's first attempt at the check.
        public var number: Int
        public var startedAt: Date
        public var submittedAt: Date?
        public var score: Double?
        public var passed: Bool?
        public var assessorUserID: UUID?
        public var notes: String
        public var paper: AttemptPaper
        /// Per question of the paper, once submitted: the options chosen and the score (nil while
        /// an assessor has yet to score it), and the rubric step an assessor chose.
        public var marks: [Mark]

        public var isSubmitted: Bool { submittedAt != nil }
    }

    public struct Mark: Hashable, Sendable {
        public var chosen: [String]
        public var score: Double?
        public var rubricStep: Int?

        public init(chosen: [String], score: Double?, rubricStep: Int? = nil) {
            self.chosen = chosen
            self.score = score
            self.rubricStep = rubricStep
        }
    }

    private struct AttemptRow: Decodable {
        var id: UUID
        var checkId: UUID
        var personId: UUID
        var number: Int
        var startedAt: Double
        var submittedAt: Double?
        var score: Double?
        var passed: Bool?
        var assessorUserId: UUID?
        var notes: String

        enum CodingKeys: String, CodingKey {
            case id, number, score, passed, notes
            case checkId = "check_id"
            case personId = "person_id"
            case startedAt = "started_at"
            case submittedAt = "submitted_at"
            case assessorUserId = "assessor_user_id"
        }
    }

    private struct QuestionRow: Decodable {
        var attemptId: UUID
        var position: Int
        var questionId: UUID
        var questionVersion: Int
        var optionOrder: String
        var chosen: String?
        var score: Double?
        var rubricStep: Int?

        enum CodingKeys: String, CodingKey {
            case position, chosen, score
            case attemptId = "attempt_id"
            case questionId = "question_id"
            case questionVersion = "question_version"
            case optionOrder = "option_order"
            case rubricStep = "rubric_step"
        }
    }

    /// What learning records name as having completed a check.
    public static let completionSource = "knowledge check"

    /// Option keys are kept joined by this; the CSV export of attempts uses it too.
    public static let optionSeparator = "|"

    private static func keys(_ text: String?) -> [String] {
        (text ?? "").split(separator: Character(optionSeparator), omittingEmptySubsequences: true).map(String.init)
    }

    private func attempts(where condition: SQLQueryString) async throws -> [Attempt] {
        let sql = database.sql
        let rows = try await sql.raw(
            """
            SELECT id, check_id, person_id, number, started_at, submitted_at, score, passed, assessor_user_id, notes
            FROM check_attempts WHERE \(condition) ORDER BY started_at, number
            """
        ).all(decoding: AttemptRow.self)
        guard !rows.isEmpty else { return [] }
        var questions: [UUID: [QuestionRow]] = [:]
        for chunk in rows.map(\.id).chunked(into: 400) {
            for row in try await sql.raw(
                """
                SELECT attempt_id, position, question_id, question_version, option_order, chosen, score, rubric_step
                FROM attempt_questions WHERE attempt_id IN (\(binds: Array(chunk))) ORDER BY position
                """
            ).all(decoding: QuestionRow.self) {
                questions[row.attemptId, default: []].append(row)
            }
        }
        return rows.map { row in
            let asked = questions[row.id] ?? []
            return Attempt(
                id: row.id, checkID: row.checkId, personID: row.personId, number: row.number,
                startedAt: Date(timeIntervalSince1970: row.startedAt),
                submittedAt: row.submittedAt.map(Date.init(timeIntervalSince1970:)), score: row.score,
                passed: row.passed, assessorUserID: row.assessorUserId, notes: row.notes,
                paper: AttemptPaper(
                    items: asked.map {
                        .init(
                            questionID: $0.questionId, version: $0.questionVersion,
                            optionOrder: Self.keys($0.optionOrder))
                    }),
                marks: asked.map { Mark(chosen: Self.keys($0.chosen), score: $0.score, rubricStep: $0.rubricStep) })
        }
    }

    public func attempt(id: UUID) async throws -> Attempt {
        guard let attempt = try await attempts(where: "id = \(bind: id)").first else {
            throw StoreError.notFound("Attempt")
        }
        return attempt
    }

    /// A person's attempts at a check, first first.
    public func attempts(checkID: UUID, personID: UUID) async throws -> [Attempt] {
        try await attempts(where: "check_id = \(bind: checkID) AND person_id = \(bind: personID)")
    }

    /// Every attempt at any check by these people, first first.
    public func attempts(personIDs: [UUID]) async throws -> [Attempt] {
        guard !personIDs.isEmpty else { return [] }
        var found: [Attempt] = []
        for chunk in personIDs.chunked(into: 400) {
            found += try await attempts(where: "person_id IN (\(binds: Array(chunk)))")
        }
        return found
    }

    /// Submitted attempts waiting for an assessor to score a scenario, at checks of these people.
    public func awaitingAssessor() async throws -> [Attempt] {
        try await attempts(
            where: """
                submitted_at IS NOT NULL AND score IS NULL AND id IN (SELECT attempt_id FROM attempt_questions WHERE score IS NULL)
                """)
    }

    /// Starts attempt `number` of a person at a check with `paper`. Returns false, writing
    /// nothing, when that attempt was started meanwhile (two tabs pressing Start at once).
    public func start(
        id: UUID, checkID: UUID, personID: UUID, number: Int, paper: AttemptPaper, assessorUserID: UUID? = nil,
        at: Date
    ) async throws -> Bool {
        try await database.writeTransaction { database in
            let sql = database.sql
            let taken =
                try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM check_attempts WHERE check_id = \(bind: checkID)
                    AND person_id = \(bind: personID)
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            guard taken == number - 1 else { return false }
            try await sql.raw(
                """
                INSERT INTO check_attempts (id, check_id, person_id, number, started_at, assessor_user_id, notes)
                VALUES (\(bind: id), \(bind: checkID), \(bind: personID), \(bind: number),
                    \(bind: at.timeIntervalSince1970), \(bind: assessorUserID), '')
                """
            ).run()
            try await sql.insertRows(
                into: "attempt_questions",
                columns: ["attempt_id", "position", "question_id", "question_version", "option_order"],
                rows: paper.items.enumerated().map { position, item in
                    [
                        SQLBind(id), SQLBind(position), SQLBind(item.questionID), SQLBind(item.version),
                        SQLBind(item.optionOrder.joined(separator: Self.optionSeparator)),
                    ]
                })
            return true
        }
    }

    /// The answers saved so far, as form fields.
    public func fields(attemptID: UUID) async throws -> [String: String] {
        struct Field: Decodable {
            var name: String
            var value: String
        }
        return Dictionary(
            try await database.sql.raw(
                "SELECT name, value FROM attempt_fields WHERE attempt_id = \(bind: attemptID)"
            ).all(decoding: Field.self).map { ($0.name, $0.value) }
        ) { _, last in last }
    }

    /// Keeps answers as fields, replacing earlier values of the same fields. Returns false,
    /// writing nothing, when the attempt was submitted meanwhile.
    public func save(fields: [String: String], attemptID: UUID) async throws -> Bool {
        try await database.writeTransaction { database in
            let sql = database.sql
            guard
                try await sql.raw(
                    "SELECT id FROM check_attempts WHERE id = \(bind: attemptID) AND submitted_at IS NULL"
                ).first() != nil
            else { return false }
            if !fields.isEmpty {
                try await sql.raw(
                    """
                    DELETE FROM attempt_fields WHERE attempt_id = \(bind: attemptID)
                    AND name IN (\(binds: Array(fields.keys)))
                    """
                ).run()
            }
            try await sql.insertRows(
                into: "attempt_fields", columns: ["attempt_id", "name", "value"],
                rows: fields.sorted { $0.key < $1.key }.map {
                    [SQLBind(attemptID), SQLBind($0.key), SQLBind($0.value)]
                })
            return true
        }
    }

    /// What submitting settles: each question's mark, and the attempt's score and pass when
    /// nothing waits for an assessor.
    public struct Settlement: Sendable {
        public var marks: [Mark]
        public var score: Double?
        public var passed: Bool?
        /// When it passed: the offering to record as completed on the person's learning record
        /// (which completes its roadmap item), in the name of `source`.
        public var completes: UUID?
        public var source: String
        public var notes: String?

        public init(
            marks: [Mark], score: Double?, passed: Bool?, completes: UUID?, source: String, notes: String? = nil
        ) {
            self.marks = marks
            self.score = score
            self.passed = passed
            self.completes = completes
            self.source = source
            self.notes = notes
        }

        /// What the answers to `paper` settle, scored on the server (`AttemptScoring`), with the
        /// scenario scores an assessor gave.
        public static func scoring(
            _ paper: AttemptPaper, questions: [UUID: BankQuestion], answers: [UUID: GivenAnswer],
            assessed: [UUID: Double], passMark: Double, completes: UUID?, source: String
        ) -> Settlement {
            let outcome = AttemptScoring.outcome(
                paper: paper, questions: questions, answers: answers, assessed: assessed, passMark: passMark)
            let marks = paper.items.enumerated().map { position, item in
                let chosen: [String] =
                    switch answers[item.questionID] {
                    case .choices(let keys), .order(let keys): keys
                    default: []
                    }
                return Mark(chosen: chosen, score: outcome.questionScores[position])
            }
            return Settlement(
                marks: marks, score: outcome.score, passed: outcome.passed, completes: completes, source: source)
        }
    }

    /// Submits an attempt in one transaction with what it settles. Returns false, writing
    /// nothing, when it was submitted already: a submitted attempt is final.
    public func submit(attemptID: UUID, settlement: Settlement, on day: CalendarDate, at: Date) async throws -> Bool {
        try await database.writeTransaction { database in
            let sql = database.sql
            guard
                let row = try await sql.raw(
                    """
                    UPDATE check_attempts SET submitted_at = \(bind: at.timeIntervalSince1970)
                    WHERE id = \(bind: attemptID) AND submitted_at IS NULL RETURNING person_id
                    """
                ).first()
            else { return false }
            let personID = try row.decode(column: "person_id", as: UUID.self)
            try await Self.settle(attemptID, personID: personID, settlement, on: day, at: at, sql: sql)
            return true
        }
    }

    /// Records an assessor's scores on a submitted attempt and what they settle.
    public func assess(attemptID: UUID, assessorUserID: UUID, settlement: Settlement, on day: CalendarDate, at: Date)
        async throws
    {
        try await database.writeTransaction { database in
            let sql = database.sql
            guard
                let row = try await sql.raw(
                    """
                    UPDATE check_attempts SET assessor_user_id = \(bind: assessorUserID)
                    WHERE id = \(bind: attemptID) AND submitted_at IS NOT NULL RETURNING person_id
                    """
                ).first()
            else { throw StoreError.conflict("The attempt is not submitted") }
            try await Self.settle(
                attemptID, personID: try row.decode(column: "person_id", as: UUID.self), settlement, on: day, at: at,
                sql: sql)
        }
    }

    private static func settle(
        _ attemptID: UUID, personID: UUID, _ settlement: Settlement, on day: CalendarDate, at: Date,
        sql: any SQLDatabase
    ) async throws {
        for (position, mark) in settlement.marks.enumerated() {
            try await sql.raw(
                """
                UPDATE attempt_questions SET chosen = \(bind: mark.chosen.isEmpty ? nil : mark.chosen.joined(separator: optionSeparator)),
                    score = \(bind: mark.score), rubric_step = \(bind: mark.rubricStep)
                WHERE attempt_id = \(bind: attemptID) AND position = \(bind: position)
                """
            ).run()
        }
        // The marks folded as `scoredAnswers` reads them: position, question, version, chosen
        // keys and score, fields split by the unit separator, questions by the record separator.
        let asked = try await sql.raw(
            """
            SELECT position, question_id, question_version FROM attempt_questions
            WHERE attempt_id = \(bind: attemptID) ORDER BY position
            """
        ).all()
        var folded: [String] = []
        for row in asked {
            let position = try row.decode(column: "position", as: Int.self)
            let mark = settlement.marks[safe: position]
            folded.append(
                [
                    "\(position)", try row.decode(column: "question_id", as: UUID.self).lowercasedString,
                    "\(try row.decode(column: "question_version", as: Int.self))",
                    (mark?.chosen ?? []).joined(separator: optionSeparator), mark?.score.map { "\($0)" } ?? "",
                ].joined(separator: "\u{1F}"))
        }
        try await sql.raw(
            """
            UPDATE check_attempts SET score = \(bind: settlement.score), passed = \(bind: settlement.passed),
                marks = \(bind: folded.joined(separator: "\u{1E}"))
            WHERE id = \(bind: attemptID)
            """
        ).run()
        if let notes = settlement.notes {
            try await sql.raw("UPDATE check_attempts SET notes = \(bind: notes) WHERE id = \(bind: attemptID)").run()
        }
        if settlement.passed == true, let offeringID = settlement.completes {
            _ = try await CompletionRepository.record(
                .init(personID: personID, offeringID: offeringID, completedOn: day), source: settlement.source, at: at,
                sql: sql)
        }
    }

    /// Keeps a refused submission: who sent what to which attempt, and why it was refused.
    public func recordRefusal(
        checkID: UUID?, attemptID: UUID?, userID: UUID?, reason: String, detail: String, at: Date
    ) async throws {
        try await database.sql.raw(
            """
            INSERT INTO attempt_refusals (id, check_id, attempt_id, user_id, reason, detail, refused_at)
            VALUES (\(bind: UUID()), \(bind: checkID), \(bind: attemptID), \(bind: userID), \(bind: reason),
                \(bind: String(detail.prefix(500))), \(bind: at.formatted(.iso8601)))
            """
        ).run()
    }

    /// Refused submissions at a check, by reason.
    public func refusalCounts(checkID: UUID) async throws -> [String: Int] {
        struct Count: Decodable {
            var reason: String
            var n: Int
        }
        return Dictionary(
            uniqueKeysWithValues: try await database.sql.raw(
                "SELECT reason, COUNT(*) AS n FROM attempt_refusals WHERE check_id = \(bind: checkID) GROUP BY reason"
            ).all(decoding: Count.self).map { ($0.reason, $0.n) })
    }

    /// One scored answer of a submitted attempt, as the attempts export and the item analysis read it.
    public struct ScoredAnswer: Hashable, Sendable {
        public var attemptId: UUID
        public var personId: UUID
        public var questionId: UUID
        public var questionVersion: Int
        public var chosen: String?
        public var score: Double?

        public var chosenKeys: [String] { KnowledgeCheckRepository.keys(chosen) }
    }

    /// A submitted attempt with its questions' marks folded into one text: fields split by the
    /// ASCII unit separator, questions by the record separator, which no key or number holds.
    public struct FoldedAttempt: Sendable {
        public var attemptID: UUID
        public var personID: UUID
        public var marks: String
    }

    /// One question's mark as folded: the text of its id, so that a reader parses each id once.
    public struct FoldedMark {
        public var position: Int
        public var questionID: Substring
        public var version: Int
        /// Option keys joined by `optionSeparator`; empty when none.
        public var chosen: Substring
        /// Nil while an assessor has to score it.
        public var score: Double?
    }

    /// The submitted attempts at a check, in the order submitted, each with its marks folded:
    /// a check of 10,000 attempts of 60 questions is 10,000 rows to read rather than 600,000,
    /// which decoding row by row made take seconds.
    public func foldedAttempts(checkID: UUID) async throws -> [FoldedAttempt] {
        struct Row: Decodable {
            var attemptId: UUID
            var personId: UUID
            /// Nil for an attempt that asked nothing.
            var marks: String?

            enum CodingKeys: String, CodingKey {
                case marks
                case attemptId = "attempt_id"
                case personId = "person_id"
            }
        }
        let sql = database.sql
        // Kept folded at submission (`settle`); attempts submitted before that was kept are
        // folded here by a subquery that reads their questions along their key.
        let folded: SQLQueryString =
            sql.dialect.name == "sqlite"
            ? """
            SELECT group_concat(q.position || char(31) || q.question_id || char(31) || q.question_version || char(31)
                || coalesce(q.chosen, '') || char(31) || coalesce(q.score, ''), char(30))
            FROM attempt_questions q WHERE q.attempt_id = a.id
            """
            : """
            SELECT string_agg(q.position::text || chr(31) || q.question_id::text || chr(31)
                || q.question_version::text || chr(31) || coalesce(q.chosen, '') || chr(31)
                || coalesce(q.score::text, ''), chr(30) ORDER BY q.position)
            FROM attempt_questions q WHERE q.attempt_id = a.id
            """
        return try await sql.raw(
            """
            SELECT a.id AS attempt_id, a.person_id, coalesce(a.marks, (\(folded))) AS marks
            FROM check_attempts a
            WHERE a.check_id = \(bind: checkID) AND a.submitted_at IS NOT NULL
            ORDER BY a.submitted_at, a.id
            """
        ).all(decoding: Row.self).map {
            FoldedAttempt(attemptID: $0.attemptId, personID: $0.personId, marks: $0.marks ?? "")
        }
    }

    /// The marks of a folded text, by position; scanned by bytes, as splitting text by
    /// characters cost more than the rest of an analysis together.
    public static func marks(in folded: String) -> [FoldedMark] {
        let text = Substring(folded)
        var marks: [FoldedMark] = []
        var cursor = text.startIndex
        while cursor < text.endIndex {
            let end = text[cursor...].utf8.firstIndex(of: 0x1E) ?? text.endIndex
            var fields: [Substring] = []
            fields.reserveCapacity(5)
            var start = cursor
            while let separator = text[start..<end].utf8.firstIndex(of: 0x1F) {
                fields.append(text[start..<separator])
                start = text.utf8.index(after: separator)
            }
            fields.append(text[start..<end])
            cursor = end < text.endIndex ? text.utf8.index(after: end) : end
            guard fields.count == 5, let position = Int(fields[0]), let version = Int(fields[2]) else { continue }
            marks.append(
                FoldedMark(
                    position: position, questionID: fields[1], version: version, chosen: fields[3],
                    score: Double(fields[4])))
        }
        return marks.sorted { $0.position < $1.position }
    }

    /// Every question of every submitted attempt at a check, by attempt (in the order submitted)
    /// and position on the paper: what the attempts export lists.
    public func scoredAnswers(checkID: UUID) async throws -> [ScoredAnswer] {
        var answers: [ScoredAnswer] = []
        // Attempts at a check mostly ask the same questions in the same places: an id the place
        // held before is not parsed again (Foundation's UUID parser is slow).
        var lastIDs: [(text: Substring, id: UUID)] = []
        for attempt in try await foldedAttempts(checkID: checkID) {
            for mark in Self.marks(in: attempt.marks) {
                let question: UUID
                if mark.position < lastIDs.count, lastIDs[mark.position].text == mark.questionID {
                    question = lastIDs[mark.position].id
                } else {
                    guard let parsed = UUID(uuidString: String(mark.questionID)) else { continue }
                    question = parsed
                    while lastIDs.count <= mark.position { lastIDs.append(("", parsed)) }
                    lastIDs[mark.position] = (mark.questionID, parsed)
                }
                answers.append(
                    ScoredAnswer(
                        attemptId: attempt.attemptID, personId: attempt.personID, questionId: question,
                        questionVersion: mark.version, chosen: mark.chosen.isEmpty ? nil : String(mark.chosen),
                        score: mark.score))
            }
        }
        return answers
    }
}
