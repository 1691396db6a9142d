/// The customers' answers to one question: how many chose each point of the scale, the mean
/// of those who could answer, and how many could not.
public struct QuestionResult: Hashable, Sendable {
    public var questionCode: String
    public var counts: [FrequencyAnswer: Int]

    public init(questionCode: String, answers: [FrequencyAnswer]) {
        self.questionCode = questionCode
        counts = Dictionary(answers.map { ($0, 1) }, uniquingKeysWith: +)
    }

    public var responses: Int { counts.values.reduce(0, +) }
    public var dontKnow: Int { counts[.dontKnow] ?? 0 }

    /// The share of customers who could not answer: a high share says the question, or the
    /// behaviour it asks about, is not visible to customers.
    public var dontKnowShare: Double? {
        responses == 0 ? nil : Double(dontKnow) / Double(responses)
    }

    /// Mean score (1 to 5) of those who answered on the scale.
    public var mean: Double? {
        let scored = FrequencyAnswer.scale.reduce(0) { $0 + (counts[$1] ?? 0) }
        guard scored > 0 else { return nil }
        let total = FrequencyAnswer.scale.reduce(0) { $0 + (counts[$1] ?? 0) * $1.score! }
        return Double(total) / Double(scored)
    }
}
