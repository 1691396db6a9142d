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
        ScoringKey(question).score(answer)
    }

    /// A scenario's score from the rubric step an assessor chose: the weakest step 0, the
    /// strongest 1, evenly between; nil for a step the rubric does not have.
    public static func rubricScore(step: Int, of question: BankQuestion) -> Double? {
        guard question.rubric.count >= 2, question.rubric.indices.contains(step) else { return nil }
        return Double(step) / Double(question.rubric.count - 1)
    }
}
