import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// Taking a knowledge check: starting (or resuming) an attempt, saving answers as they are
/// given, submitting, and an assessor scoring what waits for them. The page and the API both
/// come here, so the rules hold whichever is used: answers are scored on the server, a
/// submitted attempt is final, and whatever breaks a rule is refused and recorded.
struct KnowledgeCheckUseCases {
    let database: any Database
    var now: @Sendable () -> Date = { Date() }

    private var checks: KnowledgeCheckRepository { KnowledgeCheckRepository(database: database) }

    /// An attempt with the questions its paper asked, in the versions asked.
    struct LoadedAttempt {
        var attempt: KnowledgeCheckRepository.Attempt
        var check: KnowledgeCheckRepository.StoredCheck
        var questions: [UUID: BankQuestion]

        /// The paper's questions in order.
        var asked: [BankQuestion] { attempt.paper.items.compactMap { questions[$0.questionID] } }
        var deadline: Date? { AttemptScoring.deadline(check: check.check, startedAt: attempt.startedAt) }
    }

    func load(_ attempt: KnowledgeCheckRepository.Attempt) async throws -> LoadedAttempt {
        let check = try await checks.check(id: attempt.checkID)
        let versions = try await QuestionBankRepository(database: database).versions(
            Set(attempt.paper.items.map { QuestionVersion(id: $0.questionID, version: $0.version) }))
        return LoadedAttempt(
            attempt: attempt, check: check,
            questions: Dictionary(versions.values.map { ($0.id, $0) }) { first, _ in first })
    }

    /// The attempt the person is on, or a new one: an open attempt is resumed while its time
    /// lasts, and submitted as it stands once it has run out.
    func start(checkID: UUID, personID: UUID, userID: UUID) async throws -> KnowledgeCheckRepository.Attempt {
        let stored = try await checks.check(id: checkID)
        guard !stored.isVerbal else {
            throw AppError(
                .conflict, code: "verbal_check", message: "A verbal assessment is run by an assessor, not taken.")
        }
        for _ in 0..<3 {
            let attempts = try await checks.attempts(checkID: checkID, personID: personID)
            if let open = attempts.last(where: { !$0.isSubmitted }) {
                if try await closeIfExpired(try await load(open)) == nil { return open }
                continue
            }
            if let refusal = AttemptScoring.refusalToStart(stored.check, taken: attempts.count) {
                try await record(refusal, checkID: checkID, attemptID: nil, userID: userID, detail: "start")
                throw Self.error(refusal)
            }
            let bank = try await QuestionBankRepository(database: database).latest()
            guard
                let paper = AttemptPaper.draw(
                    for: stored.check, bank: bank, seed: UInt64.random(in: UInt64.min...UInt64.max))
            else {
                throw AppError(
                    .conflict, code: "check_not_ready",
                    message:
                        "This check cannot be taken: its questions are not all in the bank. Tell the programme team.")
            }
            let id = UUID()
            if try await checks.start(
                id: id, checkID: checkID, personID: personID, number: attempts.count + 1, paper: paper, at: now())
            {
                return try await checks.attempt(id: id)
            }
        }
        throw AppError(.conflict, code: "conflict", message: "The attempt was started elsewhere; reload the page.")
    }

    /// Submits an attempt whose time ran out as it stands; returns it submitted, or nil while
    /// time is left or when it was submitted already.
    func closeIfExpired(_ loaded: LoadedAttempt) async throws -> LoadedAttempt? {
        guard !loaded.attempt.isSubmitted,
            AttemptScoring.refusal(
                check: loaded.check.check, startedAt: loaded.attempt.startedAt, submitted: false, at: now())
                == .afterTimeLimit
        else { return nil }
        _ = try await submit(loaded)
        var closed = loaded
        closed.attempt = try await checks.attempt(id: loaded.attempt.id)
        return closed
    }

    /// Saves answers given as form fields; refuses (and records) fields off the paper, answers
    /// after the time limit and answers to a submitted attempt.
    func save(fields: [String: String], to loaded: LoadedAttempt, userID: UUID) async throws {
        let attempt = loaded.attempt
        if let long = fields.first(where: { $0.value.count > TextLimits.description }) {
            throw AppError(
                .unprocessableEntity, code: "too_long",
                message: "An answer is at most \(TextLimits.description) characters; this one has \(long.value.count).",
                field: long.key)
        }
        if let refusal = AttemptScoring.refusal(
            ofFields: fields.keys, paper: attempt.paper, check: loaded.check.check, startedAt: attempt.startedAt,
            submitted: attempt.isSubmitted, at: now())
        {
            try await record(
                refusal, checkID: attempt.checkID, attemptID: attempt.id, userID: userID,
                detail: fields.keys.sorted().joined(separator: " "))
            throw Self.error(refusal)
        }
        guard try await checks.save(fields: fields, attemptID: attempt.id) else {
            try await record(
                .alreadySubmitted, checkID: attempt.checkID, attemptID: attempt.id, userID: userID, detail: "save")
            throw Self.error(.alreadySubmitted)
        }
    }

    /// Submits the attempt: scores what was saved and, when it passes, completes the check's
    /// offering on the person's record. Returns false when it had been submitted already.
    @discardableResult
    func submit(_ loaded: LoadedAttempt) async throws -> Bool {
        let fields = try await checks.fields(attemptID: loaded.attempt.id)
        let answers = AttemptForm.answers(from: fields, paper: loaded.attempt.paper, questions: loaded.questions)
        return try await checks.submit(
            attemptID: loaded.attempt.id, settlement: settlement(loaded, answers: answers, assessed: [:]),
            on: CalendarDate(now()), at: now())
    }

