import AcumenCore
import XCTest

final class QuestionnaireQualityTests: XCTestCase {
    /// Twelve respondents, four items; reference values from pingouin 0.5
    /// (`pingouin.cronbach_alpha`) and numpy's correlation of each item with the others' sum.
    let twelveByFour: [[Double?]] = [
        [5, 4, 5, 5], [3, 5, 3, 4], [5, 3, 4, 3], [5, 4, 5, 5], [3, 3, 3, 3], [4, 5, 5, 5], [5, 5, 5, 5],
        [2, 1, 3, 1], [2, 1, 1, 1], [2, 1, 1, 2], [3, 2, 3, 3], [5, 5, 5, 5],
    ]

    func test_cronbachAlpha_andCorrectedItemTotals_matchPingouin() throws {
        let result = try XCTUnwrap(CronbachAlpha.compute(twelveByFour))
        XCTAssertEqual(result.alpha, 0.9556803995006242, accuracy: 1e-12)
        let expected = [0.8698868042111789, 0.8752969321601056, 0.9012416683742452, 0.9419945195798336]
        for (value, reference) in zip(result.correctedItemTotal, expected) {
            XCTAssertEqual(try XCTUnwrap(value), reference, accuracy: 1e-12)
        }
        // Permuting respondents changes nothing.
        XCTAssertEqual(CronbachAlpha.compute(twelveByFour.reversed())?.alpha ?? 0, result.alpha, accuracy: 1e-12)
    }

    func test_quality_countsDontKnow_flagsStraightLining_andGroupsByCategory() throws {
        let framework = GlobalMobilityAccountManagerFramework.content
        let questionnaire = GlobalMobilityQuestionnaire.questionnaire
        let answers = FrequencyAnswer.allCases.filter { $0 != .dontKnow }
        var responses: [[String: FrequencyAnswer]] = []
        for respondent in 0..<8 {
            var response: [String: FrequencyAnswer] = [:]
            for (position, question) in questionnaire.questions.enumerated() {
                response[question.code] = answers[(respondent + position % 2) % answers.count]
            }
            responses.append(response)
        }
        let first = questionnaire.questions[0].code
        responses[0][first] = .dontKnow
        responses[1][first] = .dontKnow
        let allOften = Dictionary(
            uniqueKeysWithValues: questionnaire.questions.map { ($0.code, FrequencyAnswer.often) })
        responses.append(allOften)

        let quality = QuestionnaireQuality.compute(
            responses: responses, questionnaire: questionnaire, framework: framework)
        XCTAssertEqual(quality.responses, 9)
        XCTAssertEqual(quality.straightLined, [8])
        let question = try XCTUnwrap(quality.questions.first { $0.code == first })
        XCTAssertEqual(question.dontKnow, 2)
        XCTAssertEqual(try XCTUnwrap(question.dontKnowShare), 2.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(quality.categories.map(\.code), framework.categories.map(\.code))
        XCTAssertEqual(
            quality.categories.flatMap(\.questionCodes).sorted(), questionnaire.questions.map(\.code).sorted())
        let consistency = try XCTUnwrap(quality.categories[0].consistency)
        XCTAssertEqual(consistency.completeResponses, 7, "the two Don't know responses are incomplete")
        XCTAssertFalse(consistency.isReadable, "seven complete responses are too few to read alpha")
        XCTAssertNil(question.correctedItemTotal, "nor the item-total correlations")
    }

    func test_alphaFromTwoResponses_canBeAbsurd_andIsNotReadable() throws {
        // Two respondents, three items: alpha far below zero, as measurement quality once showed.
        let alpha = try XCTUnwrap(CronbachAlpha.compute([[1, 3, 2], [2, 1, 4]]))
        XCTAssertLessThan(alpha.alpha, -1)
        XCTAssertFalse(alpha.isReadable)
        var many: [[Double?]] = []
        for row in 0..<10 {
            let score = Double(row % 4)
            many.append([score, score, Double((row + 1) % 4)])
        }
        XCTAssertTrue(try XCTUnwrap(CronbachAlpha.compute(many)).isReadable)
    }

    func test_straightLining_needsEnoughScoredAnswers_andIgnoresDontKnow() {
        let codes = (1...6).map { "Q\($0)" }
        var answers = Dictionary(uniqueKeysWithValues: codes.map { ($0, FrequencyAnswer.always) })
        XCTAssertTrue(QuestionnaireQuality.isStraightLined(answers))
        answers["Q1"] = .dontKnow
        XCTAssertTrue(QuestionnaireQuality.isStraightLined(answers), "five scored, all Always")
        answers["Q2"] = .dontKnow
        XCTAssertFalse(QuestionnaireQuality.isStraightLined(answers), "four scored answers prove little")
        answers["Q2"] = .often
        XCTAssertFalse(QuestionnaireQuality.isStraightLined(answers))
    }
}

final class RatingDistributionTests: XCTestCase {
    func test_binomialTail_matchesSciPy() throws {
        // scipy.stats.binom.sf(k - 1, n, 0.2)
        let ten = RatingDistribution(levels: [0, 0, 1, 1] + Array(repeating: 2, count: 6), levelCount: 3)
        XCTAssertEqual(try XCTUnwrap(ten.expertExcessProbability), 0.0063693824, accuracy: 1e-12)
        XCTAssertTrue(ten.isPossibleInflation)
        let three = RatingDistribution(levels: Array(repeating: 1, count: 7) + [2, 2, 2], levelCount: 3)
        XCTAssertEqual(try XCTUnwrap(three.expertExcessProbability), 0.3222004736, accuracy: 1e-10)
        XCTAssertFalse(three.isPossibleInflation, "30 % of ten can be chance")
        let hundred = RatingDistribution(
            levels: Array(repeating: 1, count: 70) + Array(repeating: 2, count: 30), levelCount: 3)
        XCTAssertEqual(try XCTUnwrap(hundred.expertExcessProbability), 0.011248978720991648, accuracy: 1e-12)
        XCTAssertTrue(hundred.isPossibleInflation, "30 % of a hundred is not")
    }

    func test_shares_andSmallCountsAreNotJudged() throws {
        let distribution = RatingDistribution(levels: [0, 1, 1, 2, 7, -1], levelCount: 3)
        XCTAssertEqual(distribution.counts, [1, 2, 1], "off-scale values are not ratings")
        XCTAssertEqual(try XCTUnwrap(distribution.expertShare), 0.25, accuracy: 1e-12)
        let allExpert = RatingDistribution(levels: [2, 2, 2, 2], levelCount: 3)
        XCTAssertFalse(allExpert.isPossibleInflation, "four ratings are too few to judge")
        XCTAssertNil(RatingDistribution(levels: [], levelCount: 3).expertShare)
    }
}
