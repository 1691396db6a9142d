import AcumenCore
import AcumenStore
import XCTVapor
import XCTest

@testable import AcumenWeb

/// What the supervisor does with a drafted roadmap (priorities, order, items, due dates), what
/// completing an item schedules, and coaching observations.
final class RoadmapShapingRoutesTests: XCTestCase {
    private struct Setting {
        var app: Application
        var supervisor: BrowserSession
        var accountManager: BrowserSession
        var personID: UUID
        var path: String

        func roadmap() async throws -> Roadmap {
            let stored = try await RoadmapRepository(database: app.db).roadmap(personID: personID)
            return try XCTUnwrap(stored)
        }
    }

    private func withDraftedRoadmap(_ body: (Setting) async throws -> Void) async throws {
        try await WebHarness.withDemoApp { app, demo in
            let personID = try await RoadmapRoutesTests.releasedResults(app: app, demo: demo)
            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let accountManager = BrowserSession(app: app)
            try await accountManager.signIn(WebHarness.email(of: .accountManager, in: demo))
            let path = "/people/\(personID)/roadmap"
            try await supervisor.get(path)
            _ = try await supervisor.post("\(path)/draft", form: [:])
            try await body(
                Setting(
                    app: app, supervisor: supervisor, accountManager: accountManager, personID: personID, path: path))
        }
    }

