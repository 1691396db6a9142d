import AcumenCore
import XCTest

final class RaterFormFieldsTests: XCTestCase {
    let framework = GlobalMobilityAccountManagerFramework.content
    let questionnaire = GlobalMobilityQuestionnaire.questionnaire

    func test_fields_becomeRatings_withCodesThatContainSeparators() {
        let fields = [
            "b:0:0:OM.1": "on", "b:0:1:OM.1": "on", "b:1:2:OM.1": "on", "none:OM.2": "on", "override:OM.3": "2",
            "reason:OM.3": "Led the renewal", "comment:OM.1": "Reliable",
        ]
        let ratings = RaterFormFields.ratings(from: fields, framework: framework)
        XCTAssertEqual(ratings.map(\.competencyCode), ["OM.1", "OM.2", "OM.3"])
        XCTAssertEqual(ratings[0].observed, [0: [0, 1], 1: [2]])
        XCTAssertEqual(ratings[0].comment, "Reliable")
        XCTAssertTrue(ratings[1].notObserved)
        XCTAssertEqual(ratings[2].overrideLevel, 2)
        XCTAssertEqual(ratings[2].level(in: framework), 2)
    }

    func test_autosaveFields_areChecked_againstTheForm() {
        func problem(_ name: String, _ value: String, _ source: RaterSource = .peer) -> String? {
            RaterFormFields.problem(
                name: name, value: value, source: source, framework: framework, questionnaire: questionnaire)
        }
        XCTAssertNil(problem("b:0:0:OM.1", "on"))
        XCTAssertNil(problem("b:0:0:OM.1", ""))
        XCTAssertNotNil(problem("b:0:9:OM.1", "on"), "no such behaviour")
        XCTAssertNotNil(problem("b:0:0:XX.1", "on"), "no such competency")
        XCTAssertNotNil(problem("b:0:0:OM.1", "yes"))
        XCTAssertNotNil(problem("override:OM.1", "3"), "no fourth level")
        XCTAssertNotNil(problem("q:OM.1-a", "often"), "a peer has no questionnaire")
        XCTAssertNil(problem("q:OM.1-a", "often", .customer))
        XCTAssertNotNil(problem("q:OM.1-a", "sometimes-ish", .customer))
        XCTAssertNotNil(problem("b:0:0:OM.1", "on", .customer), "a customer has no behaviour grid")
        XCTAssertNotNil(problem("comment:OM.1", String(repeating: "x", count: TextLimits.description + 1)))
    }

    func test_answers_leaveOutBlanks_andReportValuesOffTheScale() {
        let fields = ["q:OM.1-a": "often", "q:OM.1-b": "", "q:OM.2-a": "loud"]
        XCTAssertEqual(RaterFormFields.answers(from: fields, questionnaire: questionnaire), ["OM.1-a": .often])
        XCTAssertEqual(
            RaterFormFields.invalidAnswers(in: fields, questionnaire: questionnaire).map(\.message),
            ["'loud' is not on the scale"])
    }
}

/// A report as the gate of a settled cycle builds it, with the customers' slice permitted or
/// not and every question disclosed: the report's own rules, without the catalogue around them.
func buildReport(
    framework: FrameworkContent, targets: [String: Int], internalResponses: [InternalResponseRecord],
    customers: [CustomerResponseRecord], questionnaire: Questionnaire, rules: AnonymityRules,
    customersMayBeShown: Bool = true
) -> PersonReport {
    var counts: [RaterSource: Int] = [:]
    for response in internalResponses { counts[response.source, default: 0] += 1 }
    if !customers.isEmpty { counts[.customer] = customers.count }
    return PersonReport.build(
        framework: framework, targets: targets, internalResponses: internalResponses,
        customers: customersMayBeShown ? customers : [], questionnaire: questionnaire, rules: rules,
        plan: PersonReport.plan(responses: counts, rules: rules, customersMayBeShown: customersMayBeShown),
        disclosedQuestions: Set(questionnaire.questions.map(\.code)))
}

