import AcumenCore
import XCTest

final class QuestionScoringTests: XCTestCase {
    private func question(
        _ kind: QuestionKind, options: [BankQuestion.Option] = [], answer: Double? = nil, tolerance: Double = 0,
        rubric: [String] = []
    ) -> BankQuestion {
        BankQuestion(
            competencyCode: "KE.1", level: 0, kind: kind, prompt: "Which applies?",
            explanation: "Because the policy says so.", options: options, numericAnswer: answer, tolerance: tolerance,
            rubric: rubric.map(BankQuestion.RubricStep.init))
    }

    private let threeOptions: [BankQuestion.Option] = [
        .init(key: "a", text: "Home leave", isCorrect: true), .init(key: "b", text: "Tax equalisation"),
        .init(key: "c", text: "School fees", isCorrect: true),
    ]

    func test_singleChoice_scoresTheRightOptionAlone() {
        let single = question(
            .singleChoice, options: [.init(key: "a", text: "Yes", isCorrect: true), .init(key: "b", text: "No")])
        XCTAssertEqual(QuestionScoring.score(.choices(["a"]), for: single), 1)
        XCTAssertEqual(QuestionScoring.score(.choices(["b"]), for: single), 0)
        XCTAssertEqual(
            QuestionScoring.score(.choices(["a", "b"]), for: single), 0, "two answers to a one-answer question")
        XCTAssertEqual(QuestionScoring.score(.choices(["z"]), for: single), 0, "an option the question does not have")
        XCTAssertEqual(QuestionScoring.score(nil, for: single), 0, "unanswered")
        XCTAssertEqual(QuestionScoring.score(.number(1), for: single), 0, "an answer of another shape")
    }

    func test_multipleChoice_creditsRightOptions_lessWrongOnes_neverBelowZero() {
        let multiple = question(.multipleChoice, options: threeOptions)
        XCTAssertEqual(QuestionScoring.score(.choices(["a", "c"]), for: multiple), 1)
        XCTAssertEqual(QuestionScoring.score(.choices(["a"]), for: multiple), 0.5)
        XCTAssertEqual(QuestionScoring.score(.choices(["a", "b"]), for: multiple), 0)
        XCTAssertEqual(QuestionScoring.score(.choices(["a", "b", "c"]), for: multiple), 0.5, "choosing everything")
        XCTAssertEqual(QuestionScoring.score(.choices(["b"]), for: multiple), 0, "never below zero")
        XCTAssertEqual(QuestionScoring.score(.choices(["a", "a"]), for: multiple), 0.5, "a key sent twice counts once")
    }

    func test_numeric_isRightWithinItsTolerance() {
        let numeric = question(.numeric, answer: 183, tolerance: 2)
        XCTAssertEqual(QuestionScoring.score(.number(185), for: numeric), 1, "the tolerance is inclusive")
        XCTAssertEqual(QuestionScoring.score(.number(181), for: numeric), 1)
        XCTAssertEqual(QuestionScoring.score(.number(185.5), for: numeric), 0)
        XCTAssertEqual(QuestionScoring.score(.number(.nan), for: numeric), 0)
        let exact = question(.numeric, answer: 0.1 + 0.2)
        XCTAssertEqual(QuestionScoring.score(.number(0.3), for: exact), 1, "a rounding error is not a wrong answer")
    }

    func test_ordering_scoresTheShareOfPairsInTheRightOrder() {
        let ordering = question(
            .ordering,
            options: ["a", "b", "c", "d"].map { BankQuestion.Option(key: $0, text: "Step \($0)") })
        XCTAssertEqual(QuestionScoring.score(.order(["a", "b", "c", "d"]), for: ordering), 1)
        XCTAssertEqual(QuestionScoring.score(.order(["d", "c", "b", "a"]), for: ordering), 0)
        XCTAssertEqual(
            try XCTUnwrap(QuestionScoring.score(.order(["b", "a", "c", "d"]), for: ordering)), 5.0 / 6,
            accuracy: 1e-12, "one swapped pair of six")
        XCTAssertEqual(QuestionScoring.score(.order(["a", "b", "c"]), for: ordering), 0, "an item left out")
        XCTAssertEqual(QuestionScoring.score(.order(["a", "b", "c", "c"]), for: ordering), 0, "an item twice")
    }

