import AcumenCore
import XCTest

final class IntraclassCorrelationTests: XCTestCase {
    /// Table 2 of Shrout and Fleiss (1979): six targets rated by four judges.
    let shroutFleiss = RatingMatrix(values: [
        [9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7],
    ])

    func test_shroutAndFleiss_table4_toThePrintedPrecision() throws {
        let icc = try XCTUnwrap(IntraclassCorrelation.compute(shroutFleiss))
        XCTAssertEqual(icc.icc1, 0.17, accuracy: 0.005)
        XCTAssertEqual(icc.icc2, 0.29, accuracy: 0.005)
        XCTAssertEqual(icc.icc3, 0.71, accuracy: 0.005)
        XCTAssertEqual(icc.icc1k, 0.44, accuracy: 0.005)
        XCTAssertEqual(icc.icc2k, 0.62, accuracy: 0.005)
        XCTAssertEqual(icc.icc3k, 0.91, accuracy: 0.005)
        XCTAssertEqual(icc.completeUnits, 6)
    }

    func test_onlyCompleteUnitsCount_andTooFewGiveNil() {
        var rows = shroutFleiss.values
        rows.append([1, nil, 3, 4])
        XCTAssertEqual(
            IntraclassCorrelation.compute(RatingMatrix(values: rows)), IntraclassCorrelation.compute(shroutFleiss))
        XCTAssertNil(IntraclassCorrelation.compute(RatingMatrix(values: [[1, 2, 3], [1, nil, 2]])))
    }

    func test_perfectAgreement_isOneForEveryForm() throws {
        let icc = try XCTUnwrap(
            IntraclassCorrelation.compute(RatingMatrix(values: [[1, 1, 1], [3, 3, 3], [2, 2, 2]])))
        for value in [icc.icc1, icc.icc2, icc.icc3, icc.icc1k, icc.icc2k, icc.icc3k] {
            XCTAssertEqual(value, 1, accuracy: 1e-12)
        }
    }
}

final class FleissKappaTests: XCTestCase {
    /// The worked example used to teach Fleiss' kappa: ten subjects, fourteen raters, five categories.
    let counts = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]

    func test_workedExample_is0210() throws {
        XCTAssertEqual(try XCTUnwrap(FleissKappa.kappa(counts: counts)), 0.210, accuracy: 0.0005)
    }

    func test_ratingMatrix_givesTheSameAsCounts() throws {
        let matrix = RatingMatrix(
            values: counts.map { row in
                row.enumerated().flatMap { category, count in Array(repeating: Double?(Double(category)), count: count)
                }
            })
        XCTAssertEqual(
            try XCTUnwrap(FleissKappa.kappa(matrix)), try XCTUnwrap(FleissKappa.kappa(counts: counts)), accuracy: 1e-12)
    }

    /// Fleiss (1971): thirty patients, each diagnosed by six psychiatrists into five categories
    /// (the table as the R package irr distributes it, `diagnoses`). Fleiss printed kappa = .430;
    /// irr's `kappam.fleiss` gives 0.4302445.
    func test_fleiss1971_psychiatricDiagnoses() throws {
        let diagnoses: [[Double?]] = [
            [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
            [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
            [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
            [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
            [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
            [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
        ]
        let kappa = try XCTUnwrap(FleissKappa.kappa(RatingMatrix(values: diagnoses)))
        XCTAssertEqual(kappa, 0.430, accuracy: 0.0005, "as Fleiss printed it")
        XCTAssertEqual(kappa, 0.4302445, accuracy: 5e-8, "as irr computes it")
        // Permuting patients, or the order of each patient's diagnoses, changes nothing.
        let permuted = RatingMatrix(values: diagnoses.reversed().map { Array($0.reversed()) })
        XCTAssertEqual(try XCTUnwrap(FleissKappa.kappa(permuted)), kappa, accuracy: 1e-12)
    }

    func test_unequalNumbersOfRatings_giveNil() {
        XCTAssertNil(FleissKappa.kappa(RatingMatrix(values: [[1, 2, 2], [1, nil, 1]])))
        XCTAssertNil(FleissKappa.kappa(counts: [[3, 0], [2, 0]]))
    }
}

final class CohenKappaTests: XCTestCase {
    func test_twoByTwoTable_givesTheTextbookValue() throws {
        // 50 units: both yes 20, first yes only 5, second yes only 10, both no 15.
        // p_o = 0.70, p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.50, so kappa = 0.40.
        let first: [Double?] = Array(repeating: 1, count: 25) + Array(repeating: 0, count: 25)
        let second: [Double?] =
            Array(repeating: 1, count: 20) + Array(repeating: 0, count: 5) + Array(repeating: 1, count: 10)
            + Array(repeating: 0, count: 15)
        XCTAssertEqual(try XCTUnwrap(CohenKappa.kappa(first, second)), 0.40, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(CohenKappa.kappa(second, first)), 0.40, accuracy: 1e-12)
    }

    func test_onlySharedUnitsCount() {
        XCTAssertEqual(CohenKappa.kappa([1, 2, nil, 1], [1, 2, 2, nil]) ?? .nan, 1, accuracy: 1e-12)
        XCTAssertNil(CohenKappa.kappa([1, nil], [nil, 1]))
        XCTAssertNil(CohenKappa.kappa([1, 1], [1, 1]), "no variation: chance agreement is already perfect")
    }
}

final class CronbachAlphaTests: XCTestCase {
    func test_smallExample_computedByHand() throws {
        // Three items, four respondents. Sample item variances 5/3, 5/3 and 2/3 (sum 4); totals
        // 6, 9, 12, 5 with variance 10. alpha = 3/2 * (1 - 4/10) = 0.9.
        let responses: [[Double?]] = [[1, 2, 3], [3, 3, 3], [4, 4, 4], [2, 1, 2]]
        let result = try XCTUnwrap(CronbachAlpha.compute(responses))
        XCTAssertEqual(result.alpha, 0.9, accuracy: 1e-12)
        XCTAssertEqual(result.completeResponses, 4)
    }

    func test_identicalItems_giveOne_andIncompleteResponsesAreLeftOut() throws {
        let responses: [[Double?]] = [[1, 1, 1], [2, 2, 2], [5, 5, 5], [3, nil, 3]]
        let result = try XCTUnwrap(CronbachAlpha.compute(responses))
        XCTAssertEqual(result.alpha, 1, accuracy: 1e-12)
        XCTAssertEqual(result.completeResponses, 3)
        for correlation in result.correctedItemTotal {
            XCTAssertEqual(correlation ?? .nan, 1, accuracy: 1e-12)
        }
        XCTAssertNil(CronbachAlpha.compute([[1, 2], [1, 2]]), "totals that do not vary")
    }
}
