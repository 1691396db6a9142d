import Foundation

/// What scoring reads of one version of a question, taken from it once.
///
/// A check's scoring runs over every answer of every attempt; reading the whole question (its
/// prompt, explanation and option texts) for each answer cost more than the scoring itself.
public struct ScoringKey: Hashable, Sendable {
    public var kind: QuestionKind
    /// Option keys as the question stores them; for ordering, in the right order.
    var optionKeys: [String]
    /// Whether each option, in the order of `optionKeys`, is a right one.
    var isRight: [Bool]
    var rightCount: Int
    var numericAnswer: Double?
    var tolerance: Double

    public init(_ question: BankQuestion) {
        kind = question.kind
        optionKeys = question.options.map(\.key)
        isRight = question.options.map(\.isCorrect)
        rightCount = isRight.filter { $0 }.count
        numericAnswer = question.numericAnswer
        tolerance = question.tolerance
    }

    /// The answer's score from 0 to 1, by the rules `QuestionScoring` states; nil for a scenario.
    public func score(_ answer: GivenAnswer?) -> Double? {
        analysed(answer)?.score
    }

    /// The answer scored as the item analysis counts it: its score, and for a choice question the
    /// options chosen by their place among the question's options. Nil for a scenario, which an
    /// assessor scores.
    public func analysed(_ answer: GivenAnswer?) -> ItemAnalysis.Answer? {
        guard kind.isScoredAutomatically else { return nil }
        guard let answer else { return ItemAnalysis.Answer(score: 0, chosen: 0) }
        // Options are few: they are searched in place rather than hashed.
        switch (kind, answer) {
        case (.singleChoice, .choices(let chosen)), (.trueFalse, .choices(let chosen)):
            var places: UInt64 = 0
            var right = chosen.count == 1
            for key in chosen {
                guard let place = optionKeys.firstIndex(of: key) else { return .init(score: 0, chosen: 0) }
                places |= Self.bit(place)
                right = right && isRight[place]
            }
            return ItemAnalysis.Answer(score: right ? 1 : 0, chosen: places)
        case (.multipleChoice, .choices(let chosen)):
            var places: UInt64 = 0
            var rightPicked = 0
            var wrongPicked = 0
            for key in chosen {
                guard let place = optionKeys.firstIndex(of: key) else { return .init(score: 0, chosen: 0) }
                // A key sent twice counts once.
                guard places & Self.bit(place) == 0 else { continue }
                places |= Self.bit(place)
                if isRight[place] { rightPicked += 1 } else { wrongPicked += 1 }
            }
            let score = max(0, Double(rightPicked - wrongPicked) / Double(max(1, rightCount)))
            return ItemAnalysis.Answer(score: score, chosen: places)
        case (.numeric, .number(let value)):
            guard let expected = numericAnswer, value.isFinite else { return .init(score: 0, chosen: 0) }
            let within = abs(value - expected) <= tolerance + 1e-12 * max(1, abs(expected))
            return ItemAnalysis.Answer(score: within ? 1 : 0, chosen: 0)
        case (.ordering, .order(let given)):
            return ItemAnalysis.Answer(score: orderingScore(given), chosen: 0)
        default:
            return ItemAnalysis.Answer(score: 0, chosen: 0)
        }
    }

    /// The share of pairs of items given in their right relative order; 0 unless every item is
    /// given once.
    private func orderingScore(_ given: [String]) -> Double {
        guard given.count == optionKeys.count, Set(given) == Set(optionKeys) else { return 0 }
        let position = Dictionary(uniqueKeysWithValues: given.enumerated().map { ($1, $0) })
        var inOrder = 0
        var pairs = 0
        for first in optionKeys.indices {
            for second in optionKeys.indices where second > first {
                pairs += 1
                if position[optionKeys[first]]! < position[optionKeys[second]]! { inOrder += 1 }
            }
        }
        return pairs == 0 ? 1 : Double(inOrder) / Double(pairs)
    }

    /// The bit of an option's place; options past the 64th are scored but not counted.
    private static func bit(_ place: Int) -> UInt64 {
        place < 64 ? 1 << UInt64(place) : 0
    }
}
