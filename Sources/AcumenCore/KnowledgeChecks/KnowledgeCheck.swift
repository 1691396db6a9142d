import Foundation

/// A check assembled from the bank: which questions it asks (the same for everyone, or drawn
/// per attempt by competency and level), for how long, what passes, how often it may be taken,
/// and whether options are shuffled. A check is an offering in the catalogue; passing it
/// completes the roadmap item that names it.
public struct KnowledgeCheck: Hashable, Sendable {
    /// How many questions of a competency at a level one attempt draws.
    public struct Draw: Hashable, Sendable {
        public var competencyCode: String
        public var level: Int
        public var count: Int

        public init(competencyCode: String, level: Int, count: Int) {
            self.competencyCode = competencyCode
            self.level = level
            self.count = count
        }
    }

    public enum Selection: Hashable, Sendable {
        /// These questions, in this order, for every attempt.
        case fixed([UUID])
        /// Drawn afresh for each attempt.
        case drawn([Draw])
    }

    public var id: UUID
    public var title: String
    public var selection: Selection
    /// Nil for no limit.
    public var timeLimitMinutes: Int?
    /// The share of the points that passes, from 0 to 1.
    public var passMark: Double
    /// Nil for no limit.
    public var allowedAttempts: Int?
    public var shufflesOptions: Bool

    public init(
        id: UUID = UUID(), title: String, selection: Selection, timeLimitMinutes: Int? = nil, passMark: Double,
        allowedAttempts: Int? = nil, shufflesOptions: Bool = true
    ) {
        self.id = id
        self.title = title
        self.selection = selection
        self.timeLimitMinutes = timeLimitMinutes
        self.passMark = passMark
        self.allowedAttempts = allowedAttempts
        self.shufflesOptions = shufflesOptions
    }

    /// What makes the check impossible to take from `bank` (the latest version of each
    /// question), in words an author can act on; empty when none.
    public func problems(bank: [BankQuestion]) -> [CatalogueText] {
        typealias Message = KnowledgeCheckProblemMessage
        var problems: [CatalogueText] = []
        func add(_ message: Message) { problems.append(CatalogueText(message)) }
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(.noTitle) }
        if !(passMark > 0 && passMark <= 1) { add(.passMark) }
        if let minutes = timeLimitMinutes, minutes < 1 { add(.timeLimit) }
        if let attempts = allowedAttempts, attempts < 1 { add(.attempts) }
        switch selection {
        case .fixed(let ids):
            if ids.isEmpty { add(.noQuestion) }
            if Set(ids).count != ids.count { add(.questionTwice) }
            let known = Set(bank.map(\.id))
            if ids.contains(where: { !known.contains($0) }) { add(.questionNotInBank) }
        case .drawn(let draws):
            if draws.isEmpty || draws.allSatisfy({ $0.count <= 0 }) { add(.drawsNothing) }
            for draw in draws where draw.count > 0 {
                let available = bank.filter { $0.competencyCode == draw.competencyCode && $0.level == draw.level }.count
                if available < draw.count {
                    problems.append(
                        CatalogueText(
                            Message.tooFewToDraw,
                            [
                                "competency": draw.competencyCode, "level": "\(draw.level + 1)",
                                "available": "\(available)", "count": "\(draw.count)",
                            ]))
                }
            }
        }
        return problems
    }
}

/// The questions one attempt asks, drawn and shuffled once when it starts and kept with it, so
/// that a reloaded page shows the same paper and the answers are scored against the versions asked.
public struct AttemptPaper: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var questionID: UUID
        public var version: Int
        /// The option keys in the order shown.
        public var optionOrder: [String]

        public init(questionID: UUID, version: Int, optionOrder: [String]) {
            self.questionID = questionID
            self.version = version
            self.optionOrder = optionOrder
        }
    }

    public var items: [Item]

    public init(items: [Item]) {
        self.items = items
    }

    /// Draws a paper for `check` from `bank` (the latest version of each question). Nil when the
    /// bank cannot supply it (`KnowledgeCheck.problems` says why).
    public static func draw(for check: KnowledgeCheck, bank: [BankQuestion], seed: UInt64) -> AttemptPaper? {
        guard check.problems(bank: bank).isEmpty else { return nil }
        var generator = SeededGenerator(seed: seed)
        let byID = Dictionary(bank.map { ($0.id, $0) }) { first, _ in first }
        let questions: [BankQuestion]
        switch check.selection {
        case .fixed(let ids):
            questions = ids.compactMap { byID[$0] }
        case .drawn(let draws):
            // Sorted first, so that the same seed draws the same paper however the bank was read.
            questions = draws.flatMap { draw in
                bank.filter { $0.competencyCode == draw.competencyCode && $0.level == draw.level }
                    .sorted { $0.id.uuidString < $1.id.uuidString }.shuffled(using: &generator).prefix(
                        max(0, draw.count))
            }
        }
        return AttemptPaper(
            items: questions.map { question in
                let keys = question.options.map(\.key)
                // An ordering question's options are always shown out of order: in order they
                // would give the answer away.
                let shuffles = check.shufflesOptions || question.kind == .ordering
                return Item(
                    questionID: question.id, version: question.version,
                    optionOrder: shuffles ? keys.shuffled(using: &generator) : keys)
            })
    }
}
