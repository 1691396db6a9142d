import Foundation

/// How well each question of a knowledge check, and the check as a whole, measured the people
/// who took it: the classical item analysis a programme manager reads before trusting a check.
///
/// - Difficulty: the mean score on the question (for a right-or-wrong question, the share who
///   got it right); high is easy.
/// - Discrimination: the corrected point-biserial, the correlation between the score on the
///   question and the score on the rest of the check (the question itself left out, so that it
///   does not correlate with itself). A good question is answered better by those who do well
///   on the rest.
/// - Options: how often each option was chosen, overall and in the strongest and weakest
///   groups (the top and bottom 27 per cent by total score, the usual cut). A wrong option that
///   strong candidates choose more than weak ones usually means the question or its key is wrong.
/// - Reliability: KR-20 when every question is scored right or wrong, Cronbach's alpha
///   otherwise (KR-20 is alpha's special case for 0/1 scores; both come from `CronbachAlpha`),
///   over the attempts that met every question, with the standard error of measurement,
///   `SD(total) · √(1 − reliability)`, in the check's points.
public struct ItemAnalysis: Sendable {
    /// One answer as scored: from 0 to 1, with the options chosen for a choice question.
    public struct Answer: Hashable, Sendable {
        public var score: Double
        /// The options chosen, a bit for each position in the question's `Question.options` (the
        /// first 64): kept inline, as an analysis holds one answer per attempt and question.
        public var chosen: UInt64

        /// - Parameter options: the options chosen, by position in the question's
        ///   `Question.options`; empty for other kinds of question or no answer.
        public init(score: Double, options: [Int] = []) {
            self.init(score: score, chosen: options.reduce(0) { $1 >= 0 && $1 < 64 ? $0 | 1 << UInt64($1) : $0 })
        }

        public init(score: Double, chosen: UInt64) {
            self.score = min(1, max(0, score))
            self.chosen = chosen
        }

        /// The positions of the options chosen, in order.
        public var options: [Int] { (0..<64).filter { chosen & 1 << UInt64($0) != 0 } }
    }

    /// A question of the check as the analysis names it.
    public struct Question: Hashable, Sendable {
        public struct Option: Hashable, Sendable {
            public var key: String
            public var isCorrect: Bool

            public init(key: String, isCorrect: Bool) {
                self.key = key
                self.isCorrect = isCorrect
            }
        }

        public var id: String
        /// A choice question's options in order; empty otherwise.
        public var options: [Option]

        public init(id: String, options: [Option] = []) {
            self.id = id
            self.options = options
        }
    }

    public enum Flag: Hashable, Sendable {
        /// Almost everyone answers it right: it tells people apart little.
        case tooEasy
        /// Almost nobody does: it may be unclear, or its key wrong.
        case tooHard
        /// Those who do well on the rest of the check do no better on it.
        case weakDiscrimination
        /// A wrong option chosen more often by the strongest group than by the weakest.
        case distractorFavoursStrong(option: String)
    }

    public struct OptionShare: Hashable, Sendable {
        public var option: String
        public var isCorrect: Bool
        /// How many attempts chose it.
        public var chosen: Int
        /// Of the attempts that met the question.
        public var share: Double
        public var strongShare: Double?
        public var weakShare: Double?
    }

    public struct Item: Hashable, Sendable {
        public var questionID: String
        /// Attempts that met the question.
        public var attempts: Int
        public var difficulty: Double
        /// Nil when the question's scores or the rest of the check do not vary.
        public var discrimination: Double?
        public var options: [OptionShare]
        public var flags: [Flag]
    }

    public enum ReliabilityKind: String, Hashable, Sendable {
        case kr20
        case cronbachAlpha
    }

    public var items: [Item]
    public var attempts: Int
    /// Nil with fewer than two questions, or two attempts that met every question, or totals that do not vary.
    public var reliability: Double?
    public var reliabilityKind: ReliabilityKind
    /// The standard error of measurement, in the check's points (one per question).
    public var standardErrorOfMeasurement: Double?
    /// Attempts that met every question: what reliability is counted over.
    public var completeAttempts: Int

    public static let easyAbove = 0.9
    public static let hardBelow = 0.2
    public static let weakDiscriminationBelow = 0.2
    /// The share of attempts in each of the strongest and weakest groups.
    public static let extremeGroupShare = 0.27