    func test_priorities_putTheirCompetencyFirst_andBadOnesChangeNothing() async throws {
        try await withDraftedRoadmap { setting in
            let before = try await setting.roadmap()
            // Every competency was rated at the bottom, so gaps are equal and a priority alone decides
            // what comes first within a phase (technical grounding still comes before relationship building).
            let catalogue = try await CatalogueRepository(database: setting.app.db).offerings()
            let phase = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0.phase) })
            func firstGapCodes(_ roadmap: Roadmap) -> [LearningPhase: String] {
                var first: [LearningPhase: String] = [:]
                for item in roadmap.items {
                    guard case .closesGap(let code, _, _) = item.reason, let itsPhase = phase[item.offeringID] else {
                        continue
                    }
                    if first[itsPhase] == nil { first[itsPhase] = code }
                }
                return first
            }
            let last = try XCTUnwrap(
                before.items.last { if case .closesGap = $0.reason { true } else { false } }?.competencyCode)
            XCTAssertFalse(firstGapCodes(before).values.contains(last))
            try await setting.supervisor.get(setting.path)
            let refused = try await setting.supervisor.post(
                "\(setting.path)/priorities", form: ["priority1": "NOPE.9"])
            XCTAssertEqual(refused.status, .badRequest)
            let unchanged = try await setting.roadmap()
            XCTAssertEqual(unchanged.items.map(\.id), before.items.map(\.id))

            try await setting.supervisor.get(setting.path)
            let saved = try await setting.supervisor.post("\(setting.path)/priorities", form: ["priority1": last])
            XCTAssertEqual(saved.status, .seeOther)
            let after = try await setting.roadmap()
            XCTAssertEqual(after.priorities, [last])
            XCTAssertTrue(firstGapCodes(after).values.contains(last), "\(firstGapCodes(after))")
            XCTAssertTrue(after.history.contains { $0.kind == .prioritiesSet && $0.detail == last })

            try await setting.accountManager.get(setting.path)
            let notTheirs = try await setting.accountManager.post(
                "\(setting.path)/priorities", form: ["priority1": last])
            XCTAssertEqual(notTheirs.status, .forbidden)
        }
    }

    func test_theSupervisorReorders_adds_removes_andSetsDueDates_eachChangeRecorded() async throws {
        try await withDraftedRoadmap { setting in
            let before = try await setting.roadmap()
            XCTAssertGreaterThan(before.items.count, 1)
            let (first, second) = (before.items[0], before.items[1])
            try await setting.supervisor.get(setting.path)
            _ = try await setting.supervisor.post(
                "\(setting.path)/items/\(second.id)/move", form: ["direction": "up"])
            let moved = try await setting.roadmap()
            XCTAssertEqual(Array(moved.items.prefix(2).map(\.id)), [second.id, first.id])

            try await setting.supervisor.get(setting.path)
            let badDay = try await setting.supervisor.post(
                "\(setting.path)/items/\(first.id)/due", form: ["due": "31/12/2026"])
            XCTAssertEqual(badDay.status, .badRequest)
            try await setting.supervisor.get(setting.path)
            _ = try await setting.supervisor.post("\(setting.path)/items/\(first.id)/due", form: ["due": "2027-02-15"])
            let dated = try await setting.roadmap()
            XCTAssertEqual(dated.items.first { $0.id == first.id }?.due, CalendarDate("2027-02-15"))

            let catalogue = try await CatalogueRepository(database: setting.app.db).offerings()
            let extra = try XCTUnwrap(
                catalogue.first { offering in !dated.items.contains { $0.offeringID == offering.id } })
            try await setting.supervisor.get(setting.path)
            _ = try await setting.supervisor.post("\(setting.path)/items", form: ["offering": extra.code])
            try await setting.supervisor.get(setting.path)
            let twice = try await setting.supervisor.post("\(setting.path)/items", form: ["offering": extra.code])
            XCTAssertEqual(twice.status, .conflict)
            try await setting.supervisor.get(setting.path)
            let unknown = try await setting.supervisor.post("\(setting.path)/items", form: ["offering": "NO-SUCH"])
            XCTAssertEqual(unknown.status, .badRequest)
            let added = try await setting.roadmap()
            XCTAssertEqual(added.items.last?.offeringID, extra.id)
            XCTAssertEqual(added.items.last?.reason, .addedBySupervisor)

            // Drafting again keeps what the supervisor added.
            try await setting.supervisor.get(setting.path)
            _ = try await setting.supervisor.post("\(setting.path)/draft", form: [:])
            let redrafted = try await setting.roadmap()
            XCTAssertEqual(redrafted.items.filter { $0.offeringID == extra.id }.count, 1)

            let addedID = try XCTUnwrap(redrafted.items.first { $0.offeringID == extra.id }?.id)
            try await setting.supervisor.get(setting.path)
            _ = try await setting.supervisor.post("\(setting.path)/items/\(addedID)/remove", form: [:])
            let removed = try await setting.roadmap()
            XCTAssertFalse(removed.items.contains { $0.id == addedID })
            let kinds = Set(removed.history.map(\.kind))
            XCTAssertTrue(kinds.isSuperset(of: [.moved, .dueSet, .added, .removed, .drafted]), "\(kinds)")
            XCTAssertTrue(removed.history.allSatisfy { $0.madeBy.contains("@") })

            try await setting.accountManager.get(setting.path)
            let notTheirs = try await setting.accountManager.post(
                "\(setting.path)/items/\(first.id)/remove", form: [:])
            XCTAssertEqual(notTheirs.status, .forbidden)
        }
    }

    func test_completingAnItem_schedulesRefreshersAndAReobservation_shownOnRoadmapAndHome() async throws {
        try await withDraftedRoadmap { setting in
            let drafted = try await setting.roadmap()
            let item = try XCTUnwrap(drafted.items.first { $0.competencyCode != nil })
            try await setting.accountManager.get(setting.path)
            _ = try await setting.accountManager.post(
                "\(setting.path)/items/\(item.id)/status", form: ["status": "completed", "note": ""])
            let roadmap = try await setting.roadmap()
            let today = CalendarDate.today
            XCTAssertEqual(
                roadmap.followUps.filter { $0.kind == .refresher }.map(\.due),
                [14, 42, 84].map { today.adding(days: $0) })
            XCTAssertEqual(
                roadmap.followUps.filter { $0.kind == .reobservation }.map(\.due), [today.adding(days: 42)])
            XCTAssertTrue(roadmap.followUps.allSatisfy { $0.competencyCode == item.competencyCode })

            let page = try await setting.accountManager.get(setting.path).body.string
            XCTAssertContains(page, "Refresher 1 of \(item.offeringTitle)")
            let home = try await setting.accountManager.get("/").body.string
            XCTAssertContains(home, "Refresher 1: \(item.offeringTitle)")

            // Completing it again schedules nothing more.
            try await setting.accountManager.get(setting.path)
            _ = try await setting.accountManager.post(
                "\(setting.path)/items/\(item.id)/status", form: ["status": "completed", "note": "again"])
            let again = try await setting.roadmap()
            XCTAssertEqual(again.followUps.count, 4)

            let reobservation = try XCTUnwrap(again.followUps.first { $0.kind == .reobservation })
            try await setting.accountManager.get(setting.path)
            let notTheirs = try await setting.accountManager.post(
                "\(setting.path)/follow-ups/\(reobservation.id)/done", form: [:])
            XCTAssertEqual(notTheirs.status, .forbidden, "a re-observation is the supervisor's")

            let refresher = try XCTUnwrap(again.followUps.first { $0.kind == .refresher })
            try await setting.accountManager.get(setting.path)
            _ = try await setting.accountManager.post("\(setting.path)/follow-ups/\(refresher.id)/done", form: [:])
            let done = try await setting.roadmap()
            XCTAssertEqual(done.followUps.first { $0.id == refresher.id }?.doneOn, today)
        }
    }

    func test_anObservation_isRecordedOnTheGrid_completesAnItem_andSettlesTheReobservation() async throws {
        try await withDraftedRoadmap { setting in
            let roadmap = try await setting.roadmap()
            let items = roadmap.items.filter { $0.competencyCode != nil }
            XCTAssertGreaterThan(items.count, 1)
            let (earlier, observed) = (items[0], items[1])
            let code = try XCTUnwrap(earlier.competencyCode)
            try await setting.accountManager.get(setting.path)
            _ = try await setting.accountManager.post(
                "\(setting.path)/items/\(earlier.id)/status", form: ["status": "completed", "note": ""])

            let form = "/people/\(setting.personID)/observations"
            let page = try await setting.supervisor.get("\(form)/new?competency=\(code)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertContains(page.body.string, RaterFormFields.behaviour(code, level: 0, position: 0))

            let blank = try await setting.supervisor.post(
                form, form: ["competency": code, "setting": "call", "observedOn": CalendarDate.today.description])
            XCTAssertEqual(blank.status, .unprocessableEntity)
            XCTAssertContains(blank.body.string, "tick the behaviours you saw")
            let future = try await setting.supervisor.post(
                form,
                form: [
                    "competency": code, "setting": "call", "observedOn": "2199-01-01",
                    RaterFormFields.behaviour(code, level: 0, position: 0): "on",
                ])
            XCTAssertEqual(future.status, .unprocessableEntity)
            let nothing = try await ObservationRepository(database: setting.app.db).observations(
                personID: setting.personID)
            XCTAssertTrue(nothing.isEmpty)

            try await setting.supervisor.get("\(form)/new?competency=\(code)")
            let recorded = try await setting.supervisor.post(
                form,
                form: [
                    "competency": code, "setting": "meeting", "observedOn": CalendarDate.today.description,
                    RaterFormFields.behaviour(code, level: 0, position: 0): "on",
                    RaterFormFields.behaviour(code, level: 0, position: 1): "on",
                    RaterFormFields.behaviour(code, level: 0, position: 2): "on",
                    "notes": "Led the quarterly review", "nextSteps": "Prepare the agenda with the customer",
                    "item": observed.id.uuidString,
                ])
            XCTAssertEqual(recorded.status, .seeOther)
            let observations = try await ObservationRepository(database: setting.app.db).observations(
                personID: setting.personID)
            XCTAssertEqual(observations.count, 1)
            XCTAssertEqual(observations.first?.level, 0)
            XCTAssertEqual(observations.first?.completedItemID, observed.id)
            let after = try await setting.roadmap()
            XCTAssertEqual(after.items.first { $0.id == observed.id }?.status, .completed)
            let reobservation = after.followUps.first { $0.itemID == earlier.id && $0.kind == .reobservation }
            XCTAssertEqual(reobservation?.doneOn, .today, "the observation is the re-observation that was due")
            let shown = try await setting.accountManager.get(setting.path).body.string
            XCTAssertContains(shown, "Led the quarterly review")

            let ownForm = try await setting.accountManager.get("\(form)/new")
            XCTAssertEqual(ownForm.status, .forbidden, "an account manager does not observe themselves")
        }
    }
}
