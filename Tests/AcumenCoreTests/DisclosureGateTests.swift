import AcumenCore
import XCTest

final class DisclosureGateTests: XCTestCase {
    let questionnaire = GlobalMobilityQuestionnaire.questionnaire

    func test_whileCollecting_nothingAnonymousIsPermitted_andNamedSourcesAreShown() {
        let gate = DisclosureGate.collecting(rules: .standard)
        XCTAssertFalse(gate.permits(.everyone))
        let plan = gate.plan(
            responses: [.self: 1, .peer: 7, .customer: 9], subjectID: "x", sources: Set(RaterSource.allCases))
        XCTAssertEqual(plan.decision(for: .self), .shown)
        XCTAssertEqual(plan.decision(for: .peer), .afterClose)
        XCTAssertEqual(plan.groups.first { $0.source == .customer }?.responses, 0, "not even a count")
        XCTAssertEqual(ResponseProgress.of(source: .peer, count: 2, rules: .standard), .belowMinimum)
        XCTAssertEqual(ResponseProgress.roundedTotal(47), 40)
    }

    /// Random cycles: for every question, any two slices whose figures are both shown, one
    /// inside the other, differ by no scorer or by at least the minimum, and every shown
    /// slice has at least the minimum of scorers. Subtraction cannot single out one answer.
    func test_perQuestionFigures_cannotBeSubtractedDownToFewerThanTheMinimum() {
        var generator = SeededGenerator(seed: 2026)
        let codes = ["OM.1-a", "OM.1-b", "OM.2-a"]
        for _ in 0..<40 {
            let count = Int.random(in: 3...40, using: &generator)
            let customers = (0..<count).map { _ in
                CustomerResponseFacts(
                    attributes: [
                        "subject": "s\(Int.random(in: 0..<5, using: &generator))",
                        "team": "t\(Int.random(in: 0..<3, using: &generator))",
                        "account": "a\(Int.random(in: 0..<6, using: &generator))",
                    ],
                    scored: Set(codes.filter { _ in Double.random(in: 0..<1, using: &generator) < 0.7 }))
            }
            let gate = DisclosureGate.settled(rules: .standard, customers: customers, questionCodes: codes)
            for code in codes {
                let shown = gate.catalog.permitted.filter { gate.permits(question: code, in: $0) }
                let scorers = shown.map { slice in
                    Set(
                        customers.indices.filter {
                            slice.contains(customers[$0].attributes) && customers[$0].scored.contains(code)
                        })
                }
                for (index, members) in scorers.enumerated() {
                    XCTAssertGreaterThanOrEqual(members.count, 3, "\(shown[index]) for \(code)")
                    for other in scorers where other.isStrictSubset(of: members) {
                        let difference = members.count - other.count
                        XCTAssertTrue(difference == 0 || difference >= 3, "\(shown[index]) for \(code)")
                    }
                }
            }
        }
    }

    func test_aReport_leavesWithheldQuestionsOutOfItsMeans() throws {
        // Three customers of one account manager; only one of them could answer OM.1-b.
        let customers = [
            CustomerResponseRecord(answers: ["OM.1-a": .often, "OM.1-b": .never], comments: [:]),
            CustomerResponseRecord(answers: ["OM.1-a": .often, "OM.1-b": .dontKnow], comments: [:]),
            CustomerResponseRecord(answers: ["OM.1-a": .often, "OM.1-b": .dontKnow], comments: [:]),
        ]
        let gate = DisclosureGate.settled(
            rules: .standard,
            customers: customers.map {
                CustomerResponseFacts(
                    attributes: ["subject": "x"], scored: Set($0.answers.filter { $0.value.score != nil }.keys))
            }, questionCodes: questionnaire.questions.map(\.code))
        let report = gate.report(
            subjectID: "x", sources: [.customer], framework: GlobalMobilityAccountManagerFramework.content,
            targets: [:], internalResponses: [], customers: customers, questionnaire: questionnaire)
        XCTAssertEqual(report.plan.decision(for: .customer), .shown)
        XCTAssertTrue(report.withheldQuestions.contains("OM.1-b"))
        XCTAssertNil(report.questions.first { $0.questionCode == "OM.1-b" })
        let row = try XCTUnwrap(report.rows.first { $0.competency.competencyCode == "OM.1" })
        XCTAssertEqual(try XCTUnwrap(row.customerMean), 4, accuracy: 1e-12, "the lone Never is not in the mean")
    }
}

final class CalibrationDistributionTests: XCTestCase {
    /// Participants submit one after another; each reads their distribution after every new
    /// submission. No reading may differ from the reader's previous one by fewer than three
    /// other people, or the newcomers' levels could be worked out.
    func test_theOtherParticipantsDistribution_changesOnlyByThreeOrMoreOthers() {
        let caseID = UUID()
        let referenceCase = ReferenceCase(
            id: caseID, position: 1, title: "Renewal", kind: .scenario, material: "", link: "",
            competencyCodes: ["OM.1"])
        let people = (0..<11).map { _ in UUID() }
        var previous: [UUID: Int] = [:]
        for submitted in 1...people.count {
            let order = Array(people.prefix(submitted))
            let results = CalibrationResults.compute(
                cases: [referenceCase], masters: [:],
                ratings: order.enumerated().map {
                    .init(rater: $0.element, caseID: caseID, competencyCode: "OM.1", level: $0.offset % 3)
                },
                raters: order.sorted { $0.uuidString < $1.uuidString }, submissionOrder: order, levelCount: 3,
                bootstrapSamples: 10)
            for reader in order {
                let seen =
                    results.peerDistribution(caseID: caseID, competencyCode: "OM.1", excluding: reader).map {
                        $0.counts.reduce(0, +) + $0.notObserved
                    } ?? 0
                let change = seen - (previous[reader] ?? 0)
                XCTAssertTrue(change == 0 || change >= 3, "reader \(reader) saw \(change) more after \(submitted)")
                XCTAssertTrue(seen == 0 || seen >= 3)
                previous[reader] = seen
            }
        }
        XCTAssertGreaterThan(previous[people[0]] ?? 0, 0, "early participants do see a distribution in the end")
    }
}
