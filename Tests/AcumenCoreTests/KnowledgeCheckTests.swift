import AcumenCore
import Foundation
import XCTest

final class KnowledgeCheckTests: XCTestCase {
    private func choice(_ competency: String, level: Int = 0) -> BankQuestion {
        BankQuestion(
            competencyCode: competency, level: level, kind: .singleChoice, prompt: "Which one?",
            explanation: "This one.",
            options: [
                .init(key: "a", text: "Right", isCorrect: true), .init(key: "b", text: "Wrong"),
                .init(key: "c", text: "Also wrong"),
            ])
    }

    private lazy var bank = (0..<4).map { _ in choice("KE.1") } + (0..<3).map { _ in choice("KE.2", level: 1) }

    func test_aDrawnPaper_takesTheCountsAsked_andTheSameSeedDrawsTheSamePaper() throws {
        let check = KnowledgeCheck(
            title: "Policy basics",
            selection: .drawn([
                .init(competencyCode: "KE.1", level: 0, count: 2), .init(competencyCode: "KE.2", level: 1, count: 3),
            ]),
            passMark: 0.7)
        let paper = try XCTUnwrap(AttemptPaper.draw(for: check, bank: bank, seed: 7))
        let drawn = paper.items.map(\.questionID)
        XCTAssertEqual(drawn.count, 5)
        XCTAssertEqual(Set(drawn).count, 5, "no question twice")
        XCTAssertEqual(
            paper, AttemptPaper.draw(for: check, bank: bank.reversed(), seed: 7), "however the bank was read")
        let others = (1...20).compactMap { AttemptPaper.draw(for: check, bank: bank, seed: UInt64($0)) }
        XCTAssertTrue(others.contains { $0 != paper }, "another seed draws another paper")
        for item in paper.items { XCTAssertEqual(Set(item.optionOrder), ["a", "b", "c"]) }
    }

    func test_aCheckTheBankCannotSupply_namesWhy_andDrawsNothing() {
        let check = KnowledgeCheck(
            title: " ", selection: .drawn([.init(competencyCode: "KE.1", level: 0, count: 9)]), timeLimitMinutes: 0,
            passMark: 1.5, allowedAttempts: 0)
        XCTAssertEqual(
            check.problems(bank: bank).map(english),
            [
                "The check has no title.", "The pass mark is a share above 0 and at most 1.",
                "The time limit is from 1 to 1,440 minutes (a day); leave it empty for no limit.",
                "Allow from 1 to 100 attempts, or leave it empty for no limit.",
                "KE.1 at level 1 has 4 questions; the check draws 9.",
            ])
        XCTAssertNil(AttemptPaper.draw(for: check, bank: bank, seed: 1))
        let fixed = KnowledgeCheck(title: "Fixed", selection: .fixed([bank[0].id, bank[0].id, UUID()]), passMark: 0.5)
        XCTAssertEqual(
            fixed.problems(bank: bank).map(english), ["A question is asked twice.", "A question is not in the bank."])
    }

    func test_optionsKeepTheirOrderWhenNotShuffled_exceptForOrdering() throws {
        var ordering = choice("KE.1")
        ordering.kind = .ordering
        ordering.options = (0..<6).map { BankQuestion.Option(key: "k\($0)", text: "Step \($0)") }
        let check = KnowledgeCheck(
            title: "Fixed", selection: .fixed([bank[0].id, ordering.id]), passMark: 0.5, shufflesOptions: false)
        let papers = (1...10).compactMap { AttemptPaper.draw(for: check, bank: bank + [ordering], seed: UInt64($0)) }
        XCTAssertEqual(papers.count, 10)
        for paper in papers { XCTAssertEqual(paper.items[0].optionOrder, ["a", "b", "c"]) }
        XCTAssertTrue(
            papers.contains { $0.items[1].optionOrder != ordering.options.map(\.key) },
            "an ordering question shown in order would give its answer away")
    }

    func test_submissions_areRefused_afterTheLimit_offThePaper_orTwice() {
        let check = KnowledgeCheck(title: "Timed", selection: .fixed([bank[0].id]), timeLimitMinutes: 20, passMark: 0.5)
        let paper = AttemptPaper(items: [.init(questionID: bank[0].id, version: 1, optionOrder: ["a", "b", "c"])])
        let start = Date(timeIntervalSince1970: 1_000_000)
        let answer: [UUID: GivenAnswer] = [bank[0].id: .choices(["a"])]
        func refusal(_ answers: [UUID: GivenAnswer], after seconds: TimeInterval, submitted: Bool = false)
            -> AttemptRefusal?
        {
            AttemptScoring.refusal(
                of: answers, paper: paper, check: check, startedAt: start, submitted: submitted,
                at: start.addingTimeInterval(seconds))
        }
        XCTAssertNil(refusal(answer, after: 20 * 60 + 29), "within the grace")
        XCTAssertEqual(refusal(answer, after: 20 * 60 + 31), .afterTimeLimit)
        let stray = UUID()
        XCTAssertEqual(refusal([stray: .choices(["a"])], after: 10), .questionNotOnPaper(stray))
        XCTAssertEqual(refusal(answer, after: 10, submitted: true), .alreadySubmitted)
        let limited = KnowledgeCheck(title: "Twice", selection: .fixed([bank[0].id]), passMark: 0.5, allowedAttempts: 2)
        XCTAssertNil(AttemptScoring.refusalToStart(limited, taken: 1))
        XCTAssertEqual(AttemptScoring.refusalToStart(limited, taken: 2), .noAttemptsLeft)
    }

    func test_anOutcome_isTheShareOfPoints_andWaitsForAScenariosAssessor() throws {
        var scenario = choice("KE.1")
        scenario.kind = .scenario
        scenario.options = []
        scenario.rubric = [.init("Weak"), .init("Sound"), .init("Strong")]
        let questions = Dictionary(uniqueKeysWithValues: (Array(bank.prefix(3)) + [scenario]).map { ($0.id, $0) })
        let paper = AttemptPaper(
            items: (Array(bank.prefix(3)) + [scenario]).map { .init(questionID: $0.id, version: 1, optionOrder: []) })
        let answers: [UUID: GivenAnswer] = [
            bank[0].id: .choices(["a"]), bank[1].id: .choices(["b"]), scenario.id: .text("I would propose..."),
        ]
        let waiting = AttemptScoring.outcome(paper: paper, questions: questions, answers: answers, passMark: 0.5)
        XCTAssertNil(waiting.score)
        XCTAssertNil(waiting.passed)
        XCTAssertEqual(waiting.awaitingAssessor, 1)
        XCTAssertEqual(waiting.questionScores, [1, 0, 0, nil], "the third was left unanswered")

        let assessed = AttemptScoring.outcome(
            paper: paper, questions: questions, answers: answers, assessed: [scenario.id: 1], passMark: 0.5)
        XCTAssertEqual(assessed.score, 0.5)
        XCTAssertEqual(assessed.passed, true, "exactly the pass mark passes")
        let failed = AttemptScoring.outcome(
            paper: paper, questions: questions, answers: answers, assessed: [scenario.id: 0.5], passMark: 0.5)
        XCTAssertEqual(failed.passed, false)
    }

    private func english(_ text: CatalogueText) -> String { text.text(in: Localizer(.english)) }
}
