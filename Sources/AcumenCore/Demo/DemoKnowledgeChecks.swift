import Foundation

/// The demo's knowledge checks and a term of attempts at them, so that the item analysis has
/// something to show: a fixed check on the customer's policy, one drawn per attempt on technical
/// foundations, and a verbal mock review run from a script. Account managers' answers follow a
/// simple model: each has an ability, each question a difficulty by its level, and the chance of
/// a right answer rises with the difference. One question has a wrong option that draws the
/// strong, as badly keyed questions do, for the analysis to flag.
public enum DemoKnowledgeChecks {
    public static let policyTitle = "Alder policy essentials"
    public static let technicalTitle = "Mobility technical foundations"
    public static let verbalTitle = "Mock annual review: policy and programme"

    private static func question(_ code: String, _ number: Int) -> UUID {
        .stable(named: "demo-bank/\(code)/\(number)")
    }

    /// The checks, each with the code of the demo catalogue's knowledge-check offering it is (`DemoCatalogue`).
    public static var checks: [(check: KnowledgeCheck, isVerbal: Bool, offeringCode: String)] {
        [
            (
                KnowledgeCheck(
                    id: .stable(named: "demo-check/policy"), title: policyTitle,
                    selection: .fixed((Array(1...13) + [16, 17]).map { question("KE.1", $0) }), timeLimitMinutes: 20,
                    passMark: 0.7, allowedAttempts: 3),
                false, "POL-14-KC"
            ),
            (
                KnowledgeCheck(
                    id: .stable(named: "demo-check/technical"), title: technicalTitle,
                    selection: .drawn([
                        .init(competencyCode: "KE.2", level: 0, count: 5),
                        .init(competencyCode: "KE.2", level: 1, count: 4),
                        .init(competencyCode: "KE.4", level: 0, count: 3),
                        .init(competencyCode: "KE.5", level: 0, count: 3),
                    ]), timeLimitMinutes: 25, passMark: 0.7),
                false, "FIN-12-KC"
            ),
            (
                KnowledgeCheck(
                    id: .stable(named: "demo-check/verbal"), title: verbalTitle,
                    selection: .fixed([question("KE.1", 14), question("KE.3", 8), question("KE.5", 9)]), passMark: 0.6,
                    shufflesOptions: false),
                true, "TLS-42-KC"
            ),
        ]
    }

    /// The question whose wrong option draws strong candidates: premium economy is right, but the
    /// experienced remember the old policy's business class.
    static let misleading = (question: question("KE.1", 12), wrongText: "Business")

    /// An answer as someone of `ability` (about −2 to 2) would give it.
    public static func answer(
        _ question: BankQuestion, optionOrder: [String], ability: Double, using generator: inout SeededGenerator
    ) -> GivenAnswer? {
        let difficulty = Double(question.level) - 0.6 + Double(question.prompt.count % 7) * 0.12
        let chance = 1 / (1 + exp(-1.7 * (ability - difficulty)))
        let right = Double.random(in: 0..<1, using: &generator) < chance
        let wrong = question.options.filter { !$0.isCorrect }
        switch question.kind {
        case .singleChoice:
            if question.id == misleading.question, ability > 0.8, Double.random(in: 0..<1, using: &generator) < 0.45,
                let tempting = question.options.first(where: { $0.text == misleading.wrongText })
            {
                return .choices([tempting.key])
            }
            if right { return question.options.first(where: \.isCorrect).map { .choices([$0.key]) } }
            // The first wrong option is the usual mistake; the others are chosen less.
            let pick =
                Double.random(in: 0..<1, using: &generator) < 0.55
                ? 0 : Int.random(in: 0..<max(1, wrong.count), using: &generator)
            return wrong.indices.contains(pick) ? .choices([wrong[pick].key]) : nil
        case .trueFalse:
            let key = question.options.first { $0.isCorrect == right }?.key
            return key.map { .choices([$0]) }
        case .multipleChoice:
            let chosen = question.options.filter { option in
                let p = option.isCorrect ? chance : (1 - chance) * 0.5
                return Double.random(in: 0..<1, using: &generator) < p
            }.map(\.key)
            return chosen.isEmpty ? nil : .choices(chosen)
        case .numeric:
            guard let value = question.numericAnswer else { return nil }
            return .number(right ? value : value * 1.5 + 1)
        case .ordering:
            var keys = question.options.map(\.key)
            if !right && keys.count > 1 {
                let first = Int.random(in: 0..<(keys.count - 1), using: &generator)
                keys.swapAt(first, first + 1)
            }
            return .order(keys)
        case .scenario:
            return .text("In my own words: I would check the policy, explain the options and recommend one.")
        }
    }

    /// Someone's ability, the same in every installation.
    public static func ability(of email: String) -> Double {
        var generator = SeededGenerator(
            seed: UInt64(truncatingIfNeeded: email.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }))
        // The sum of three uniforms is near enough to a normal for a demo.
        return (0..<3).reduce(0) { total, _ in total + Double.random(in: -1...1, using: &generator) }
    }
}
