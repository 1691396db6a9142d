import Foundation

/// Why a submission to an attempt is refused. Each is recorded: an honest page never sends one.
public enum AttemptRefusal: Error, Hashable, Sendable {
    /// An answer to a question the attempt's paper does not ask.
    case questionNotOnPaper(UUID)
    /// A field that answers nothing on the paper: a name no page makes, or an option the question does not have.
    case fieldNotOnPaper(String)
    /// The attempt was already submitted: a submitted attempt is final.
    case alreadySubmitted
    /// The time limit (with its grace) has passed.
    case afterTimeLimit
    /// Every allowed attempt has been used.
    case noAttemptsLeft

    /// The word the refusal is recorded under.
    public var reason: String {
        switch self {
        case .questionNotOnPaper: "questionNotOnPaper"
        case .fieldNotOnPaper: "fieldNotOnPaper"
        case .alreadySubmitted: "alreadySubmitted"
        case .afterTimeLimit: "afterTimeLimit"
        case .noAttemptsLeft: "noAttemptsLeft"
        }
    }
}

/// The rules an attempt is held to and how it is scored.
public enum AttemptScoring {
    /// Answers saved or submitted this long after the time limit still count: a page submitted in
    /// the last second should not be refused for the network's delay.
    public static let grace: TimeInterval = 30

    /// Why a person who has made `taken` attempts may not start another; nil when they may.
    public static func refusalToStart(_ check: KnowledgeCheck, taken: Int) -> AttemptRefusal? {
        if let allowed = check.allowedAttempts, taken >= allowed { return .noAttemptsLeft }
        return nil
    }

    /// Why answers sent at `moment` to an attempt started at `startedAt` may not be kept; nil
    /// when they may.
    public static func refusal(
        of answers: [UUID: GivenAnswer], paper: AttemptPaper, check: KnowledgeCheck, startedAt: Date,
        submitted: Bool, at moment: Date
    ) -> AttemptRefusal? {
        if let refusal = refusal(check: check, startedAt: startedAt, submitted: submitted, at: moment) {
            return refusal
        }
        let asked = Set(paper.items.map(\.questionID))
        return answers.keys.sorted { $0.uuidString < $1.uuidString }.first { !asked.contains($0) }
            .map(AttemptRefusal.questionNotOnPaper)
    }

    /// Why form fields sent at `moment` may not be saved to an attempt; nil when they may.
    public static func refusal(
        ofFields names: some Sequence<String>, paper: AttemptPaper, check: KnowledgeCheck, startedAt: Date,
        submitted: Bool, at moment: Date
    ) -> AttemptRefusal? {
        refusal(check: check, startedAt: startedAt, submitted: submitted, at: moment)
            ?? AttemptForm.refusal(ofFields: names, paper: paper)
    }

    /// Whether the attempt still takes answers at `moment`.
    public static func refusal(check: KnowledgeCheck, startedAt: Date, submitted: Bool, at moment: Date)
        -> AttemptRefusal?
    {
        if submitted { return .alreadySubmitted }
        if let deadline = deadline(check: check, startedAt: startedAt), moment > deadline.addingTimeInterval(grace) {
            return .afterTimeLimit
        }
        return nil
    }

    /// When the time allowed runs out, as the page shows it; nil without a limit.
    public static func deadline(check: KnowledgeCheck, startedAt: Date) -> Date? {
        check.timeLimitMinutes.map { startedAt.addingTimeInterval(Double($0) * 60) }
    }

    /// A scored attempt: its score as a share of the points, and whether it passed; nil while a
    /// scenario waits for its assessor.
    public struct Outcome: Hashable, Sendable {
        /// Per question on the paper, in order; nil while waiting for an assessor.
        public var questionScores: [Double?]
        public var score: Double?
        public var passed: Bool?
        public var awaitingAssessor: Int
    }

    /// - Parameters:
    ///   - questions: the versions the paper asked, by question id.
    ///   - assessed: scenario scores an assessor has given, by question id.
    public static func outcome(
        paper: AttemptPaper, questions: [UUID: BankQuestion], answers: [UUID: GivenAnswer],
        assessed: [UUID: Double] = [:], passMark: Double
    ) -> Outcome {
        Sheet(paper: paper, questions: questions).outcome(answers: answers, assessed: assessed, passMark: passMark)
    }

    /// A paper made ready for scoring: the question at each place reduced to its scoring key.
    /// Made once for a check whose attempts share a paper, it scores each of them without
    /// reading the questions again.
    public struct Sheet: Sendable {
        /// The question asked at each place of the paper.
        public let questionIDs: [UUID]
        /// Nil where the paper asks a version that was not supplied: such a place scores 0.
        let keys: [ScoringKey?]

        /// - Parameter questions: the versions the paper asked, by question id.
        public init(paper: AttemptPaper, questions: [UUID: BankQuestion]) {
            questionIDs = paper.items.map(\.questionID)
            keys = questionIDs.map { id in questions[id].map(ScoringKey.init) }
        }

        /// Each place's answer scored as the item analysis counts it; nil for a scenario.
        public func analysed(answers: [UUID: GivenAnswer]) -> [ItemAnalysis.Answer?] {
            zip(questionIDs, keys).map { id, key in
                guard let key else { return ItemAnalysis.Answer(score: 0, chosen: 0) }
                return key.analysed(answers[id])
            }
        }

        /// - Parameter assessed: scenario scores an assessor has given, by question id.
        public func outcome(answers: [UUID: GivenAnswer], assessed: [UUID: Double] = [:], passMark: Double)
            -> Outcome
        {
            let scores: [Double?] = zip(questionIDs, keys).map { id, key in
                guard let key else { return 0 }
                if key.kind == .scenario { return assessed[id].map { min(1, max(0, $0)) } }
                return key.score(answers[id])
            }
            let waiting = scores.filter { $0 == nil }.count
            guard waiting == 0, !scores.isEmpty else {
                return Outcome(questionScores: scores, score: nil, passed: nil, awaitingAssessor: waiting)
            }
            let score = scores.reduce(0) { $0 + ($1 ?? 0) } / Double(scores.count)
            return Outcome(
                questionScores: scores, score: score, passed: score >= passMark - 1e-12, awaitingAssessor: 0)
        }
    }
}
