import AcumenCore
import XCTest

final class ItemAnalysisTests: XCTestCase {
    /// Twelve attempts of five right-or-wrong questions; the expected figures were computed
    /// with numpy (KR-20 from p·q and the totals' variance, each point-biserial as the Pearson
    /// correlation of the question with the rest of the check, the SEM from the totals' sample
    /// standard deviation).
    private let rightOrWrong: [[Double]] = [
        [1, 1, 1, 1, 0], [1, 1, 1, 0, 1], [1, 1, 0, 1, 1], [1, 0, 1, 1, 0], [1, 1, 1, 1, 1], [0, 1, 0, 0, 1],
        [1, 0, 0, 1, 0], [0, 0, 1, 0, 0], [1, 1, 1, 1, 1], [0, 0, 0, 1, 0], [1, 1, 0, 0, 0], [0, 0, 0, 0, 1],
    ]

    private func questions(_ count: Int) -> [ItemAnalysis.Question] {
        (1...count).map { ItemAnalysis.Question(id: "Q\($0)") }
    }

    func test_rightOrWrongQuestions_giveKR20_andCorrectedPointBiserials_asNumpyDoes() throws {
        let analysis = ItemAnalysis.compute(
            questions: questions(5), attempts: rightOrWrong.map { $0.map { ItemAnalysis.Answer(score: $0) } })
        XCTAssertEqual(analysis.reliabilityKind, .kr20)
        XCTAssertEqual(try XCTUnwrap(analysis.reliability), 0.5438311688311686, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(analysis.standardErrorOfMeasurement), 1.0316946929174056, accuracy: 1e-12)
        XCTAssertEqual(analysis.completeAttempts, 12)
        let expected = [
            0.5672816854423364, 0.4720774754816658, 0.2672612419124244, 0.16265001215808889, 0.12700012700019053,
        ]
        for (item, discrimination) in zip(analysis.items, expected) {
            XCTAssertEqual(try XCTUnwrap(item.discrimination), discrimination, accuracy: 1e-12, item.questionID)
        }
        let difficulties: [Double] = [8, 7, 6, 7, 6].map { $0 / 12 }
        XCTAssertEqual(analysis.items.map(\.difficulty), difficulties)
        XCTAssertEqual(analysis.items[3].flags, [.weakDiscrimination])
        XCTAssertEqual(analysis.items[0].flags, [])
    }

    func test_partialCredit_givesCronbachsAlpha() throws {
        var attempts = rightOrWrong.map { $0.map { ItemAnalysis.Answer(score: $0) } }
        attempts[0][4] = ItemAnalysis.Answer(score: 0.5)
        let analysis = ItemAnalysis.compute(questions: questions(5), attempts: attempts)
        XCTAssertEqual(analysis.reliabilityKind, .cronbachAlpha)
        XCTAssertNotNil(analysis.reliability)
    }

    func test_aQuestionNotMet_countsOnlyWhereItWasAsked_andLeavesReliabilityToCompleteAttempts() throws {
        var attempts: [[ItemAnalysis.Answer?]] = rightOrWrong.map { $0.map { ItemAnalysis.Answer(score: $0) } }
        attempts[0][0] = nil
        attempts[1][0] = nil
        let analysis = ItemAnalysis.compute(questions: questions(5), attempts: attempts)
        XCTAssertEqual(analysis.items[0].attempts, 10)
        XCTAssertEqual(analysis.items[0].difficulty, 6.0 / 10)
        XCTAssertEqual(analysis.completeAttempts, 10)
    }

    func test_extremes_andAWrongOptionStrongCandidatesPrefer_areFlagged() throws {
        // Q1 everyone gets right, Q2 nobody; on Q3 the strongest choose the wrong "b" and the
        // weakest the right "a".
        let question = ItemAnalysis.Question(
            id: "Q3",
            options: [
                .init(key: "a", isCorrect: true), .init(key: "b", isCorrect: false), .init(key: "c", isCorrect: false),
            ])
        let attempts: [[ItemAnalysis.Answer?]] = (0..<20).map { index in
            let strong = index < 10
            let rest = (0..<4).map { ItemAnalysis.Answer(score: strong || $0 < index % 3 ? 1 : 0) }
            return [ItemAnalysis.Answer(score: 1), ItemAnalysis.Answer(score: 0)]
                + [strong ? ItemAnalysis.Answer(score: 0, options: [1]) : ItemAnalysis.Answer(score: 1, options: [0])]
                + rest
        }
        let analysis = ItemAnalysis.compute(
            questions: [.init(id: "Q1"), .init(id: "Q2"), question] + (4...7).map { .init(id: "Q\($0)") },
            attempts: attempts)
        XCTAssertEqual(analysis.items[0].flags, [.tooEasy])
        XCTAssertNil(analysis.items[0].discrimination, "a question everyone gets right does not vary")
        XCTAssertEqual(analysis.items[1].flags, [.tooHard])
        let third = analysis.items[2]
        XCTAssertTrue(third.flags.contains(.distractorFavoursStrong(option: "b")))
        XCTAssertFalse(third.flags.contains(.distractorFavoursStrong(option: "c")), "nobody chose c")
        XCTAssertEqual(third.options.map(\.chosen), [10, 10, 0])
        XCTAssertEqual(third.options.map(\.share), [0.5, 0.5, 0])
        XCTAssertEqual(third.options[1].strongShare, 1)
        XCTAssertEqual(third.options[1].weakShare, 0)
        XCTAssertLessThan(try XCTUnwrap(third.discrimination), 0)
    }

    func test_tooFewAttemptsOrQuestions_giveNoReliability() {
        let one = ItemAnalysis.compute(questions: questions(5), attempts: [rightOrWrong[0].map { .init(score: $0) }])
        XCTAssertNil(one.reliability)
        XCTAssertNil(one.standardErrorOfMeasurement)
        let single = ItemAnalysis.compute(questions: questions(1), attempts: rightOrWrong.map { [.init(score: $0[0])] })
        XCTAssertNil(single.reliability)
        XCTAssertEqual(single.items.count, 1)
    }
}
