import Foundation

/// The kinds of question a knowledge check asks.
public enum QuestionKind: String, Codable, Sendable, CaseIterable {
    /// One option is right.
    case singleChoice
    /// One or more options are right; each is chosen or not.
    case multipleChoice
    /// Two options, true and false, one right.
    case trueFalse
    /// A number, right within a tolerance.
    case numeric
    /// Options to put in order; the order given is the right one.
    case ordering
    /// A situation answered in the person's own words, scored by an assessor on a rubric.
    case scenario

    /// Whether the server scores it on submission; a scenario waits for an assessor.
    public var isScoredAutomatically: Bool { self != .scenario }
}

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

/// The words of what makes a question or a check unusable, for whoever shows them.
public enum KnowledgeCheckProblemMessage: String, MessageKey, CaseIterable {
    case emptyPrompt = "knowledgeCheckProblem.emptyPrompt"
    case emptyExplanation = "knowledgeCheckProblem.emptyExplanation"
    case unknownLevel = "knowledgeCheckProblem.unknownLevel"
    case repeatedOptionKey = "knowledgeCheckProblem.repeatedOptionKey"
    case emptyOption = "knowledgeCheckProblem.emptyOption"
    case singleChoiceOptions = "knowledgeCheckProblem.singleChoiceOptions"
    case singleChoiceRight = "knowledgeCheckProblem.singleChoiceRight"
    case multipleChoiceOptions = "knowledgeCheckProblem.multipleChoiceOptions"
    case multipleChoiceRight = "knowledgeCheckProblem.multipleChoiceRight"
    case trueFalseOptions = "knowledgeCheckProblem.trueFalseOptions"
    case numericAnswer = "knowledgeCheckProblem.numericAnswer"
    case tolerance = "knowledgeCheckProblem.tolerance"
    case orderingItems = "knowledgeCheckProblem.orderingItems"
    case rubricSteps = "knowledgeCheckProblem.rubricSteps"
    case noTitle = "knowledgeCheckProblem.noTitle"
    case passMark = "knowledgeCheckProblem.passMark"
    case timeLimit = "knowledgeCheckProblem.timeLimit"
    case attempts = "knowledgeCheckProblem.attempts"
    case noQuestion = "knowledgeCheckProblem.noQuestion"
    case questionTwice = "knowledgeCheckProblem.questionTwice"
    case questionNotInBank = "knowledgeCheckProblem.questionNotInBank"
    case drawsNothing = "knowledgeCheckProblem.drawsNothing"
    case tooFewToDraw = "knowledgeCheckProblem.tooFewToDraw"
    case unknownQuestion = "knowledgeCheckProblem.unknownQuestion"
    case unknownCompetency = "knowledgeCheckProblem.unknownCompetency"
    case unknownKind = "knowledgeCheckProblem.unknownKind"
    case optionLine = "knowledgeCheckProblem.optionLine"
    case unknownCorrectKey = "knowledgeCheckProblem.unknownCorrectKey"
    case notANumber = "knowledgeCheckProblem.notANumber"
    case noQuestions = "knowledgeCheckProblem.noQuestions"
}

/// An answer as given, before scoring.
public enum GivenAnswer: Hashable, Sendable {
    /// Option keys chosen (one for single choice and true/false).
    case choices([String])
    case number(Double)
    /// Option keys in the order given.
    case order([String])
    /// A scenario answered in words.
    case text(String)
}

/// Scores answers on the server, from 0 to 1.
///
/// - Single choice and true/false: 1 for the right option alone, else 0.
/// - Multiple choice: the right options chosen minus the wrong ones, over the number of right
///   options, never below 0, so that choosing everything earns nothing.
/// - Numeric: 1 within the tolerance (inclusive), else 0.
/// - Ordering: the share of pairs of items put in the right relative order (every pair counts
///   once), so that one item out of place costs little and a reversed list scores 0.
/// - Scenario: nil; an assessor scores it on its rubric (`rubricScore`).
/// An answer of the wrong shape for its question, or naming options the question does not
/// have, scores 0: the attempt's page cannot send it, so it is tampering or a stale page.
public enum QuestionScoring {
    public static func score(_ answer: GivenAnswer?, for question: BankQuestion) -> Double? {
        guard question.kind.isScoredAutomatically else { return nil }
        guard let answer else { return 0 }
        let keys = Set(question.options.map(\.key))
        switch (question.kind, answer) {
        case (.singleChoice, .choices(let chosen)), (.trueFalse, .choices(let chosen)):
            guard chosen.count == 1, let key = chosen.first, keys.contains(key) else { return 0 }
            return question.options.first { $0.key == key }?.isCorrect == true ? 1 : 0
        case (.multipleChoice, .choices(let chosen)):
            let picked = Set(chosen)
            guard picked.isSubset(of: keys) else { return 0 }
            let right = question.options.filter(\.isCorrect)
            let rightPicked = right.filter { picked.contains($0.key) }.count
            let wrongPicked = picked.count - rightPicked
            return max(0, Double(rightPicked - wrongPicked) / Double(max(1, right.count)))
        case (.numeric, .number(let value)):
            guard let expected = question.numericAnswer, value.isFinite else { return 0 }
            return abs(value - expected) <= question.tolerance + 1e-12 * max(1, abs(expected)) ? 1 : 0
        case (.ordering, .order(let given)):
            let right = question.options.map(\.key)
            guard given.count == right.count, Set(given) == Set(right) else { return 0 }
            let position = Dictionary(uniqueKeysWithValues: given.enumerated().map { ($1, $0) })
            var inOrder = 0
            var pairs = 0
            for first in right.indices {
                for second in right.indices where second > first {
                    pairs += 1
                    if position[right[first]]! < position[right[second]]! { inOrder += 1 }
                }
            }
            return pairs == 0 ? 1 : Double(inOrder) / Double(pairs)
        default:
            return 0
        }
    }

    /// A scenario's score from the rubric step an assessor chose: the weakest step 0, the
    /// strongest 1, evenly between; nil for a step the rubric does not have.
    public static func rubricScore(step: Int, of question: BankQuestion) -> Double? {
        guard question.rubric.count >= 2, question.rubric.indices.contains(step) else { return nil }
        return Double(step) / Double(question.rubric.count - 1)
    }
}
