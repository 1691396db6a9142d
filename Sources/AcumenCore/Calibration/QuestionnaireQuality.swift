/// How well the customer questionnaire measured in one cycle: whether each category's questions
/// hang together (Cronbach's alpha and corrected item-total correlations), which questions
/// customers could not answer ("Don't know"), and which responses gave the same answer to
/// every question (straight-lining), a sign of an answer given without reading.
public struct QuestionnaireQuality: Sendable {
    public struct Category: Sendable {
        public var code: String
        public var title: String
        public var questionCodes: [String]
        /// Nil with fewer than two questions or two complete responses in the category.
        public var consistency: CronbachAlpha?
    }

    public struct Question: Sendable {
        public var code: String
        public var text: String
        public var categoryCode: String
        public var answered: Int
        public var dontKnow: Int
        /// The question against the sum of its category's other questions.
        public var correctedItemTotal: Double?

        public var dontKnowShare: Double? { answered == 0 ? nil : Double(dontKnow) / Double(answered) }
    }

    /// A response is straight-lined when it scored at least this many questions, all alike.
    public static let minimumScoredForStraightLining = 5

    public var categories: [Category]
    public var questions: [Question]
    public var responses: Int
    /// Positions in the response list given to `compute`.
    public var straightLined: [Int]

    public static func isStraightLined(_ answers: [String: FrequencyAnswer]) -> Bool {
        let scored = answers.values.filter { $0.score != nil }
        guard scored.count >= minimumScoredForStraightLining, let first = scored.first else { return false }
        return scored.allSatisfy { $0 == first }
    }

    public static func compute(
        responses: [[String: FrequencyAnswer]], questionnaire: Questionnaire, framework: FrameworkContent
    ) -> QuestionnaireQuality {
        var categoryOf: [String: CategoryContent] = [:]
        for category in framework.categories {
            for competency in category.competencies { categoryOf[competency.code] = category }
        }
        var itemTotals: [String: Double?] = [:]
        var categories: [Category] = []
        for category in framework.categories {
            let codes = questionnaire.questions.filter { categoryOf[$0.competencyCode]?.code == category.code }
                .map(\.code)
            guard !codes.isEmpty else { continue }
            let table = responses.map { answers in
                codes.map { code in answers[code]?.score.map(Double.init) }
            }
            let consistency = CronbachAlpha.compute(table)
            if let consistency, consistency.isReadable {
                for (code, value) in zip(codes, consistency.correctedItemTotal) { itemTotals[code] = value }
            }
            categories.append(
                Category(code: category.code, title: category.title, questionCodes: codes, consistency: consistency))
        }
        let questions = questionnaire.questions.map { question in
            Question(
                code: question.code, text: question.text,
                categoryCode: categoryOf[question.competencyCode]?.code ?? "",
                answered: responses.filter { $0[question.code] != nil }.count,
                dontKnow: responses.filter { $0[question.code] == .dontKnow }.count,
                correctedItemTotal: itemTotals[question.code] ?? nil)
        }
        return QuestionnaireQuality(
            categories: categories, questions: questions, responses: responses.count,
            straightLined: responses.indices.filter { isStraightLined(responses[$0]) })
    }
}