    /// - Parameters:
    ///   - questions: the check's questions, in the order to report them.
    ///   - attempts: per submitted attempt, its answers in the order of `questions`: nil for a
    ///     question the attempt did not meet (a check drawn per attempt); one it left
    ///     unanswered scores 0.
    public static func compute(questions: [Question], attempts: [[Answer?]]) -> ItemAnalysis {
        let totals = attempts.map { row in row.reduce(0) { $0 + ($1?.score ?? 0) } }
        let ranked = attempts.indices.sorted { (totals[$0], $1) > (totals[$1], $0) }
        let groupSize = Int((Double(attempts.count) * extremeGroupShare).rounded())
        var group = [Int8](repeating: 0, count: attempts.count)
        for position in ranked.prefix(groupSize) { group[position] = 1 }
        for position in ranked.suffix(groupSize) { group[position] = -1 }

        var items: [Item] = []
        var allRightOrWrong = true
        for (column, question) in questions.enumerated() {
            var scores: [Double] = []
            var rest: [Double] = []
            var chosen = [Int](repeating: 0, count: question.options.count)
            var chosenByStrong = chosen
            var chosenByWeak = chosen
            var (strongMet, weakMet) = (0, 0)
            for (row, attempt) in attempts.enumerated() {
                guard column < attempt.count, let answer = attempt[column] else { continue }
                scores.append(answer.score)
                rest.append(totals[row] - answer.score)
                if answer.score != 0 && answer.score != 1 { allRightOrWrong = false }
                if group[row] == 1 { strongMet += 1 }
                if group[row] == -1 { weakMet += 1 }
                for option in chosen.indices.prefix(64) where answer.chosen & 1 << UInt64(option) != 0 {
                    chosen[option] += 1
                    if group[row] == 1 { chosenByStrong[option] += 1 }
                    if group[row] == -1 { chosenByWeak[option] += 1 }
                }
            }
            guard !scores.isEmpty else {
                items.append(
                    Item(
                        questionID: question.id, attempts: 0, difficulty: 0, discrimination: nil, options: [], flags: []
                    ))
                continue
            }
            func share(_ count: Int, of total: Int) -> Double? { total == 0 ? nil : Double(count) / Double(total) }
            let shares = question.options.enumerated().map { position, option in
                OptionShare(
                    option: option.key, isCorrect: option.isCorrect, chosen: chosen[position],
                    share: Double(chosen[position]) / Double(scores.count),
                    strongShare: share(chosenByStrong[position], of: strongMet),
                    weakShare: share(chosenByWeak[position], of: weakMet))
            }
            let difficulty = scores.reduce(0, +) / Double(scores.count)
            let discrimination = CronbachAlpha.correlation(scores, rest)
            var flags: [Flag] = []
            if difficulty > easyAbove { flags.append(.tooEasy) }
            if difficulty < hardBelow { flags.append(.tooHard) }
            if let discrimination, discrimination < weakDiscriminationBelow { flags.append(.weakDiscrimination) }
            for share in shares where !share.isCorrect {
                if let strongShare = share.strongShare, let weakShare = share.weakShare, strongShare > weakShare {
                    flags.append(.distractorFavoursStrong(option: share.option))
                }
            }
            items.append(
                Item(
                    questionID: question.id, attempts: scores.count, difficulty: difficulty,
                    discrimination: discrimination, options: shares, flags: flags))
        }

        let table = attempts.map { row in questions.indices.map { row.indices.contains($0) ? row[$0]?.score : nil } }
        let consistency = CronbachAlpha.compute(table)
        let completeTotals = table.compactMap { row -> Double? in
            row.contains { $0 == nil } ? nil : row.reduce(0) { $0 + ($1 ?? 0) }
        }
        let standardError = consistency.flatMap { consistency in
            CronbachAlpha.variance(completeTotals).map { ($0 * max(0, 1 - consistency.alpha)).squareRoot() }
        }
        return ItemAnalysis(
            items: items, attempts: attempts.count, reliability: consistency?.alpha,
            reliabilityKind: allRightOrWrong ? .kr20 : .cronbachAlpha, standardErrorOfMeasurement: standardError,
            completeAttempts: completeTotals.count)
    }
}
