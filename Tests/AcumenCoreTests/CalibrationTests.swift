import AcumenCore
import XCTest

final class WeightedKappaTests: XCTestCase {
    /// Reference values from scikit-learn's `cohen_kappa_score(a, b, weights="quadratic")`.
    func test_quadraticWeighted_matchesScikitLearn() throws {
        let first = [0, 1, 2, 2, 1, 0, 1, 2, 1, 1]
        let second = [0, 1, 1, 2, 2, 0, 0, 2, 1, 2]
        let kappa = try XCTUnwrap(CohenKappa.quadraticWeighted(first, second, categories: 3))
        XCTAssertEqual(kappa, 0.6610169491525424, accuracy: 1e-12)
        let other = try XCTUnwrap(
            CohenKappa.quadraticWeighted([0, 0, 1, 1, 2, 2, 2, 1], [1, 0, 1, 2, 2, 1, 2, 0], categories: 3))
        XCTAssertEqual(other, 0.5897435897435898, accuracy: 1e-12)
    }

    func test_quadraticWeighted_properties() throws {
        let ratings = [0, 2, 1, 1, 2, 0]
        XCTAssertEqual(try XCTUnwrap(CohenKappa.quadraticWeighted(ratings, ratings, categories: 3)), 1, accuracy: 1e-12)
        // Swapping the raters changes nothing; missing pairs are skipped.
        let other = [1, 2, 0, 1, nil, 0]
        XCTAssertEqual(
            CohenKappa.quadraticWeighted(ratings, other, categories: 3),
            CohenKappa.quadraticWeighted(other, ratings, categories: 3))
        XCTAssertEqual(
            CohenKappa.quadraticWeighted(ratings, other, categories: 3),
            CohenKappa.quadraticWeighted([0, 2, 1, 1, 0], [1, 2, 0, 1, 0], categories: 3))
        XCTAssertNil(CohenKappa.quadraticWeighted([1, 1], [1, 1], categories: 3), "no disagreement is expected")
        XCTAssertNil(CohenKappa.quadraticWeighted([0, 3], [0, 1], categories: 3), "3 is off a three-level scale")
    }
}

final class RaterCalibrationTests: XCTestCase {
    typealias Comparison = RaterCalibration.Comparison
    /// Deviations +1, 0, −2, 0, 0 (mean −0.2, sample variance 1.2, t(4) = 2.776445).
    let comparisons = [
        Comparison(competencyCode: "A", rated: 2, master: 1), Comparison(competencyCode: "A", rated: 1, master: 1),
        Comparison(competencyCode: "B", rated: 0, master: 2), Comparison(competencyCode: "B", rated: 1, master: 1),
        Comparison(competencyCode: "C", rated: 2, master: 2),
    ]

    func test_agreementBiasAndInterval_workedByHand() throws {
        let result = try XCTUnwrap(RaterCalibration.compare(comparisons, levelCount: 3))
        XCTAssertEqual(result.ratings, 5)
        XCTAssertEqual(result.exactAgreement, 0.6, accuracy: 1e-12)
        XCTAssertEqual(result.adjacentAgreement, 0.8, accuracy: 1e-12)
        XCTAssertEqual(result.meanDeviation, -0.2, accuracy: 1e-12)
        let interval = try XCTUnwrap(result.deviationInterval)
        XCTAssertEqual(interval.lowerBound, -0.2 - 2.776445 * (0.24).squareRoot(), accuracy: 1e-5)
        XCTAssertEqual(interval.upperBound, -0.2 + 2.776445 * (0.24).squareRoot(), accuracy: 1e-5)
        // scikit-learn, quadratic weights, rated [2,1,0,1,2] against master [1,1,2,1,2].
        XCTAssertEqual(try XCTUnwrap(result.weightedKappa), -0.19047619047619047, accuracy: 1e-12)
        XCTAssertEqual(result.divergences.map(\.competencyCode), ["B", "A"], "furthest first; C agrees")
        XCTAssertEqual(result.divergences[0].meanDeviation, -1, accuracy: 1e-12)
    }

