import AcumenCore
import Foundation
import XCTest

final class RoadmapDrafterTests: XCTestCase {
    let framework = UUID()
    let start = CalendarDate(year: 2027, month: 1, day: 1)!

    func offering(
        _ code: String, _ format: OfferingFormat, minutes: Int = 60, language: String = "en",
        phase: LearningPhase = .technical, develops: [(String, Int, Int)], prerequisites: [String] = []
    ) -> Offering {
        Offering(
            code: code, title: code, summary: "", category: "Financial", format: format, durationMinutes: minutes,
            language: language, phase: phase, prerequisites: prerequisites,
            targets: develops.map {
                CompetencyTarget(frameworkID: framework, competencyCode: $0.0, fromLevel: $0.1, toLevel: $0.2)
            })
    }

    lazy var catalogue = [
        offering("OM4-ROOM", .classroom, minutes: 240, develops: [("OM.4", 0, 1)]),
        offering("OM4-VIDEO", .video, minutes: 8, develops: [("OM.4", 0, 1)]),
        offering("OM4-FR", .eLearning, minutes: 30, language: "fr", develops: [("OM.4", 0, 1), ("KE.1", 1, 2)]),
        offering("OM4-EXPERT", .video, minutes: 8, develops: [("OM.4", 1, 2)]),
        offering("KE1-GUIDE", .selfStudy, minutes: 45, develops: [("KE.1", 1, 2)], prerequisites: ["KE1-BASICS"]),
        offering("KE1-BASICS", .eLearning, minutes: 30, develops: [("KE.1", 0, 1)]),
        offering("VA3-TALK", .virtualClassroom, minutes: 90, phase: .relationship, develops: [("VA.3", 0, 1)]),
        offering("OTHER", .video, minutes: 5, develops: [("OM.4", 0, 1)]).with(framework: UUID()),
    ]

    let gaps = [
        CompetencyGap(competencyCode: "OM.4", target: 1, current: 0.4),
        CompetencyGap(competencyCode: "KE.1", target: 2, current: 1.25),
        CompetencyGap(competencyCode: "VA.3", target: 1, current: 0),
        CompetencyGap(competencyCode: "OM.3", target: 1, current: 1.5),
    ]

    func draft(_ profile: LearnerProfile = LearnerProfile(), terms: RoadmapTerms? = nil) -> [DraftedItem] {
        RoadmapDrafter(offerings: catalogue, frameworkID: framework).draft(
            gaps: gaps, profile: profile, terms: terms ?? RoadmapTerms(monthlyMinutes: 600, start: start))
    }

    func test_eachGapBelowTarget_largestFirst_getsTheOfferingThatSuitsThePersonBest() {
        let office = draft()
        XCTAssertEqual(
            office.map(\.offering.code), ["KE1-BASICS", "KE1-GUIDE", "OM4-ROOM", "VA3-TALK"],
            "KE.1 (0.75 below) before OM.4 (0.6); VA.3 (1 below) is relationship building, so it comes last")
        let room = office[2]
        XCTAssertEqual(room.reason, .closesGap(competencyCode: "OM.4", current: 0.4, target: 1))
        XCTAssertEqual(
            room.passedOver.map(\.offeringCode), ["OM4-VIDEO", "OM4-FR"],
            "the French course is considered and passed over; the expert video starts too high")
        XCTAssertEqual(room.passedOver.last?.why, .otherLanguage)

        let remote = draft(LearnerProfile(isRemote: true))
        let forOM4 = remote.first { $0.reason == .closesGap(competencyCode: "OM.4", current: 0.4, target: 1) }
        XCTAssertEqual(forOM4?.offering.code, "OM4-VIDEO", "someone working from home gets what they can take anywhere")
        XCTAssertEqual(forOM4?.passedOver.first { $0.offeringCode == "OM4-ROOM" }?.why, .formatSuitsLess)

        let french = draft(LearnerProfile(languages: ["fr"]))
        XCTAssertEqual(french.first?.offering.code, "OM4-FR", "it develops two of their gaps, in a language they read")
        XCTAssertEqual(french.first?.reason, .closesGap(competencyCode: "KE.1", current: 1.25, target: 2))
        XCTAssertEqual(french.first?.alsoDevelops, ["OM.4"])
        XCTAssertEqual(french.first?.passedOver.map(\.why), [.coversLess])
    }

    func test_prerequisitesComeFirst_andTechnicalBeforeRelationship() {
        let items = draft()
        XCTAssertEqual(items[0].reason, .prerequisite(ofCode: "KE1-GUIDE"))
        XCTAssertEqual(items.last?.offering.phase, .relationship)
        let done = draft(terms: RoadmapTerms(monthlyMinutes: 600, start: start, completed: ["ke1-basics", "OM4-ROOM"]))
        XCTAssertEqual(
            done.map(\.offering.code), ["KE1-GUIDE", "OM4-VIDEO", "VA3-TALK"],
            "completed offerings are not planned again")
    }

    func test_theSupervisorsPriorities_comeFirst() {
        let items = draft(terms: RoadmapTerms(monthlyMinutes: 600, start: start, priorities: ["OM.4"]))
        XCTAssertEqual(items.map(\.offering.code).prefix(3), ["OM4-ROOM", "KE1-BASICS", "KE1-GUIDE"])
    }

    func test_theMonthlyBudget_spreadsItemsOverMonths() {
        let items = draft(terms: RoadmapTerms(monthlyMinutes: 120, start: start))
        // 30 + 45 fit January; 240 minutes do not fit after them and fill February and March;
        // 90 more do not fit in March.
        XCTAssertEqual(items.map(\.month), [0, 0, 2, 3])
        XCTAssertEqual(items.map(\.due.description), ["2027-01-31", "2027-01-31", "2027-03-31", "2027-04-30"])
    }

    func test_noGapsOrNoOfferings_draftNothing() {
        XCTAssertEqual(
            RoadmapDrafter(offerings: [], frameworkID: framework).draft(
                gaps: gaps, profile: LearnerProfile(), terms: RoadmapTerms(start: start)), [])
        XCTAssertEqual(
            RoadmapDrafter(offerings: catalogue, frameworkID: framework).draft(
                gaps: [CompetencyGap(competencyCode: "OM.4", target: 1, current: 1)], profile: LearnerProfile(),
                terms: RoadmapTerms(start: start)), [])
    }
}

extension Offering {
    fileprivate func with(framework: UUID) -> Offering {
        var copy = self
        copy.targets = targets.map {
            CompetencyTarget(
                frameworkID: framework, competencyCode: $0.competencyCode, fromLevel: $0.fromLevel, toLevel: $0.toLevel)
        }
        return copy
    }
}
