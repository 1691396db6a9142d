import Foundation

/// One question of a bank, in one version: what is asked of whom (a competency at a level of its
/// standards), how it is answered and scored, and what the person reads after the attempt.
/// Editing a question that has been answered makes a new version; results stay tied to the
/// version that was answered.
public struct BankQuestion: Hashable, Sendable {
    public struct Option: Hashable, Sendable, Codable {
        /// Stable within the question (`a`, `b`...): what answers and exports name.
        public var key: String
        public var text: String
        public var isCorrect: Bool

        public init(key: String, text: String, isCorrect: Bool = false) {
            self.key = key
            self.text = text
            self.isCorrect = isCorrect
        }
    }

    /// A step of a scenario's rubric: what an answer at that step shows.
    public struct RubricStep: Hashable, Sendable, Codable {
        public var description: String

        public init(_ description: String) {
            self.description = description
        }
    }

    public var id: UUID
    public var version: Int
    public var competencyCode: String
    /// The level of the competency's standards the question belongs to, counted from 0 (Baseline).
    public var level: Int
    public var kind: QuestionKind
    public var prompt: String
    /// Shown after the attempt is submitted, never before.
    public var explanation: String
    /// Choice, true/false and ordering questions; for ordering, in the right order.
    public var options: [Option]
    /// Numeric questions.
    public var numericAnswer: Double?
    public var tolerance: Double
    /// Scenario questions: steps from the weakest answer to the strongest.
    public var rubric: [RubricStep]

    public init(
        id: UUID = UUID(), version: Int = 1, competencyCode: String, level: Int, kind: QuestionKind, prompt: String,
        explanation: String, options: [Option] = [], numericAnswer: Double? = nil, tolerance: Double = 0,
        rubric: [RubricStep] = []
    ) {
        self.id = id
        self.version = version
        self.competencyCode = competencyCode
        self.level = level
        self.kind = kind
        self.prompt = prompt
        self.explanation = explanation
        self.options = options
        self.numericAnswer = numericAnswer
        self.tolerance = tolerance
        self.rubric = rubric
    }

    /// What makes the question unusable, in words an author can act on; empty when none.
    public func problems(levels: Int = 3) -> [CatalogueText] {
        typealias Message = KnowledgeCheckProblemMessage
        var problems: [CatalogueText] = []
        func add(_ message: Message) { problems.append(CatalogueText(message)) }
        if prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(.emptyPrompt) }
        if explanation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(.emptyExplanation) }
        if !(0..<levels).contains(level) {
            problems.append(CatalogueText(Message.unknownLevel, ["levels": "\(levels)"]))
        }
        let keys = options.map(\.key)
        if Set(keys).count != keys.count { add(.repeatedOptionKey) }
        if options.contains(where: { $0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
            add(.emptyOption)
        }
        let correct = options.filter(\.isCorrect).count
        switch kind {
        case .singleChoice:
            if options.count < 2 { add(.singleChoiceOptions) }
            if correct != 1 { add(.singleChoiceRight) }
        case .multipleChoice:
            if options.count < 2 { add(.multipleChoiceOptions) }
            if correct == 0 { add(.multipleChoiceRight) }
        case .trueFalse:
            if options.count != 2 || correct != 1 { add(.trueFalseOptions) }
        case .numeric:
            if numericAnswer?.isFinite != true { add(.numericAnswer) }
            if !tolerance.isFinite || tolerance < 0 { add(.tolerance) }
        case .ordering:
            if options.count < 2 { add(.orderingItems) }
        case .scenario:
            if rubric.count < 2 { add(.rubricSteps) }
        }
        return problems
    }
}