    /// The first release's rule: within one level and bias only.
    let adjacentOnly = CalibrationThresholds(
        minimumAdjacentAgreement: 0.8, maximumAbsoluteBias: 0.3, validForMonths: 12)

    func test_verdict_namesEveryMissedThreshold() throws {
        let result = try XCTUnwrap(RaterCalibration.compare(comparisons, levelCount: 3))
        XCTAssertTrue(result.verdict(adjacentOnly).isCalibrated, "80 % adjacent and |−0.2| < 0.3")
        // Yet this rater agrees with the master less than chance would (kappa −0.19): the
        // standard rule refuses them.
        let standard = result.verdict(.standard)
        XCTAssertFalse(standard.isCalibrated)
        XCTAssertEqual(standard.shortfalls.count, 2, "\(standard.shortfalls)")
        XCTAssertTrue(
            standard.shortfalls[0].description.contains("weighted kappa -0.19"), standard.shortfalls[0].description)
        XCTAssertTrue(
            standard.shortfalls[1].description.contains("within one level"), standard.shortfalls[1].description)
        XCTAssertTrue(
            standard.shortfalls[0].text(Localizer(.german)).contains("gewichtetes Kappa -0,19"),
            standard.shortfalls[0].text(Localizer(.german)))
        let strict = CalibrationThresholds(minimumAdjacentAgreement: 0.9, maximumAbsoluteBias: 0.1, validForMonths: 6)
        let verdict = result.verdict(strict)
        XCTAssertFalse(verdict.isCalibrated)
        XCTAssertEqual(verdict.shortfalls.count, 2)
        XCTAssertTrue(verdict.shortfalls[1].description.contains("more severe"), verdict.shortfalls[1].description)
    }

    func test_lenientRater_positiveBias_andOrderDoesNotMatter() throws {
        let lenient = (0..<6).map {
            Comparison(competencyCode: "C\($0 % 2)", rated: min(2, $0 % 3 + 1), master: $0 % 3)
        }
        let result = try XCTUnwrap(RaterCalibration.compare(lenient, levelCount: 3))
        XCTAssertGreaterThan(result.meanDeviation, 0)
        XCTAssertEqual(RaterCalibration.compare(lenient.reversed(), levelCount: 3), result)
        XCTAssertNil(RaterCalibration.compare([], levelCount: 3))
        XCTAssertNil(try XCTUnwrap(RaterCalibration.compare([lenient[0]], levelCount: 3)).deviationInterval)
    }

    func test_statusExpiresAndRecalibrationIsScheduled() throws {
        let day = try XCTUnwrap(CalendarDate("2026-03-31"))
        let result = try XCTUnwrap(RaterCalibration.compare(comparisons, levelCount: 3))
        let status = CalibrationStatus.after(
            attemptOn: day, verdict: result.verdict(adjacentOnly), thresholds: .standard)
        XCTAssertEqual(status.calibratedUntil, CalendarDate("2027-03-31"))
        XCTAssertTrue(status.isValid(on: try XCTUnwrap(CalendarDate("2027-03-31"))))
        XCTAssertFalse(status.isValid(on: try XCTUnwrap(CalendarDate("2027-04-01"))))
        XCTAssertFalse(status.isValid(on: try XCTUnwrap(CalendarDate("2026-03-30"))), "not before the attempt")
        XCTAssertNil(RecalibrationReason.due(status, on: try XCTUnwrap(CalendarDate("2026-12-01"))))
        XCTAssertEqual(
            RecalibrationReason.due(status, on: try XCTUnwrap(CalendarDate("2027-03-01"))),
            .expiresSoon(on: try XCTUnwrap(CalendarDate("2027-03-31"))))
        XCTAssertEqual(
            RecalibrationReason.due(status, on: try XCTUnwrap(CalendarDate("2027-04-01"))),
            .expired(on: try XCTUnwrap(CalendarDate("2027-03-31"))))
        XCTAssertEqual(RecalibrationReason.due(nil, on: day), .neverCalibrated)
        let failed = CalibrationStatus.after(
            attemptOn: day, verdict: CalibrationVerdict(isCalibrated: false, shortfalls: [.nothingRated]),
            thresholds: .standard)
        XCTAssertNil(failed.calibratedUntil)
        XCTAssertEqual(RecalibrationReason.due(failed, on: day), .notCalibrated(lastAttempt: day))
    }

