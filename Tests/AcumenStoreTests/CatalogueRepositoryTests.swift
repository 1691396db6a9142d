import AcumenCore
import AcumenStore
import FluentKit
import XCTest

final class CatalogueRepositoryTests: XCTestCase {
    func test_offerings_roundTrip_andImportsAreAllOrNothing() async throws {
        try await StoreHarness.onSQLite(roundTripAndImport)
    }

    func test_offerings_roundTrip_andImportsAreAllOrNothing_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(roundTripAndImport)
    }

    private func roundTripAndImport(database: any Database, label: String) async throws {
        let frameworks = FrameworkRepository(database: database)
        let globalMobility = try await frameworks.create(GlobalMobilityAccountManagerFramework.content)
        let general = try await frameworks.create(GeneralAccountManagementFramework.content)
        let repository = CatalogueRepository(database: database)
        let categories = try await repository.categories()
        XCTAssertEqual(categories, CatalogueCategory.defaults, label)

        let demo = DemoCatalogue.offerings(
            frameworks: .init(globalMobility: globalMobility.id, general: general.id), baseURL: "https://a.example")
        let before = try await repository.revision()
        try await repository.save(demo)
        let afterSave = try await repository.revision()
        XCTAssertGreaterThan(afterSave, before, "\(label): every change moves the revision on")
        let stored = try await repository.offerings()
        XCTAssertEqual(
            stored.sorted { $0.code < $1.code }, demo.sorted { $0.code < $1.code }, "\(label): stored as given")
        let one = try XCTUnwrap(demo.first { !$0.prerequisites.isEmpty && $0.targets.count > 1 })
        let loaded = try await repository.offering(id: one.id)
        XCTAssertEqual(loaded, one, label)

        let known = [
            KnownFramework(id: globalMobility.id, content: GlobalMobilityAccountManagerFramework.content),
            KnownFramework(id: general.id, content: GeneralAccountManagementFramework.content),
        ]
        let header = "code,title,category,format,duration_minutes,phase,prerequisites\n"
        let bad = header + "NEW-1,A new video,Financial,video,7,technical,\nNEW-2,Broken,Financial,video,0,technical,\n"
        do {
            _ = try await repository.importCSV(bad, frameworks: known, baseURL: "https://a.example")
            XCTFail("\(label): a file with a bad row is refused")
        } catch let report as ImportReport {
            XCTAssertEqual(report.problems.map(\.line), [3], label)
        }
        let afterRefusal = try await repository.offerings()
        XCTAssertEqual(afterRefusal.count, demo.count, "\(label): nothing of it was kept")
        let afterRefusalRevision = try await repository.revision()
        XCTAssertEqual(
            afterRefusalRevision, afterSave, "\(label): a refused file changes nothing, not even the revision")

        let good =
            header + "NEW-1,A new video,Financial,video,7,technical,\n\(one.code),Renamed,\(one.category),"
            + "\(one.format.rawValue),\(one.durationMinutes),\(one.phase.rawValue),\(one.prerequisites.joined(separator: ";"))\n"
        let (added, updated) = try await repository.importCSV(good, frameworks: known, baseURL: "https://a.example")
        XCTAssertEqual(added, 1, label)
        XCTAssertEqual(updated, 1, label)
        let renamed = try await repository.offering(id: one.id)
        XCTAssertEqual(renamed.title, "Renamed", label)
        XCTAssertEqual(renamed.xapiActivityID, one.xapiActivityID, "\(label): the activity id stays")
        XCTAssertEqual(renamed.targets, [], "\(label): the file gave no competencies, so it develops none")

        let taken =
            header.replacingOccurrences(of: "prerequisites", with: "prerequisites,xapi_activity_id")
            + "NEW-3,Thief,Financial,video,7,technical,,\(one.xapiActivityID)\n"
        do {
            _ = try await repository.importCSV(taken, frameworks: known, baseURL: "https://a.example")
            XCTFail("\(label): an activity id names one offering")
        } catch StoreError.invalid(let problems) {
            XCTAssertEqual(problems.map(\.location), ["NEW-3"], label)
        }

        try await repository.addCategory("  Languages ")
        try await repository.addCategory("languages")
        let withNew = try await repository.categories()
        XCTAssertEqual(withNew.last, "Languages", label)
        XCTAssertEqual(withNew.count, 8, label)
    }
}
