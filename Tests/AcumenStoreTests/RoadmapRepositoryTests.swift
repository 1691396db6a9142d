import AcumenCore
import AcumenStore
import FluentKit
import XCTest

final class RoadmapRepositoryTests: XCTestCase {
    func test_aRoadmap_keepsItsItems_progress_andEveryChange() async throws {
        try await StoreHarness.onSQLite(roadmapLifecycle)
    }

    func test_aRoadmap_keepsItsItems_progress_andEveryChange_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(roadmapLifecycle)
    }

    private func roadmapLifecycle(database: any Database, label: String) async throws {
        let frameworks = FrameworkRepository(database: database)
        let globalMobility = try await frameworks.create(GlobalMobilityAccountManagerFramework.content)
        let general = try await frameworks.create(GeneralAccountManagementFramework.content)
        let catalogue = CatalogueRepository(database: database)
        let offerings = DemoCatalogue.offerings(
            frameworks: .init(globalMobility: globalMobility.id, general: general.id), baseURL: "https://a.example")
        try await catalogue.save(offerings)
        _ = try await PeopleRepository(database: database).store(
            [
                PersonRecord(
                    name: "Ana Silva", email: "ana@x.example", jobTitle: "Account Manager",
                    hireDate: CalendarDate(year: 2024, month: 1, day: 1)!)
            ], events: [])
        let found = try await PeopleRepository(database: database).personID(email: "ana@x.example")
        let personID = try XCTUnwrap(found)
        let supervisor = try await UserRepository(database: database).create(
            email: "lead@x.example", passwordHash: "x", role: .supervisor)
        let drafted = RoadmapDrafter(offerings: offerings, frameworkID: globalMobility.id).draft(
            gaps: [
                CompetencyGap(competencyCode: "OM.4", target: 1, current: 0.2),
                CompetencyGap(competencyCode: "KE.1", target: 2, current: 1),
            ], profile: LearnerProfile(), terms: RoadmapTerms(start: CalendarDate(year: 2027, month: 1, day: 1)!))
        XCTAssertFalse(drafted.isEmpty, label)
        let repository = RoadmapRepository(database: database)
        let none = try await repository.roadmap(personID: personID)
        XCTAssertNil(none, label)
        try await repository.saveDraft(
            personID: personID, frameworkID: globalMobility.id, cycleName: "Review 2026",
            items: drafted.map(RoadmapItem.init(drafted:)), byUserID: supervisor.id, at: Date())
        let stored = try await repository.roadmap(personID: personID)
        let first = try XCTUnwrap(stored)
        XCTAssertEqual(first.items.map(\.offeringCode), drafted.map(\.offering.code), label)
        XCTAssertEqual(first.items.map(\.reason), drafted.map(\.reason), label)
        XCTAssertEqual(first.items.map(\.passedOver), drafted.map(\.passedOver), label)
        XCTAssertEqual(first.items.map(\.due), drafted.map(\.due), label)

        let done = first.items[0]
        try await repository.setStatus(
            .completed, itemID: done.id, personID: personID, note: "Done", byUserID: supervisor.id, on: .today,
            at: Date())
        let completions = CompletionRepository(database: database)
        let onRecord = try await completions.count(personID: personID)
        XCTAssertEqual(onRecord, 1, "\(label): completed by hand, it is on the learning record too")
        try await repository.setStatus(
            .inProgress, itemID: done.id, personID: personID, note: "", byUserID: supervisor.id, on: .today, at: Date())
        let takenBack = try await completions.count(personID: personID)
        XCTAssertEqual(takenBack, 0, "\(label): taken back, it leaves the record")
        try await repository.setStatus(
            .completed, itemID: done.id, personID: personID, note: "Done", byUserID: supervisor.id, on: .today,
            at: Date())
        let due = try await repository.followUpsDue(
            personIDs: [personID, UUID()], kind: .reobservation, by: CalendarDate.today.adding(days: 60))
        XCTAssertEqual(due.map(\.personID), [personID], label)
        XCTAssertEqual(due.first?.followUp.itemID, done.id, label)
        let notYet = try await repository.followUpsDue(
            personIDs: [personID], kind: .reobservation, by: CalendarDate.today.adding(days: 14))
        XCTAssertTrue(notYet.isEmpty, label)
        try await repository.approve(
            personID: personID, byUserID: supervisor.id, on: CalendarDate(year: 2027, month: 1, day: 5)!, at: Date())
        do {
            try await repository.setStatus(
                .completed, itemID: done.id, personID: UUID(), note: "", byUserID: supervisor.id, on: .today, at: Date()
            )
            XCTFail("\(label): an item is changed only on its own person's roadmap")
        } catch StoreError.notFound {}

        // A catalogue import that updates offerings on a roadmap keeps the roadmap whole.
        try await catalogue.save(
            offerings.map {
                var renamed = $0; renamed.title += " (new)"; return renamed
            })
        try await repository.saveDraft(
            personID: personID, frameworkID: globalMobility.id, cycleName: "Review 2027",
            items: Array(drafted.dropFirst().map(RoadmapItem.init(drafted:))), byUserID: supervisor.id, at: Date())
        let storedAgain = try await repository.roadmap(personID: personID)
        let again = try XCTUnwrap(storedAgain)
        XCTAssertEqual(again.items.first?.id, done.id, "\(label): the completed item stays, first")
        XCTAssertEqual(again.items.first?.status, .completed, label)
        XCTAssertTrue(again.items.first?.offeringTitle.hasSuffix("(new)") ?? false, label)
        XCTAssertEqual(again.items.count, drafted.count, label)
        XCTAssertNil(again.approvedOn, "\(label): a new draft needs approving again")
        XCTAssertEqual(again.cycleName, "Review 2027", label)
        let light = try await repository.roadmap(personID: personID, includingHistory: false)
        XCTAssertEqual(light?.items, again.items, "\(label): the same items without the history")
        XCTAssertEqual(light?.followUps, again.followUps, label)
        XCTAssertEqual(light?.history, [], label)
        XCTAssertEqual(
            again.history.map(\.kind).sorted { $0.rawValue < $1.rawValue },
            [.approved, .drafted, .drafted, .statusChanged, .statusChanged, .statusChanged], label)
    }
}