    /// Refuses a second submission, recording it.
    func submit(_ loaded: LoadedAttempt, userID: UUID) async throws {
        let submitted = loaded.attempt.isSubmitted ? false : try await submit(loaded)
        if !submitted {
            try await record(
                .alreadySubmitted, checkID: loaded.attempt.checkID, attemptID: loaded.attempt.id, userID: userID,
                detail: "submit")
            throw Self.error(.alreadySubmitted)
        }
    }

    /// An assessor's rubric steps for the scenarios of a submitted attempt, by question.
    func assess(_ loaded: LoadedAttempt, steps: [UUID: Int], assessorUserID: UUID) async throws {
        var assessed: [UUID: Double] = [:]
        for (position, item) in loaded.attempt.paper.items.enumerated() {
            if let step = steps[item.questionID], let question = loaded.questions[item.questionID],
                let score = QuestionScoring.rubricScore(step: step, of: question)
            {
                assessed[item.questionID] = score
            } else if let kept = loaded.attempt.marks[safe: position]?.score,
                loaded.questions[item.questionID]?.kind == .scenario
            {
                assessed[item.questionID] = kept
            }
        }
        let fields = try await checks.fields(attemptID: loaded.attempt.id)
        let answers = AttemptForm.answers(from: fields, paper: loaded.attempt.paper, questions: loaded.questions)
        var settled = settlement(loaded, answers: answers, assessed: assessed)
        for (position, item) in loaded.attempt.paper.items.enumerated() {
            settled.marks[position].rubricStep =
                steps[item.questionID] ?? loaded.attempt.marks[safe: position]?.rubricStep
        }
        try await checks.assess(
            attemptID: loaded.attempt.id, assessorUserID: assessorUserID, settlement: settled,
            on: CalendarDate(now()), at: now())
    }

    func settlement(_ loaded: LoadedAttempt, answers: [UUID: GivenAnswer], assessed: [UUID: Double])
        -> KnowledgeCheckRepository.Settlement
    {
        .scoring(
            loaded.attempt.paper, questions: loaded.questions, answers: answers, assessed: assessed,
            passMark: loaded.check.check.passMark, completes: loaded.check.offeringID,
            source: KnowledgeCheckRepository.completionSource)
    }

    private func record(_ refusal: AttemptRefusal, checkID: UUID?, attemptID: UUID?, userID: UUID, detail: String)
        async throws
    {
        try await checks.recordRefusal(
            checkID: checkID, attemptID: attemptID, userID: userID, reason: refusal.reason, detail: detail, at: now())
    }

    static func error(_ refusal: AttemptRefusal) -> AppError {
        switch refusal {
        case .questionNotOnPaper, .fieldNotOnPaper:
            AppError(
                .unprocessableEntity, code: "not_on_paper",
                message:
                    "That answer is to a question this attempt does not ask. It was not saved, and the refusal was recorded."
            )
        case .alreadySubmitted:
            AppError(
                .conflict, code: "already_submitted",
                message: "This attempt was submitted already; a submitted attempt is final.")
        case .afterTimeLimit:
            AppError(
                .conflict, code: "after_time_limit",
                message: "The time allowed for this attempt is over; answers given after it are not kept.")
        case .noAttemptsLeft:
            AppError(
                .conflict, code: "no_attempts_left", message: "Every attempt this check allows has been used.")
        }
    }
}

extension KnowledgeCheckUseCases {
    /// Records a verbal assessment in one transaction: an attempt asking the script, submitted
    /// with the assessor's rubric steps and notes, and the observations the ticks make. Returns
    /// whether it passed.
    func recordVerbal(
        _ stored: KnowledgeCheckRepository.StoredCheck, script: [BankQuestion], personID: UUID, steps: [UUID: Int],
        answers: [UUID: String], notes: String, observations: [CoachingObservation], assessorUserID: UUID,
        heldOn: CalendarDate
    ) async throws -> Bool? {
        let paper = AttemptPaper(items: script.map { .init(questionID: $0.id, version: $0.version, optionOrder: []) })
        let questions = Dictionary(script.map { ($0.id, $0) }) { first, _ in first }
        let at = now()
        return try await database.writeTransaction { database in
            let checks = KnowledgeCheckRepository(database: database)
            let taken = try await checks.attempts(checkID: stored.check.id, personID: personID).count
            if let refusal = AttemptScoring.refusalToStart(stored.check, taken: taken) { throw Self.error(refusal) }
            let id = UUID()
            guard
                try await checks.start(
                    id: id, checkID: stored.check.id, personID: personID, number: taken + 1, paper: paper,
                    assessorUserID: assessorUserID, at: at)
            else { throw AppError(.conflict, code: "conflict", message: "Another assessment was recorded meanwhile.") }
            _ = try await checks.save(
                fields: Dictionary(answers.map { (AttemptForm.fieldName($0.key), $0.value) }) { first, _ in first },
                attemptID: id)
            let attempt = try await checks.attempt(id: id)
            let loaded = LoadedAttempt(attempt: attempt, check: stored, questions: questions)
            var assessed: [UUID: Double] = [:]
            for (questionID, step) in steps {
                if let question = questions[questionID] {
                    assessed[questionID] = QuestionScoring.rubricScore(step: step, of: question)
                }
            }
            var settlement = KnowledgeCheckUseCases(database: database, now: now).settlement(
                loaded, answers: [:], assessed: assessed)
            settlement.notes = notes
            for (position, item) in paper.items.enumerated() {
                settlement.marks[position].rubricStep = steps[item.questionID]
            }
            _ = try await checks.submit(attemptID: id, settlement: settlement, on: heldOn, at: at)
            let observationRepository = ObservationRepository(database: database)
            for observation in observations {
                try await observationRepository.record(
                    observation, byUserID: assessorUserID, on: heldOn, at: at, settlesReobservation: false)
            }
            return settlement.passed
        }
    }
}
