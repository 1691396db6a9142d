/// Customer questionnaire results for a group of responses (a slice, an account, a cycle), made
/// by `DisclosureGate.customerResults`, which withholds each question whose figures would single
/// out too few customers: a mean over two scored answers, the others saying "Don't know", would
/// be close to one person's answer.
public struct CustomerResults: Hashable, Sendable {
    public struct Question: Hashable, Sendable {
        public var code: String
        public var competencyCode: String
        /// Nil when withheld.
        public var result: QuestionResult?
    }

    public var responses: Int
    public var questions: [Question]

    public init(responses: Int, questions: [Question]) {
        self.responses = responses
        self.questions = questions
    }

    /// Mean score per competency over its questions' shown answers.
    public func competencyMeans() -> [String: Double] {
        var sums: [String: (total: Int, count: Int)] = [:]
        for question in questions {
            guard let result = question.result else { continue }
            for answer in FrequencyAnswer.scale {
                let count = result.counts[answer] ?? 0
                sums[question.competencyCode, default: (0, 0)].total += (answer.score ?? 0) * count
                sums[question.competencyCode, default: (0, 0)].count += count
            }
        }
        return sums.compactMapValues { $0.count == 0 ? nil : Double($0.total) / Double($0.count) }
    }
}
