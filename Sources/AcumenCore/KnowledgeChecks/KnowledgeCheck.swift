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

    /// A time limit from a minute to a day: longer is no limit, and should be said so.
    public static let timeLimits = 1...1440
    /// Allowed attempts, when limited.
    public static let attemptLimits = 1...100

    /// How many questions an attempt asks.
    public var questionCount: Int {
        switch selection {
        case .fixed(let ids): ids.count
        case .drawn(let draws): draws.reduce(0) { $0 + max(0, $1.count) }
        }
    }

    /// What makes the check impossible to take from `bank` (the latest version of each
    /// question), in words an author can act on; empty when none.
    public func problems(bank: [BankQuestion]) -> [CatalogueText] {
        typealias Message = KnowledgeCheckProblemMessage
        var problems: [CatalogueText] = []
        func add(_ message: Message) { problems.append(CatalogueText(message)) }
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(.noTitle) }
        if !(passMark > 0 && passMark <= 1) { add(.passMark) }
        if let minutes = timeLimitMinutes, !Self.timeLimits.contains(minutes) { add(.timeLimit) }
        if let attempts = allowedAttempts, !Self.attemptLimits.contains(attempts) { add(.attempts) }
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
