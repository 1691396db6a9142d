import AcumenCore
import XCTest

/// The reliability data of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
/// four observers, twelve units, missing values.
let krippendorff2011 = RatingMatrix(raterMajor: [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
    [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
])

final class KrippendorffAlphaTests: XCTestCase {
    let published = krippendorff2011

    func test_publishedExample_matchesThePaper_toThePrintedPrecision() throws {
        XCTAssertEqual(try XCTUnwrap(KrippendorffAlpha.alpha(published, level: .nominal)), 0.743, accuracy: 0.0005)
        XCTAssertEqual(try XCTUnwrap(KrippendorffAlpha.alpha(published, level: .ordinal)), 0.815, accuracy: 0.0005)
        XCTAssertEqual(try XCTUnwrap(KrippendorffAlpha.alpha(published, level: .interval)), 0.849, accuracy: 0.0005)
        XCTAssertEqual(try XCTUnwrap(KrippendorffAlpha.alpha(published, level: .ratio)), 0.797, accuracy: 0.0005)
    }

    /// Scores with decimals take the path without a coincidence matrix; shifting or scaling the
    /// published table must leave every printed value as it is.
    func test_publishedExample_asScores_matchesThePaper() throws {
        let shifted = RatingMatrix(values: published.values.map { $0.map { $0.map { $0 + 0.25 } } })
        let scaled = RatingMatrix(values: published.values.map { $0.map { $0.map { $0 * 1.37 } } })
        XCTAssertEqual(try XCTUnwrap(KrippendorffAlpha.alpha(shifted, level: .nominal)), 0.743, accuracy: 0.0005)
        XCTAssertEqual(try XCTUnwrap(KrippendorffAlpha.alpha(shifted, level: .ordinal)), 0.815, accuracy: 0.0005)
        XCTAssertEqual(try XCTUnwrap(KrippendorffAlpha.alpha(shifted, level: .interval)), 0.849, accuracy: 0.0005)
        XCTAssertEqual(try XCTUnwrap(KrippendorffAlpha.alpha(scaled, level: .ratio)), 0.797, accuracy: 0.0005)
        XCTAssertEqual(MeasurementLevel.suited(to: shifted).levels, [.interval, .ordinal])
        XCTAssertEqual(MeasurementLevel.suited(to: published).levels, MeasurementLevel.allCases)
        let wide = RatingMatrix(values: [[0, 50], [100, 75], [20, 20]])
        XCTAssertEqual(MeasurementLevel.suited(to: wide).levels, [.interval, .ordinal], "0 to 100 points are scores")
    }

    func test_perfectAgreement_isOne_andNoVariation_isUndefined() {
        let perfect = RatingMatrix(values: [[1, 1, nil], [2, 2, 2], [3, nil, 3]])
        for level in MeasurementLevel.allCases {
            XCTAssertEqual(KrippendorffAlpha.alpha(perfect, level: level) ?? .nan, 1, accuracy: 1e-12, "\(level)")
        }
        XCTAssertNil(KrippendorffAlpha.alpha(RatingMatrix(values: [[2, 2], [2, 2]]), level: .interval))
        XCTAssertNil(KrippendorffAlpha.alpha(RatingMatrix(values: [[1, nil], [nil, 2]]), level: .nominal))
    }

    func test_permutingRatersOrUnits_changesNothing() throws {
        var random = SeededGenerator(seed: 11)
        let table: [[Double?]] = (0..<30).map { _ in
            (0..<6).map { _ in
                Int.random(in: 0..<10, using: &random) < 3 ? nil : Double(Int.random(in: 1...5, using: &random))
            }
        }
        let shuffledUnits = table.shuffled(using: &random)
        let order = Array(0..<6).shuffled(using: &random)
        let shuffledRaters = table.map { row in order.map { row[$0] } }
        for level in MeasurementLevel.allCases {
            let base = try XCTUnwrap(KrippendorffAlpha.alpha(RatingMatrix(values: table), level: level))
            XCTAssertEqual(
                KrippendorffAlpha.alpha(RatingMatrix(values: shuffledUnits), level: level) ?? .nan, base,
                accuracy: 1e-12)
            XCTAssertEqual(
                KrippendorffAlpha.alpha(RatingMatrix(values: shuffledRaters), level: level) ?? .nan, base,
                accuracy: 1e-12)
        }
    }

    func test_unitsWithOneRating_areIgnored() {
        let base = RatingMatrix(values: [[1, 2], [2, 2], [3, 3]])
        let withLoneRatings = RatingMatrix(values: [[1, 2], [2, 2], [3, 3], [5, nil], [nil, 4]])
        XCTAssertEqual(
            KrippendorffAlpha.alpha(base, level: .interval) ?? .nan,
            KrippendorffAlpha.alpha(withLoneRatings, level: .interval) ?? .nan, accuracy: 1e-12)
    }
}

final class BootstrapIntervalTests: XCTestCase {
    let published = krippendorff2011

    func test_interval_holdsTheEstimate_andIsRepeatable() throws {
        let alpha = try XCTUnwrap(KrippendorffAlpha.alpha(published, level: .interval))
        let interval = try XCTUnwrap(BootstrapInterval.krippendorffAlpha(published, level: .interval, samples: 500))
        XCTAssertLessThan(interval.lower, alpha)
        XCTAssertGreaterThan(interval.upper, alpha)
        XCTAssertLessThanOrEqual(interval.upper, 1)
        XCTAssertEqual(BootstrapInterval.krippendorffAlpha(published, level: .interval, samples: 500), interval)
        XCTAssertNotEqual(
            BootstrapInterval.krippendorffAlpha(published, level: .interval, samples: 500, seed: 2), interval)
    }

    func test_perfectAgreement_givesAnIntervalOfOne_andMoreUnitsANarrowerOne() throws {
        let perfect = RatingMatrix(values: [[1, 1], [2, 2], [3, 3], [1, 1], [2, 2]])
        let sure = try XCTUnwrap(BootstrapInterval.krippendorffAlpha(perfect, level: .ordinal, samples: 200))
        XCTAssertEqual(sure.lower, 1, accuracy: 1e-12)
        XCTAssertEqual(sure.upper, 1, accuracy: 1e-12)

        var generator = SeededGenerator(seed: 5)
        func table(units: Int) -> RatingMatrix {
            RatingMatrix(
                values: (0..<units).map { _ in
                    let truth = Double(Int.random(in: 1...5, using: &generator))
                    return (0..<4).map { _ in truth + Double(Int.random(in: -1...1, using: &generator)) }
                })
        }
        let few = try XCTUnwrap(BootstrapInterval.krippendorffAlpha(table(units: 20), level: .interval, samples: 300))
        let many = try XCTUnwrap(BootstrapInterval.krippendorffAlpha(table(units: 400), level: .interval, samples: 300))
        XCTAssertLessThan(many.upper - many.lower, few.upper - few.lower)
    }
}

/// Whole-number tables are counted by a dense path; tables with fractions by the general one.
/// Shifting every value by a half (or, for ratio, scaling it) changes no alpha, and moves the
/// table from one path to the other, so the two paths must agree on any table.
final class DenseScalePathTests: XCTestCase {
    func randomTable(units: Int, raters: Int, scale: [Double], missing: Double, seed: UInt64) -> [[Double?]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<units).map { _ in
            (0..<raters).map { _ in
                Double.random(in: 0..<1, using: &generator) < missing ? nil : scale.randomElement(using: &generator)
            }
        }
    }

    func test_wholeNumberAndFractionalTables_giveTheSameAlpha() throws {
        let scales: [[Double]] = [[1, 2, 3, 4, 5], [1, 5], [-3, 0, 2, 9], [0, 1], [10, 11, 12, 40]]
        for (index, scale) in scales.enumerated() {
            let values = randomTable(units: 60, raters: 7, scale: scale, missing: 0.3, seed: UInt64(index + 1))
            let whole = RatingMatrix(values: values)
            let shifted = RatingMatrix(values: values.map { $0.map { $0.map { $0 + 0.5 } } })
            let scaled = RatingMatrix(values: values.map { $0.map { $0.map { $0 * 1.1 } } })
            for level in [MeasurementLevel.nominal, .ordinal, .interval] {
                let a = try XCTUnwrap(KrippendorffAlpha.alpha(whole, level: level), "\(scale) \(level)")
                let b = try XCTUnwrap(KrippendorffAlpha.alpha(shifted, level: level), "\(scale) \(level)")
                XCTAssertEqual(a, b, accuracy: 1e-12, "\(scale) \(level)")
            }
            if !scale.contains(where: { $0 < 0 }) {
                let a = try XCTUnwrap(KrippendorffAlpha.alpha(whole, level: .ratio))
                let b = try XCTUnwrap(KrippendorffAlpha.alpha(scaled, level: .ratio))
                XCTAssertEqual(a, b, accuracy: 1e-12, "\(scale) ratio")
            }
            let complete = randomTable(units: 40, raters: 5, scale: scale, missing: 0, seed: UInt64(index + 100))
            XCTAssertEqual(
                try XCTUnwrap(FleissKappa.kappa(RatingMatrix(values: complete))),
                try XCTUnwrap(FleissKappa.kappa(RatingMatrix(values: complete.map { $0.map { $0.map { $0 + 0.5 } } }))),
                accuracy: 1e-12, "\(scale) Fleiss")
        }
    }

    /// Large tables are counted in parts on every core; the sum must equal one pass.
    func test_aTableLargeEnoughToSplitAcrossCores_givesTheSameAlpha() throws {
        let values = randomTable(units: 400, raters: 700, scale: [1, 2, 3, 4, 5], missing: 0.3, seed: 42)
        let whole = RatingMatrix(values: values)
        XCTAssertGreaterThan(whole.cells.count, 250_000)
        let shifted = RatingMatrix(values: values.map { $0.map { $0.map { $0 + 0.5 } } })
        let a = try XCTUnwrap(KrippendorffAlpha.alpha(whole, level: .ordinal))
        let b = try XCTUnwrap(KrippendorffAlpha.alpha(shifted, level: .ordinal))
        XCTAssertEqual(a, b, accuracy: 1e-12)
    }

    func test_fleiss_isUndefinedWhenUnitsHaveDifferentNumbersOfRatings() {
        XCTAssertNil(FleissKappa.kappa(RatingMatrix(values: [[1, 2, 2], [1, nil, 2], [2, 2, 1]])))
        XCTAssertNotNil(FleissKappa.kappa(RatingMatrix(values: [[1, 2, 2], [nil, nil, nil], [2, 2, 1]])))
    }
}
