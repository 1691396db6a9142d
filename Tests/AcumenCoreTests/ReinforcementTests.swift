import AcumenCore
import Foundation
import XCTest

final class ReinforcementTests: XCTestCase {
    let day = CalendarDate(year: 2027, month: 3, day: 1)!

    func item(_ reason: RoadmapReason, alsoDevelops: [String] = []) -> RoadmapItem {
        RoadmapItem(
            offeringID: UUID(), offeringCode: "X-1", offeringTitle: "Budgets", reason: reason,
            alsoDevelops: alsoDevelops, due: nil)
    }

    func test_completingAnItem_schedulesWideningRefreshers_andAReobservation_ofItsCompetency() {
        let completed = item(.closesGap(competencyCode: "OM.3", current: 0.5, target: 1), alsoDevelops: ["KE.1"])
        let followUps = Reinforcement.followUps(afterCompleting: completed, on: day)
        XCTAssertEqual(
            followUps.filter { $0.kind == .refresher }.map(\.due),
            [CalendarDate("2027-03-15"), CalendarDate("2027-04-12"), CalendarDate("2027-05-24")])
        XCTAssertEqual(followUps.filter { $0.kind == .refresher }.map(\.number), [1, 2, 3])
        XCTAssertEqual(followUps.filter { $0.kind == .reobservation }.map(\.due), [CalendarDate("2027-04-12")])
        XCTAssertTrue(followUps.allSatisfy { $0.competencyCode == "OM.3" && $0.itemID == completed.id })
    }

    func test_aPrerequisite_isReinforcedOnWhatItAlsoDevelops_andAnItemDevelopingNothing_isNot() {
        let prerequisite = item(.prerequisite(ofCode: "X-2"), alsoDevelops: ["KE.4", "OM.1"])
        XCTAssertEqual(
            Set(Reinforcement.followUps(afterCompleting: prerequisite, on: day).map(\.competencyCode)), ["KE.4"])
        XCTAssertTrue(Reinforcement.followUps(afterCompleting: item(.addedBySupervisor), on: day).isEmpty)
    }

    func test_whatIsDue_takesOpenItemsAndFollowUpsWithinTheWindow_overdueIncluded() {
        let soon = RoadmapItem(
            offeringID: UUID(), offeringCode: "A", offeringTitle: "A", reason: .addedBySupervisor,
            due: CalendarDate("2027-03-10"))
        var done = soon
        done.id = UUID()
        done.status = .completed
        var later = soon
        later.id = UUID()
        later.due = CalendarDate("2027-06-01")
        let overdue = FollowUp(
            itemID: done.id, offeringTitle: "A", kind: .refresher, number: 1, competencyCode: "OM.1",
            due: CalendarDate("2027-02-01")!)
        var finished = overdue
        finished.id = UUID()
        finished.doneOn = CalendarDate("2027-02-02")
        let roadmap = Roadmap(
            personID: UUID(), frameworkID: UUID(), cycleName: "2026", approvedOn: nil, items: [soon, done, later],
            followUps: [overdue, finished], history: [])
        let due = roadmap.due(within: 14, of: day)
        XCTAssertEqual(due.items.map(\.id), [soon.id])
        XCTAssertEqual(due.followUps.map(\.id), [overdue.id])
    }
}

final class ObservationDraftTests: XCTestCase {
    let framework = GlobalMobilityAccountManagerFramework.content
    let today = CalendarDate(year: 2027, month: 3, day: 1)!

    func draft(
        _ code: String = "OM.1", setting: CoachingObservation.Setting? = .call, on day: String = "2027-02-27",
        rating: CompetencyRatingInput? = nil, notes: String = ""
    ) -> ObservationDraft {
        ObservationDraft(
            competencyCode: code, setting: setting, observedOn: CalendarDate(day),
            rating: rating ?? CompetencyRatingInput(competencyCode: code, observed: [0: [0]]), notes: notes,
            nextSteps: "")
    }

    func test_aTickedGrid_onADayThatHasCome_isAccepted() {
        XCTAssertEqual(draft().problems(framework: framework, today: today), [])
    }

    func test_eachMissingOrWrongPart_isNamedByItsField() {
        func locations(_ draft: ObservationDraft) -> [String] {
            draft.problems(framework: framework, today: today).map(\.location)
        }
        XCTAssertEqual(locations(draft("ZZ.9")), ["competency"])
        XCTAssertEqual(locations(draft(setting: nil)), ["setting"])
        XCTAssertEqual(locations(draft(on: "2027-03-02")), ["observedOn"])
        XCTAssertEqual(locations(draft(on: "yesterday")), ["observedOn"])
        XCTAssertEqual(locations(draft(rating: CompetencyRatingInput(competencyCode: "OM.1"))), ["observed"])
        XCTAssertEqual(
            locations(
                draft(rating: CompetencyRatingInput(competencyCode: "OM.1", observed: [0: [0]], notObserved: true))),
            ["observed"])
        XCTAssertEqual(
            locations(draft(rating: CompetencyRatingInput(competencyCode: "OM.1", overrideLevel: 1))), ["observed"],
            "a chosen level needs its reason")
        XCTAssertEqual(
            locations(
                draft(rating: CompetencyRatingInput(competencyCode: "OM.1", overrideLevel: 1, overrideReason: "Led it"))
            ),
            [])
        XCTAssertEqual(locations(draft(notes: String(repeating: "n", count: TextLimits.description + 1))), ["notes"])
    }
}