final class PersonReportTests: XCTestCase {
    let framework = GlobalMobilityAccountManagerFramework.content
    let questionnaire = GlobalMobilityQuestionnaire.questionnaire

    func rating(_ source: RaterSource, _ level: Int?, comment: String? = nil) -> InternalResponseRecord {
        InternalResponseRecord(
            source: source, levels: ["OM.1": level], comments: comment.map { ["OM.1": $0] } ?? [:])
    }

    func customer(_ answer: FrequencyAnswer, comment: String? = nil) -> CustomerResponseRecord {
        CustomerResponseRecord(answers: ["OM.1-a": answer], comments: comment.map { ["OM.1-a": $0] } ?? [:])
    }

    func test_smallPeerAndCustomerGroups_areCombined_onAShareOfEachScale() {
        let report = buildReport(
            framework: framework, targets: ["OM.1": 1],
            internalResponses: [
                rating(.self, 2), rating(.supervisor, 1), rating(.peer, 2, comment: "Calm"),
                rating(.peer, 0, comment: "Late"),
            ],
            customers: [customer(.always, comment: "Great"), customer(.never)], questionnaire: questionnaire,
            rules: .standard)
        XCTAssertEqual(report.plan.decision(for: .peer), .rolledUp)
        XCTAssertEqual(report.plan.decision(for: .customer), .rolledUp)
        let row = report.rows.first { $0.competency.competencyCode == "OM.1" }!
        XCTAssertNil(row.competency.bySource[.peer], "two peers are never shown on their own")
        XCTAssertNil(row.customerMean)
        // Peers 1.0 and 0.0 of the level range, customers 1.0 and 0.0 of the frequency range.
        XCTAssertEqual(row.otherRatersShare!, 0.5, accuracy: 1e-9)
        XCTAssertEqual(row.competency.others?.mean, 1, "only the supervisor is a shown other")
        XCTAssertEqual(row.competency.selfOtherGap, .blindSpot)
        XCTAssertEqual(
            report.commentsByCompetency["OM.1"]?.map(\.label), ["All other raters"],
            "four responses are enough for comments, pooled and sorted")
        XCTAssertEqual(report.commentsByCompetency["OM.1"]?.first?.comments, ["Calm", "Great", "Late"])
        XCTAssertEqual(report.questions, [], "customers are not shown on their own")
    }

    func test_customersWithheldByTheSliceCatalogue_areNeverRolledUp() {
        let report = buildReport(
            framework: framework, targets: [:], internalResponses: [rating(.peer, 1), rating(.peer, 1)],
            customers: [customer(.often), customer(.often)], questionnaire: questionnaire, rules: .standard,
            customersMayBeShown: false)
        XCTAssertEqual(report.plan.decision(for: .customer), .withheld)
        XCTAssertEqual(report.plan.decision(for: .peer), .withheld)
        XCTAssertNil(report.rows[0].otherRatersShare)
    }

