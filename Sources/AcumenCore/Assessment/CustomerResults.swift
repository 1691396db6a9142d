/// Customer questionnaire results for a group of responses (a slice, an account, a cycle),
/// with each question's figures withheld when too few customers scored it: a mean over two
/// scored answers, the others saying "Don't know", would be close to one person's answer.
public struct CustomerResults: Hashable, Sendable {
    public struct Question: Hashable, Sendable {
        public var code: String
        public var competencyCode: String
        /// Nil when withheld.
        public var result: QuestionResult?
    }

    public var responses: Int
    public var questions: [Question]

    public static func summarise(
        _ responses: [CustomerResponseRecord], questionnaire: Questionnaire, minimum: Int
    ) -> CustomerResults {
        CustomerResults(
            responses: responses.count,
            questions: questionnaire.questions.map { question in
                let answers = responses.compactMap { $0.answers[question.code] }
                let result = QuestionResult(questionCode: question.code, answers: answers)
                let scored = answers.filter { $0.score != nil }.count
                return Question(
                    code: question.code, competencyCode: question.competencyCode,
                    result: responses.count >= minimum && scored >= minimum ? result : nil)
            })
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
