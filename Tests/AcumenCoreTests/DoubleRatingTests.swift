import AcumenCore
import Foundation
import XCTest

final class DoubleRatingTests: XCTestCase {
    let supervisorA = UUID()
    let supervisorB = UUID()

    func subjects(_ count: Int) -> [DoubleRatingPlan.Subject] {
        (0..<count).map {
            DoubleRatingPlan.Subject(personID: UUID(), supervisorPersonID: $0 % 2 == 0 ? supervisorA : supervisorB)
        }
    }

    func test_selection_takesTheShareRoundedUp_andIsTheSameForTheSameSeed() {
        let all = subjects(40)
        XCTAssertEqual(DoubleRatingPlan.select(all, percent: 15, seed: 7).count, 6)
        XCTAssertEqual(DoubleRatingPlan.select(all, percent: 1, seed: 7).count, 1)
        XCTAssertEqual(DoubleRatingPlan.select(all, percent: 0, seed: 7).count, 0)
        XCTAssertEqual(DoubleRatingPlan.select(all, percent: 100, seed: 7).count, 40)
        XCTAssertEqual(
            DoubleRatingPlan.select(all, percent: 15, seed: 7),
            DoubleRatingPlan.select(all.reversed(), percent: 15, seed: 7))
        XCTAssertNotEqual(
            DoubleRatingPlan.select(all, percent: 15, seed: 7), DoubleRatingPlan.select(all, percent: 15, seed: 8))
    }

    func test_assignment_neverTheOwnSupervisor_andSpreadsTheLoad() {
        let raters = [
            DoubleRatingPlan.Rater(userID: UUID(), personID: supervisorA),
            DoubleRatingPlan.Rater(userID: UUID(), personID: supervisorB),
            DoubleRatingPlan.Rater(userID: UUID(), personID: UUID()),
        ]
        let chosen = subjects(12)
        let assignment = DoubleRatingPlan.assign(chosen, raters: raters)
        XCTAssertEqual(assignment.count, 12)
        for subject in chosen {
            let rater = raters.first { $0.userID == assignment[subject.personID] }!
            XCTAssertNotEqual(rater.personID, subject.supervisorPersonID, "never the subject's own supervisor")
        }
        // Raters who supervise none of the subjects share them evenly, least loaded first.
        let outsiders = (0..<3).map { _ in DoubleRatingPlan.Rater(userID: UUID(), personID: UUID()) }
        let even = DoubleRatingPlan.assign(chosen, raters: outsiders)
        let loads = Dictionary(grouping: even.values, by: { $0 }).mapValues(\.count)
        XCTAssertEqual(loads.values.sorted(), [4, 4, 4], "four each")
        let nobody = DoubleRatingPlan.assign(chosen, raters: [raters[0]])
        XCTAssertEqual(nobody.count, 6, "the only rater cannot second-rate their own team")
    }

    func test_drift_followsTheLatestCycle() throws {
        let rater = UUID()
        let (first, second) = (UUID(), UUID())
        var pairs: [RaterDrift.Pair] = []
        for index in 0..<10 {
            pairs.append(
                .init(raterPersonID: rater, cycleID: first, competencyCode: "C\(index)", level: 1, secondLevel: 1))
            // A year later the rater gives one level more than the second rater every time.
            pairs.append(
                .init(raterPersonID: rater, cycleID: second, competencyCode: "C\(index)", level: 2, secondLevel: 1))
        }
        let drift = try XCTUnwrap(
            RaterDrift.compute(pairs, cycleOrder: [first, second], levelCount: 3, thresholds: .standard).first)
        XCTAssertEqual(drift.points.map(\.cycleID), [first, second])
        XCTAssertEqual(drift.points[0].agreement.exactAgreement, 1, accuracy: 1e-12)
        XCTAssertEqual(drift.points[1].agreement.meanDeviation, 1, accuracy: 1e-12)
        XCTAssertTrue(drift.isDrifting)
        XCTAssertTrue(drift.shortfalls.contains { $0.description.contains("more lenient") }, "\(drift.shortfalls)")
        let steady = RaterDrift.compute(
            Array(pairs.prefix(1)), cycleOrder: [first, second], levelCount: 3, thresholds: .standard)
        XCTAssertFalse(try XCTUnwrap(steady.first).isDrifting)
    }
}
