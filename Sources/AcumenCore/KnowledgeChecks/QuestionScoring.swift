import Foundation

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
        // Options are few: they are searched in place rather than hashed, as a check's scoring
        // runs over every answer of every attempt.
        switch (question.kind, answer) {
        case (.singleChoice, .choices(let chosen)), (.trueFalse, .choices(let chosen)):
            guard chosen.count == 1, let key = chosen.first else { return 0 }
            return question.options.first { $0.key == key }?.isCorrect == true ? 1 : 0
        case (.multipleChoice, .choices(let chosen)):
            var rightPicked = 0
            var wrongPicked = 0
            for (position, key) in chosen.enumerated() where !chosen[..<position].contains(key) {
                guard let option = question.options.first(where: { $0.key == key }) else { return 0 }
                if option.isCorrect { rightPicked += 1 } else { wrongPicked += 1 }
            }
            let right = question.options.reduce(0) { $0 + ($1.isCorrect ? 1 : 0) }
            return max(0, Double(rightPicked - wrongPicked) / Double(max(1, right)))
        case (.numeric, .number(let value)):
            guard let expected = question.numericAnswer, value.isFinite else { return 0 }
            return abs(value - expected) <= question.tolerance + 1e-12 * max(1, abs(expected)) ? 1 : 0
        case (.ordering, .order(let given)):
            let keys = Set(question.options.map(\.key))
            let right = question.options.map(\.key)
            guard given.count == right.count, Set(given) == keys else { return 0 }
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