    func test_thresholdsOutOfRange_areProblems() {
        XCTAssertTrue(CalibrationThresholds.standard.problems.isEmpty)
        let wrong = CalibrationThresholds(minimumAdjacentAgreement: 1.5, maximumAbsoluteBias: 0, validForMonths: 0)
        XCTAssertEqual(wrong.problems.count, 3)
        let wrongAgreement = CalibrationThresholds(
            minimumExactAgreement: -0.1, minimumAdjacentAgreement: 0.8, minimumWeightedKappa: 1.5,
            maximumAbsoluteBias: 0.3, validForMonths: 12)
        XCTAssertEqual(wrongAgreement.problems.map(\.location), ["exact agreement", "weighted kappa"])
    }

    // MARK: Ratings left out

    let cases = [
        ReferenceCase(
            id: UUID(), position: 1, title: "One", kind: .scenario, material: "", link: "", competencyCodes: ["A", "B"]),
        ReferenceCase(
            id: UUID(), position: 2, title: "Two", kind: .scenario, material: "", link: "", competencyCodes: ["A", "C"]),
    ]

    func master(_ level: Int) -> MasterRating {
        MasterRating(
            caseID: UUID(), rating: CompetencyRatingInput(competencyCode: "X"), level: level, rationale: "")
    }

    func rating(_ caseIndex: Int, _ code: String, _ level: Int?) -> CalibrationResults.Rating {
        CalibrationResults.Rating(rater: UUID(), caseID: cases[caseIndex].id, competencyCode: code, level: level)
    }

    func test_competenciesLeftOut_countAgainstTheRater_andBlockCalibration() throws {
        // The master rated A and B in case one and A in case two; C showed nothing to rate.
        let masters = [cases[0].id: ["A": master(1), "B": master(2)], cases[1].id: ["A": master(0)]]
        let perfect = [rating(0, "A", 1), rating(0, "B", 2), rating(1, "A", 0), rating(1, "C", nil)]
        let all = try XCTUnwrap(RaterCalibration.compare(perfect, masters: masters, cases: cases, levelCount: 3))
        XCTAssertEqual(all.missing, 0, "not observed where the master saw nothing agrees")
        XCTAssertEqual(all.exactAgreement, 1)
        XCTAssertTrue(all.verdict(.standard).isCalibrated, "\(all.verdict(.standard).shortfalls)")

        // Leaving out the hard one (B) used to leave a perfect score; now it is a disagreement.
        let skipped = try XCTUnwrap(
            RaterCalibration.compare(
                [rating(0, "A", 1), rating(1, "A", 0), rating(1, "C", nil)], masters: masters, cases: cases,
                levelCount: 3))
        XCTAssertEqual(skipped.missing, 1)
        XCTAssertEqual(skipped.exactAgreement, 2.0 / 3.0, accuracy: 1e-12)
        let verdict = skipped.verdict(adjacentOnly)
        XCTAssertFalse(verdict.isCalibrated, "even the lenient rule needs every competency")
        XCTAssertEqual(verdict.shortfalls.first, .notComparable(missing: 1, total: 3))
        XCTAssertTrue(
            verdict.shortfalls[0].description.hasPrefix("1 of 3 competencies"), verdict.shortfalls[0].description)

        // Not observed (or ticks below Baseline) where the master saw evidence, and a level
        // where the master saw none, are missing too.
        let evasive = try XCTUnwrap(
            RaterCalibration.compare(
                [rating(0, "A", 1), rating(0, "B", nil), rating(1, "A", 0), rating(1, "C", 2)], masters: masters,
                cases: cases, levelCount: 3))
        XCTAssertEqual(evasive.missing, 2)
        XCTAssertEqual(evasive.ratings, 2)
    }
}

