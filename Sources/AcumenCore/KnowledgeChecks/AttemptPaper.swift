import Foundation

/// The questions one attempt asks, drawn and shuffled once when it starts and kept with it, so
/// that a reloaded page shows the same paper and the answers are scored against the versions asked.
public struct AttemptPaper: Hashable, Sendable, Codable {
    public struct Item: Hashable, Sendable, Codable {
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
