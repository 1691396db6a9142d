import AcumenCore
import AcumenStore
import Foundation
import Vapor

/// Knowledge checks through the JSON API: the checks, taking an attempt (start or resume, save
/// answers, submit), and for programme staff the attempts as CSV and the item analysis. The
/// rules are those of the pages (`KnowledgeCheckUseCases`): an attempt's questions come without
/// their answers until it is submitted, and tampering is refused and recorded.
struct KnowledgeChecksAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let people = api.access(.permitted(KnowledgeCheckPolicy.self, .takeCheck))
        people.get("checks", use: list)
        people.get("checks", ":checkID", use: show)
        people.post("checks", ":checkID", "attempts", use: start)
        people.get("attempts", ":attemptID", use: attempt)
        people.put("attempts", ":attemptID", "answers", use: answer)
        people.post("attempts", ":attemptID", "submit", use: submit)
        let staff = api.access(.permitted(KnowledgeCheckPolicy.self, .manageBank))
        staff.get("checks", ":checkID", "attempts.csv", use: attemptsCSV)
        staff.get("checks", ":checkID", "analysis", use: analysis)
        staff.post("checks", use: create)
    }

    struct NewCheckDTO: Content {
        struct Draw: Content {
            var competency: String
            /// From 1 (Baseline).
            var level: Int
            var count: Int
        }

        var title: String
        /// `written` (the default) or `verbal`.
        var kind: String?
        var offeringId: UUID?
        var questionIds: [UUID]?
        var draws: [Draw]?
        var timeLimitMinutes: Int?
        var passMark: Double
        var allowedAttempts: Int?
        var shufflesOptions: Bool?
    }

    /// Assembles a check from the bank; every problem is listed, and nothing is saved while there is one.
    @Sendable func create(request: Request) async throws -> Response {
        let body = try request.content.decode(NewCheckDTO.self)
        var problems: [ValidationProblem] = []
        if let kind = body.kind, !["written", "verbal"].contains(kind) {
            problems.append(ValidationProblem(location: "kind", message: "kind is written or verbal"))
        }
        let draft = CheckDraft(
            title: body.title, isVerbal: body.kind == "verbal", offeringID: body.offeringId,
            questionIDs: body.questionIds ?? [],
            draws: (body.draws ?? []).map {
                .init(competencyCode: $0.competency, level: $0.level - 1, count: $0.count)
            },
            timeLimitMinutes: body.timeLimitMinutes, passMark: body.passMark, allowedAttempts: body.allowedAttempts,
            shufflesOptions: body.shufflesOptions ?? true)
        let stored = try await draft.save(database: request.db, problems: problems)
        return try await CheckDTO(stored).encodeResponse(status: .created, for: request)
    }

    struct CheckDTO: Content {
        var id: UUID
        var title: String
        /// `written` or `verbal`.
        var kind: String
        var offeringId: UUID?
        var questionCount: Int
        var timeLimitMinutes: Int?
        var passMark: Double
        var allowedAttempts: Int?
        var shufflesOptions: Bool

        init(_ stored: KnowledgeCheckRepository.StoredCheck) {
            let check = stored.check
            id = check.id
            title = check.title
            kind = stored.isVerbal ? "verbal" : "written"
            offeringId = stored.offeringID
            questionCount = check.questionCount
            timeLimitMinutes = check.timeLimitMinutes
            passMark = check.passMark
            allowedAttempts = check.allowedAttempts
            shufflesOptions = check.shufflesOptions
        }
    }

    @Sendable func list(request: Request) async throws -> [CheckDTO] {
        try await KnowledgeCheckRepository(database: request.db).checks().map(CheckDTO.init)
    }

    @Sendable func show(request: Request) async throws -> CheckDTO {
        CheckDTO(try await KnowledgeChecksController.check(request))
    }

    /// An answer as the API takes and gives it: the field its kind of question uses.
    struct AnswerDTO: Content {
        var questionId: UUID
        /// Single choice, true/false (one key) and multiple choice: option keys.
        var choices: [String]?
        var number: Double?
        /// Ordering: every option key, first first.
        var order: [String]?
        /// Scenario: the answer in words.
        var text: String?

        /// The answer, when exactly one of its forms is given.
        var given: GivenAnswer? {
            let forms = [choices != nil, number != nil, order != nil, text != nil].filter { $0 }.count
            guard forms == 1 else { return nil }
            if let choices { return .choices(choices) }
            if let number { return .number(number) }
            if let order { return .order(order) }
            if let text { return .text(text) }
            return nil
        }

        init(questionID: UUID, answer: GivenAnswer) {
            questionId = questionID
            switch answer {
            case .choices(let keys): choices = keys
            case .number(let value): number = value
            case .order(let keys): order = keys
            case .text(let words): text = words
            }
        }
    }

    struct AttemptDTO: Content {
        struct Question: Content {
            struct Option: Content {
                var key: String
                var text: String
            }

            var questionId: UUID
            var version: Int
            var kind: String
            var prompt: String
            /// In the order shown; whether one is right is told only once the attempt is submitted.
            var options: [Option]
        }

        /// A question's outcome, once the attempt is submitted.
        struct Result: Content {
            var questionId: UUID
            /// From 0 to 1; null while an assessor has to score it.
            var score: Double?
            var correctOptions: [String]?
            var numericAnswer: Double?
            var tolerance: Double?
            var explanation: String
        }

        var id: UUID
        var checkId: UUID
        var personId: UUID
        var number: Int
        var startedAt: Date
        var deadline: Date?
        var submittedAt: Date?
        /// `inProgress` or `submitted`.
        var status: String
        var score: Double?
        var passed: Bool?
        var questions: [Question]
        var answers: [AnswerDTO]
        var results: [Result]?

        init(_ loaded: KnowledgeCheckUseCases.LoadedAttempt, fields: [String: String]) {
            let attempt = loaded.attempt
            id = attempt.id
            checkId = attempt.checkID
            personId = attempt.personID
            number = attempt.number
            startedAt = attempt.startedAt
            deadline = loaded.deadline
            submittedAt = attempt.submittedAt
            status = attempt.isSubmitted ? "submitted" : "inProgress"
            score = attempt.score
            passed = attempt.passed
            questions = attempt.paper.items.compactMap { item -> Question? in
                guard let question = loaded.questions[item.questionID] else { return nil }
                let byKey = Dictionary(question.options.map { ($0.key, $0.text) }) { first, _ in first }
                return Question(
                    questionId: item.questionID, version: item.version, kind: question.kind.rawValue,
                    prompt: question.prompt,
                    options: item.optionOrder.compactMap { key in byKey[key].map { Question.Option(key: key, text: $0) }
                    })
            }
            let given = AttemptForm.answers(from: fields, paper: attempt.paper, questions: loaded.questions)
            answers = attempt.paper.items.compactMap { item in
                given[item.questionID].map { AnswerDTO(questionID: item.questionID, answer: $0) }
            }
            guard attempt.isSubmitted else { return }
            results = attempt.paper.items.enumerated().compactMap { position, item -> Result? in
                guard let question = loaded.questions[item.questionID] else { return nil }
                let choice = question.kind.isChoice
                return Result(
                    questionId: item.questionID, score: attempt.marks[safe: position]?.score,
                    correctOptions: choice
                        ? question.options.filter(\.isCorrect).map(\.key)
                        : question.kind == .ordering ? question.options.map(\.key) : nil,
                    numericAnswer: question.numericAnswer,
                    tolerance: question.kind == .numeric ? question.tolerance : nil,
                    explanation: question.explanation)
            }
        }
    }

    private func respond(_ request: Request, attemptID: UUID, status: HTTPResponseStatus = .ok) async throws -> Response
    {
        let repository = KnowledgeCheckRepository(database: request.db)
        let loaded = try await KnowledgeCheckUseCases(database: request.db).load(
            try await repository.attempt(id: attemptID))
        return try await AttemptDTO(loaded, fields: try await repository.fields(attemptID: attemptID))
            .encodeResponse(status: status, for: request)
    }

    @Sendable func start(request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let personID = user.personID else {
            throw AppError(.forbidden, code: "forbidden", message: "Only people of the organisation take checks.")
        }
        let stored = try await KnowledgeChecksController.check(request)
        let attempt = try await KnowledgeCheckUseCases(database: request.db).start(
            checkID: stored.check.id, personID: personID, userID: user.id)
        return try await respond(request, attemptID: attempt.id, status: .created)
    }

    @Sendable func attempt(request: Request) async throws -> Response {
        let (loaded, isOwn, mayAssess) = try await KnowledgeChecksController.attempt(request)
        guard isOwn || (mayAssess && loaded.attempt.isSubmitted) else { throw AppError.notFound("That attempt") }
        return try await respond(request, attemptID: loaded.attempt.id)
    }

    struct AnswersBody: Content {
        var answers: [AnswerDTO]
    }

    /// Saves answers; each replaces what was saved for its question.
    @Sendable func answer(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let (loaded, isOwn, _) = try await KnowledgeChecksController.attempt(request)
        guard isOwn else { throw AppError.notFound("That attempt") }
        let body = try request.content.decode(AnswersBody.self)
        var fields: [String: String] = [:]
        for answer in body.answers {
            guard let given = answer.given else {
                throw AppError(
                    .unprocessableEntity, code: "invalid",
                    message: "Each answer gives exactly one of choices, number, order or text.", field: "answers")
            }
            // An answer to a question off the paper is named as such, so that it is refused and recorded.
            guard let question = loaded.questions[answer.questionId],
                loaded.attempt.paper.items.contains(where: { $0.questionID == answer.questionId })
            else {
                fields[AttemptForm.fieldName(answer.questionId)] = ""
                continue
            }
            fields.merge(AttemptForm.fields(for: given, question: question)) { _, new in new }
        }
        try await KnowledgeCheckUseCases(database: request.db).save(fields: fields, to: loaded, userID: user.id)
        return try await respond(request, attemptID: loaded.attempt.id)
    }

    @Sendable func submit(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let (loaded, isOwn, _) = try await KnowledgeChecksController.attempt(request)
        guard isOwn else { throw AppError.notFound("That attempt") }
        try await KnowledgeCheckUseCases(database: request.db).submit(loaded, userID: user.id)
        return try await respond(request, attemptID: loaded.attempt.id)
    }

    /// One row per question of every attempt that is submitted and fully scored.
    @Sendable func attemptsCSV(request: Request) async throws -> Response {
        let stored = try await KnowledgeChecksController.check(request)
        let answers = try await KnowledgeCheckRepository(database: request.db).scoredAnswers(checkID: stored.check.id)
        let unscored = Set(answers.filter { $0.score == nil }.map(\.attemptId))
        let kinds = try await QuestionBankRepository(database: request.db).versions(
            Set(answers.map { QuestionVersion(id: $0.questionId, version: $0.questionVersion) }))
        // Ids are written once each: a large check has 600,000 rows but a few thousand ids.
        var written: [UUID: String] = [:]
        func text(_ id: UUID) -> String {
            if let known = written[id] { return known }
            written[id] = id.lowercasedString
            return written[id]!
        }
        let rows = answers.filter { !unscored.contains($0.attemptId) }.map { answer in
            let kind = kinds[QuestionVersion(id: answer.questionId, version: answer.questionVersion)]?.kind
            let choice = kind?.isChoice ?? false
            return [
                text(answer.attemptId), text(answer.personId), text(answer.questionId), "\(answer.questionVersion)",
                choice ? (answer.chosen ?? "") : "", answer.score.map { "\($0)" } ?? "",
            ]
        }
        return .csvDownload(
            CSVText.make(
                header: ["attempt_id", "person_id", "question_id", "question_version", "option", "score"], rows: rows),
            filename: "check-\(stored.check.id.lowercasedString)-attempts.csv")
    }

    struct AnalysisDTO: Content {
        struct Option: Content {
            var option: String
            var isCorrect: Bool
            var chosen: Int
            var share: Double
            var strongShare: Double?
            var weakShare: Double?
        }

        struct Item: Content {
            var questionId: UUID
            var questionVersion: Int
            var attempts: Int
            var difficulty: Double
            var discrimination: Double?
            var flags: [String]
            var options: [Option]
        }

        var checkId: UUID
        var attempts: Int
        var completeAttempts: Int
        var reliabilityKind: String
        var kr20: Double?
        var cronbachAlpha: Double?
        var sem: Double?
        var items: [Item]

        enum CodingKeys: String, CodingKey {
            case checkId, attempts, completeAttempts, reliabilityKind, kr20, cronbachAlpha, sem, items
        }

        /// Reliability is sent under its own name only: `kr20` or `cronbachAlpha`.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(checkId, forKey: .checkId)
            try container.encode(attempts, forKey: .attempts)
            try container.encode(completeAttempts, forKey: .completeAttempts)
            try container.encode(reliabilityKind, forKey: .reliabilityKind)
            try container.encode(kr20, forKey: reliabilityKind == "kr20" ? .kr20 : .cronbachAlpha)
            try container.encode(sem, forKey: .sem)
            try container.encode(items, forKey: .items)
        }
    }

    @Sendable func analysis(request: Request) async throws -> AnalysisDTO {
        let stored = try await KnowledgeChecksController.check(request)
        let loaded = try await CheckAnalysis.load(checkID: stored.check.id, database: request.db)
        let analysis = loaded.analysis
        return AnalysisDTO(
            checkId: stored.check.id, attempts: analysis.attempts, completeAttempts: analysis.completeAttempts,
            reliabilityKind: analysis.reliabilityKind.rawValue, kr20: analysis.reliability, cronbachAlpha: nil,
            sem: analysis.standardErrorOfMeasurement,
            items: analysis.items.enumerated().map { position, item in
                AnalysisDTO.Item(
                    questionId: loaded.versions[position].id, questionVersion: loaded.versions[position].version,
                    attempts: item.attempts, difficulty: item.difficulty, discrimination: item.discrimination,
                    flags: item.flags.map(Self.flagName),
                    options: item.options.map {
                        .init(
                            option: $0.option, isCorrect: $0.isCorrect, chosen: $0.chosen, share: $0.share,
                            strongShare: $0.strongShare, weakShare: $0.weakShare)
                    })
            })
    }

    static func flagName(_ flag: ItemAnalysis.Flag) -> String {
        switch flag {
        case .tooEasy: "tooEasy"
        case .tooHard: "tooHard"
        case .weakDiscrimination: "weakDiscrimination"
        case .distractorFavoursStrong(let option): "distractorFavoursStrong:\(option)"
        }
    }
}