final class CalibrationGroupResultTests: XCTestCase {
    let caseIDs = ["case1": UUID(), "case2": UUID(), "case3": UUID()]
    let participantIDs = [UUID(), UUID(), UUID()]
    var units: [(caseID: UUID, competencyCode: String)] {
        [("case1", "A"), ("case1", "B"), ("case2", "A"), ("case2", "B"), ("case3", "A"), ("case3", "B")].map {
            (caseID: caseIDs[$0.0]!, competencyCode: $0.1)
        }
    }

    func rating(participant: Int, caseID: String, competencyCode: String, level: Int?) -> CalibrationResults.Rating {
        CalibrationResults.Rating(
            rater: participantIDs[participant], caseID: caseIDs[caseID]!, competencyCode: competencyCode, level: level)
    }

    /// Three participants agree perfectly on A and disagree on B.
    var ratings: [CalibrationResults.Rating] {
        var ratings: [CalibrationResults.Rating] = []
        let agreedA = [0, 1, 2]
        let scatteredB = [[0, 2, 1], [2, 0, 1], [1, 1, 0]]
        for participant in 0..<3 {
            for (caseIndex, caseID) in ["case1", "case2", "case3"].enumerated() {
                ratings.append(
                    rating(participant: participant, caseID: caseID, competencyCode: "A", level: agreedA[caseIndex]))
                ratings.append(
                    rating(
                        participant: participant, caseID: caseID, competencyCode: "B",
                        level: scatteredB[caseIndex][participant]))
            }
        }
        return ratings
    }

    func test_hardestCompetencyComesFirst_andPerfectAgreementIsOne() throws {
        let result = CalibrationGroupResult.compute(
            ratings: ratings, raters: participantIDs, units: units, bootstrapSamples: 200)
        XCTAssertEqual(result.competencies.map(\.competencyCode), ["B", "A"])
        XCTAssertEqual(try XCTUnwrap(result.competencies[1].ordinalAlpha), 1, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(result.competencies[1].fleissKappa), 1, accuracy: 1e-12)
        XCTAssertLessThan(try XCTUnwrap(result.competencies[0].ordinalAlpha), 0.5)
        XCTAssertEqual(
            try XCTUnwrap(result.competencies[0].pairAgreement), 1.0 / 9, accuracy: 1e-12, "one pair in nine")
        XCTAssertEqual(try XCTUnwrap(result.competencies[1].pairAgreement), 1, accuracy: 1e-12)
        XCTAssertEqual(result.overall.units, 6)
        XCTAssertEqual(result.overall.raters, 3)
        XCTAssertNotNil(result.overall.icc)
        let interval = try XCTUnwrap(result.ordinalAlphaInterval)
        XCTAssertLessThanOrEqual(interval.lower, interval.upper)
    }

    func test_sameAsTheStatisticsCommand_onTheSameTable() throws {
        let result = CalibrationGroupResult.compute(
            ratings: ratings, raters: participantIDs, units: units, bootstrapSamples: 10)
        let table = RatingMatrix(values: [
            [0, 0, 0], [0, 2, 1], [1, 1, 1], [2, 0, 1], [2, 2, 2], [1, 1, 0],
        ])
        XCTAssertEqual(
            result.overall.krippendorffAlpha.map(\.1),
            AgreementReport.compute(table, raterNames: ["a", "b", "c"]).krippendorffAlpha.map(\.1))
    }

    func test_notObservedIsMissing_andPermutingParticipantsChangesNothing() throws {
        var withGap = ratings
        withGap[0].level = nil
        let permuted = withGap.map { rating in
            var moved = rating
            moved.rater = participantIDs[2 - participantIDs.firstIndex(of: rating.rater)!]
            return moved
        }
        let first = CalibrationGroupResult.compute(
            ratings: withGap, raters: participantIDs, units: units, bootstrapSamples: 10)
        let second = CalibrationGroupResult.compute(
            ratings: permuted, raters: participantIDs, units: units, bootstrapSamples: 10)
        XCTAssertEqual(first.overall.krippendorffAlpha.map(\.1), second.overall.krippendorffAlpha.map(\.1))
        XCTAssertEqual(first.overall.icc?.completeUnits, 5, "the unit with a gap is left out of the ICC")
    }