    func test_largeGroups_areShownOnTheirOwn_withGapsToTarget() {
        let report = buildReport(
            framework: framework, targets: ["OM.1": 2],
            internalResponses: [rating(.self, 0), rating(.peer, 1), rating(.peer, 2), rating(.peer, 1)],
            customers: [customer(.often), customer(.always), customer(.dontKnow)], questionnaire: questionnaire,
            rules: .standard)
        let row = report.rows.first { $0.competency.competencyCode == "OM.1" }!
        XCTAssertEqual(row.competency.bySource[.peer]?.mean ?? 0, 4.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(row.competency.gap ?? 0, 2 - 4.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(row.competency.selfOtherGap, .hiddenStrength)
        XCTAssertEqual(row.customerMean ?? 0, 4.5, accuracy: 1e-9)
        XCTAssertEqual(report.questions.first { $0.questionCode == "OM.1-a" }?.dontKnow, 1)
    }
}

final class CustomerResultsTests: XCTestCase {
    func test_aQuestionMostlyAnsweredDontKnow_isWithheld() throws {
        let questionnaire = GlobalMobilityQuestionnaire.questionnaire
        let responses = [
            CustomerResponseRecord(answers: ["OM.1-a": .often, "OM.1-b": .always], comments: [:]),
            CustomerResponseRecord(answers: ["OM.1-a": .often, "OM.1-b": .dontKnow], comments: [:]),
            CustomerResponseRecord(answers: ["OM.1-a": .never, "OM.1-b": .dontKnow], comments: [:]),
        ]
        func gate(_ responses: [CustomerResponseRecord]) -> DisclosureGate {
            DisclosureGate.settled(
                rules: .standard,
                customers: responses.map {
                    CustomerResponseFacts(
                        attributes: [:], scored: Set($0.answers.filter { $0.value.score != nil }.keys))
                }, questionCodes: questionnaire.questions.map(\.code))
        }
        let results = try XCTUnwrap(
            gate(responses).customerResults(responses, in: .everyone, questionnaire: questionnaire))
        XCTAssertEqual(results.questions.first { $0.code == "OM.1-a" }?.result?.mean ?? 0, 3, accuracy: 1e-9)
        XCTAssertNil(results.questions.first { $0.code == "OM.1-b" }?.result, "one scored answer is one person")
        XCTAssertEqual(results.competencyMeans()["OM.1"] ?? 0, 3, accuracy: 1e-9)
        let tooFew = Array(responses.prefix(2))
        XCTAssertNil(gate(tooFew).customerResults(tooFew, in: .everyone, questionnaire: questionnaire))
    }

    func test_sliceCandidates_coverEverySingleFilter_andEveryPairThatOccurs() {
        let candidates = Slice.candidates(
            attributes: [["team": "A", "location": "Oslo"], ["team": "B", "location": "Oslo"], ["team": "A"]],
            dimensions: ["team", "location"])
        XCTAssertEqual(
            Set(candidates.map(\.description)),
            [
                "all responses", "team=A", "team=B", "location=Oslo", "location=Oslo, team=A",
                "location=Oslo, team=B",
            ])
    }
}

final class CalibrationInReportsTests: XCTestCase {
    func test_uncalibratedRatingsAreCounted_andAdjustedLevelsTakeOffTheBias() throws {
        let framework = GlobalMobilityAccountManagerFramework.content
        let code = framework.competencies[0].code
        let responses = [
            InternalResponseRecord(
                source: .supervisor, levels: [code: 2], comments: [:], raterCalibrated: true, raterBias: 0.5),
            InternalResponseRecord(source: .peer, levels: [code: 1], comments: [:], raterCalibrated: false),
            InternalResponseRecord(
                source: .peer, levels: [code: 0], comments: [:], raterCalibrated: true, raterBias: -0.5),
            InternalResponseRecord(source: .peer, levels: [code: 2], comments: [:], raterCalibrated: false),
        ]
        let report = buildReport(
            framework: framework, targets: [:], internalResponses: responses, customers: [],
            questionnaire: GlobalMobilityQuestionnaire.questionnaire, rules: AnonymityRules(minimumPeers: 3))
        XCTAssertEqual(report.uncalibrated, [.peer: 2], "the calibrated supervisor is not marked")
        let row = try XCTUnwrap(report.rows.first { $0.competency.competencyCode == code })
        XCTAssertEqual(try XCTUnwrap(row.adjusted[.supervisor]), 1.5, accuracy: 1e-12)
        // Peers: 1 (no bias known), 0 + 0.5 (severe rater), 2 → mean 3.5 / 3.
        XCTAssertEqual(try XCTUnwrap(row.adjusted[.peer]), 3.5 / 3, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(row.competency.bySource[.peer]?.mean), 1, accuracy: 1e-12, "raw stays raw")

        let fewPeers = buildReport(
            framework: framework, targets: [:], internalResponses: responses, customers: [],
            questionnaire: GlobalMobilityQuestionnaire.questionnaire, rules: AnonymityRules(minimumPeers: 4))
        XCTAssertNil(fewPeers.uncalibrated[.peer], "peers not shown on their own are not described either")
    }
}