    func test_aScenario_waitsForItsAssessor_andTheRubricStepGivesItsScore() {
        let scenario = question(
            .scenario, rubric: ["Restates the request", "Proposes within policy", "Weighs cost and precedent"])
        XCTAssertNil(QuestionScoring.score(.text("I would ask the customer first."), for: scenario))
        XCTAssertEqual(QuestionScoring.rubricScore(step: 0, of: scenario), 0)
        XCTAssertEqual(QuestionScoring.rubricScore(step: 1, of: scenario), 0.5)
        XCTAssertEqual(QuestionScoring.rubricScore(step: 2, of: scenario), 1)
        XCTAssertNil(QuestionScoring.rubricScore(step: 3, of: scenario))
    }

    func test_problems_nameWhatMakesAQuestionUnusable() {
        XCTAssertEqual(question(.multipleChoice, options: threeOptions).problems().map(english), [])
        XCTAssertEqual(
            question(.singleChoice, options: threeOptions).problems().map(english),
            ["A single-choice question needs exactly one right option."])
        XCTAssertEqual(
            question(.numeric, tolerance: -1).problems().map(english),
            ["A numeric question needs its answer.", "The tolerance is a number from 0."])
        XCTAssertEqual(
            question(.scenario, rubric: ["Only one"]).problems().map(english),
            ["A scenario needs a rubric of at least two steps."])
        var blank = question(
            .trueFalse, options: [.init(key: "t", text: "True", isCorrect: true), .init(key: "t", text: "")])
        blank.prompt = " "
        blank.level = 3
        XCTAssertEqual(
            blank.problems().map(english),
            [
                "The question is empty.", "The level is not one of the standards' 3.", "Two options share a key.",
                "An option has no text.",
            ])
    }

    func test_scoringSheet_givesTheAnalysisTheOptionsChosenByPlace() {
        let single = question(
            .singleChoice, options: [.init(key: "x", text: "Yes"), .init(key: "y", text: "No", isCorrect: true)])
        let multiple = question(.multipleChoice, options: threeOptions)
        let numeric = question(.numeric, answer: 42)
        let scenario = question(.scenario, rubric: ["Weak", "Strong"])
        let questions = [single, multiple, numeric, scenario]
        let paper = AttemptPaper(
            items: questions.map { .init(questionID: $0.id, version: 1, optionOrder: $0.options.map(\.key)) })
        let sheet = AttemptScoring.Sheet(
            paper: paper, questions: Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0) }))
        let answers: [UUID: GivenAnswer] = [
            single.id: .choices(["y"]), multiple.id: .choices(["c", "b", "c"]), numeric.id: .number(41),
            scenario.id: .text("I would ask first."),
        ]

        let analysed = sheet.analysed(answers: answers)

        XCTAssertEqual(
            analysed,
            [
                ItemAnalysis.Answer(score: 1, options: [1]), ItemAnalysis.Answer(score: 0, options: [1, 2]),
                ItemAnalysis.Answer(score: 0, options: []), nil,
            ])
        XCTAssertEqual(
            sheet.outcome(answers: answers, assessed: [scenario.id: 1], passMark: 0.5).questionScores,
            analysed.enumerated().map { $1?.score ?? ($0 == 3 ? 1 : nil) }, "the outcome and the analysis agree")
        XCTAssertEqual(
            sheet.analysed(answers: [single.id: .choices(["z"])])[0], ItemAnalysis.Answer(score: 0, options: []),
            "an option the question does not have is counted as none")
    }

    private func english(_ text: CatalogueText) -> String { text.text(in: Localizer(.english)) }
}