    func test_aCompetencyOnlyOneCaseShows_hasPairAgreementButNoAlpha() throws {
        let oneCase = ratings.filter { $0.caseID == caseIDs["case1"] }
        let result = CalibrationGroupResult.compute(
            ratings: oneCase, raters: participantIDs, units: Array(units.prefix(2)), bootstrapSamples: 10)
        let b = try XCTUnwrap(result.competencies.first { $0.competencyCode == "B" })
        XCTAssertEqual(b.units, 1)
        XCTAssertNil(b.ordinalAlpha, "one case cannot show whether raters tell cases apart")
        XCTAssertNil(b.fleissKappa)
        XCTAssertEqual(try XCTUnwrap(b.pairAgreement), 0, accuracy: 1e-12)
    }

    func test_levelDistribution_countsNotObservedApart() {
        let distribution = LevelDistribution(levels: [0, 2, 2, nil, 1, 2], levelCount: 3)
        XCTAssertEqual(distribution.counts, [1, 1, 3])
        XCTAssertEqual(distribution.notObserved, 1)
        XCTAssertEqual(distribution.total, 6)
    }
}

final class StudentTTests: XCTestCase {
    func test_criticalValues_matchSciPy() {
        // scipy.stats.t.ppf(0.975, df)
        XCTAssertEqual(StudentT.critical95(degreesOfFreedom: 1), 12.706205, accuracy: 1e-6)
        XCTAssertEqual(StudentT.critical95(degreesOfFreedom: 10), 2.228139, accuracy: 1e-6)
        XCTAssertEqual(StudentT.critical95(degreesOfFreedom: 31), 2.039513, accuracy: 1e-4)
        XCTAssertEqual(StudentT.critical95(degreesOfFreedom: 40), 2.021075, accuracy: 1e-4)
        XCTAssertEqual(StudentT.critical95(degreesOfFreedom: 100), 1.983972, accuracy: 1e-4)
    }
}

final class RaterFormFieldsRoundTripTests: XCTestCase {
    func test_fieldsFromRatings_readBackAsTheSameRatings() {
        let framework = GlobalMobilityAccountManagerFramework.content
        let codes = framework.competencies.prefix(3).map(\.code)
        let ratings = [
            CompetencyRatingInput(competencyCode: codes[0], observed: [0: [0, 1], 1: [2]], comment: "Clear notes"),
            CompetencyRatingInput(competencyCode: codes[1], notObserved: true),
            CompetencyRatingInput(competencyCode: codes[2], overrideLevel: 2, overrideReason: "Led the review"),
        ]
        let fields = RaterFormFields.fields(from: ratings)
        XCTAssertEqual(fields[RaterFormFields.behaviour(codes[0], level: 1, position: 2)], "on")
        XCTAssertEqual(RaterFormFields.ratings(from: fields, framework: framework), ratings)
        XCTAssertEqual(RaterFormFields.ratings(from: fields, framework: framework.showing([codes[1]])), [ratings[1]])
    }
}

final class AgreementReadingTests: XCTestCase {
    func test_alphaIsReadAgainstKrippendorffsBars() {
        XCTAssertEqual(AgreementReading.of(alpha: 0.85), .good)
        XCTAssertEqual(AgreementReading.of(alpha: 0.8), .good)
        XCTAssertEqual(AgreementReading.of(alpha: 0.7), .moderate)
        XCTAssertEqual(AgreementReading.of(alpha: 0.4), .little)
        XCTAssertEqual(AgreementReading.of(alpha: 0.1), .chance)
        XCTAssertEqual(AgreementReading.of(alpha: -0.1), .chance)
        XCTAssertEqual(AgreementReading.of(alpha: nil), .notEnoughRatings)
    }
}
