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
