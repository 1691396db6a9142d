import XCTest

@testable import AcumenCore

final class VendorScoreTests: XCTestCase {
    func test_answeredQuestionnaires_countOftenAndAlways_overAnswersOnTheScale() {
        let score = VendorScore.answered(
            [
                ["q1": .always, "q2": .sometimes, "q3": .dontKnow],
                ["q1": .often, "q2": .never, "q3": .often, "unknown": .always],
            ], competencyOf: ["q1": "OM.1", "q2": "OM.1", "q3": "KE.1"], vendor: "Meridian", year: 2026)
        XCTAssertEqual(score.responses, 2)
        XCTAssertFalse(score.isHost)
        XCTAssertEqual(score.byCompetency["OM.1"], VendorScore.Tally(favourable: 2, scored: 4))
        XCTAssertEqual(
            score.byCompetency["KE.1"], VendorScore.Tally(favourable: 1, scored: 1), "Don't know is left out")
        XCTAssertEqual(
            score.overall, VendorScore.Tally(favourable: 3, scored: 5), "a question the map does not know is left out")
        XCTAssertEqual(score.overall.share, 0.6)
        XCTAssertNil(VendorScore.Tally().share)
    }

    func test_shownResults_leaveWithheldQuestionsOut() {
        let results = CustomerResults(
            responses: 3,
            questions: [
                .init(
                    code: "q1", competencyCode: "OM.1",
                    result: QuestionResult(questionCode: "q1", answers: [.always, .often, .rarely])),
                .init(code: "q2", competencyCode: "OM.1", result: nil),
            ])
        let score = VendorScore.shown([results, results], vendor: "Northwind", year: 2025)
        XCTAssertTrue(score.isHost)
        XCTAssertEqual(score.responses, 6)
        XCTAssertEqual(score.byCompetency["OM.1"], VendorScore.Tally(favourable: 4, scored: 6))
    }
}
