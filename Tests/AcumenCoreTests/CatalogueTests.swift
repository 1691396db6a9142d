import AcumenCore
import Foundation
import XCTest

final class DemoCatalogueTests: XCTestCase {
    let frameworks = DemoCatalogue.Frameworks(globalMobility: UUID(), general: UUID())
    lazy var offerings = DemoCatalogue.offerings(frameworks: frameworks, baseURL: "https://acumen.example")

    func test_theDemoCatalogue_hasMoreThanAHundredOfferings_inEveryCategory_andValid() {
        XCTAssertGreaterThanOrEqual(offerings.count, 100)
        XCTAssertEqual(Set(offerings.map(\.category)), Set(CatalogueCategory.defaults))
        XCTAssertEqual(Set(offerings.map { $0.code.lowercased() }).count, offerings.count, "codes are unique")
        XCTAssertEqual(Set(offerings.map(\.xapiActivityID)).count, offerings.count, "activity ids are unique")
        for offering in offerings {
            XCTAssertEqual(OfferingRules.problems(offering, categories: CatalogueCategory.defaults), [], offering.code)
        }
        let codes = Set(offerings.map { $0.code.lowercased() })
        let byCode = Dictionary(uniqueKeysWithValues: offerings.map { ($0.code.lowercased(), $0) })
        for offering in offerings {
            XCTAssertEqual(OfferingRules.prerequisiteProblems(offering, knownCodes: codes), [], offering.code)
            XCTAssertFalse(OfferingRules.isInCycle(offering.code, all: byCode), offering.code)
        }
        XCTAssertTrue(offerings.contains { $0.format == .recordedSession }, "workshops come with recordings")
        XCTAssertTrue(offerings.contains { $0.provider == "Made by account managers" }, "community videos")
        XCTAssertGreaterThan(Set(offerings.map(\.language)).count, 3, "workshops in several languages")
    }

    func test_everyTarget_isACompetencyOfItsFramework_goingUp() {
        let contents = [
            frameworks.globalMobility: GlobalMobilityAccountManagerFramework.content,
            frameworks.general: GeneralAccountManagementFramework.content,
        ]
        for offering in offerings {
            XCTAssertFalse(offering.targets.isEmpty, offering.code)
            for target in offering.targets {
                let content = contents[target.frameworkID]
                XCTAssertNotNil(
                    content?.competencies.first { $0.code == target.competencyCode },
                    "\(offering.code) \(target.competencyCode)")
                XCTAssertLessThan(target.fromLevel, target.toLevel)
                XCTAssertLessThan(target.toLevel, content?.levels.count ?? 0)
            }
        }
        XCTAssertTrue(offerings.contains { $0.targets.contains { $0.frameworkID == frameworks.general } })
        XCTAssertTrue(offerings.contains { $0.targets.contains { $0.frameworkID == frameworks.globalMobility } })
    }
}

final class CatalogueQueryTests: XCTestCase {
    let framework = UUID()

    func offering(
        _ code: String, format: OfferingFormat = .eLearning, minutes: Int = 30, category: String = "Financial",
        targets: [(String, Int, Int)] = [], language: String = "en", phase: LearningPhase = .technical,
        title: String = "A course"
    ) -> Offering {
        Offering(
            code: code, title: title, summary: "", category: category, format: format, durationMinutes: minutes,
            language: language, phase: phase,
            targets: targets.map {
                CompetencyTarget(frameworkID: framework, competencyCode: $0.0, fromLevel: $0.1, toLevel: $0.2)
            })
    }

    func test_eachFilter_narrowsTheResults() {
        let all = [
            offering("A", format: .video, minutes: 8, targets: [("OM.3", 0, 1)], title: "Answering within the day"),
            offering("B", format: .classroom, minutes: 240, category: "Reporting", targets: [("OM.3", 1, 2)]),
            offering("C", minutes: 60, targets: [("KE.1", 0, 1)], language: "fr", phase: .relationship),
        ]
        func codes(_ fields: [String: String]) -> [String] {
            let (query, problems) = CatalogueQuery.read(fields)
            XCTAssertEqual(problems, [])
            return query.results(in: all, categories: CatalogueCategory.defaults).map(\.code)
        }
        XCTAssertEqual(codes([:]), ["C", "A", "B"], "by category in the catalogue's order, then title")
        XCTAssertEqual(codes(["format": "video"]), ["A"])
        XCTAssertEqual(codes(["category": "reporting"]), ["B"])
        XCTAssertEqual(codes(["competency": "om.3"]), ["A", "B"])
        XCTAssertEqual(codes(["competency": "OM.3", "level": "2"]), ["B"], "brings OM.3 up to Expert")
        XCTAssertEqual(codes(["level": "1"]), ["C", "A"])
        XCTAssertEqual(codes(["maxMinutes": "60"]), ["C", "A"])
        XCTAssertEqual(codes(["language": "FR"]), ["C"])
        XCTAssertEqual(codes(["phase": "relationship"]), ["C"])
        XCTAssertEqual(codes(["q": "ANSWERING  day"]), ["A"])
        XCTAssertEqual(codes(["q": "  ", "format": ""]), ["C", "A", "B"], "blank fields ask nothing")
    }

    func test_unreadableFilters_areNamed_andLeftOut() {
        let (query, problems) = CatalogueQuery.read([
            "format": "podcast", "level": "high", "maxMinutes": "-5", "phase": "third",
        ])
        XCTAssertEqual(Set(problems.map(\.location)), ["format", "level", "maxMinutes", "phase"])
        XCTAssertTrue(query.isEmpty)
    }
}

final class OfferingsCSVTests: XCTestCase {
    let known = KnownFramework(id: UUID(), content: GlobalMobilityAccountManagerFramework.content)
    let header = "code,title,category,format,duration_minutes,phase,prerequisites,framework,competencies\n"

    func read(_ rows: String, existing: [Offering] = []) throws(ImportReport) -> [Offering] {
        try OfferingsCSV.offerings(
            fromCSV: header + rows, categories: CatalogueCategory.defaults, frameworks: [known], existing: existing,
            baseURL: "https://acumen.example")
    }

    func test_anExportedCatalogue_readsBackAsItWas_acrossBothFrameworks() throws {
        let general = KnownFramework(id: UUID(), content: GeneralAccountManagementFramework.content)
        let offerings = DemoCatalogue.offerings(
            frameworks: .init(globalMobility: known.id, general: general.id), baseURL: "https://acumen.example")
        let csv = OfferingsCSV.make(offerings, frameworks: [known, general])
        XCTAssertTrue(csv.contains("Account Management Essentials: "), "targets in the other framework name it")
        let read = try OfferingsCSV.offerings(
            fromCSV: csv, categories: CatalogueCategory.defaults, frameworks: [known, general], existing: offerings,
            baseURL: "https://elsewhere.example")
        XCTAssertEqual(read, offerings)
    }

    func test_aNewOffering_getsAnActivityIDUnderTheServer_andTargetsByLevelName() throws {
        let read = try read(
            "NEW-1,Reading invoices,Financial,video,7,technical,,Global Mobility Account Manager,OM.6 Baseline>Advanced; KE.2 1>3\n"
        )
        XCTAssertEqual(read.first?.xapiActivityID, "https://acumen.example/xapi/activities/offerings/NEW-1")
        XCTAssertEqual(
            read.first?.targets,
            [
                CompetencyTarget(frameworkID: known.id, competencyCode: "OM.6", fromLevel: 0, toLevel: 1),
                CompetencyTarget(frameworkID: known.id, competencyCode: "KE.2", fromLevel: 0, toLevel: 2),
            ])
    }

    func test_everyBadRow_isListedByLine_andNothingIsRead() {
        let rows = """
            A-1,Good,Financial,video,7,technical,,,
            A-1,Same code,Financial,video,7,technical,,,
            A-3,Bad format,Financial,podcast,7,technical,,,
            A-4,Bad category,Cooking,video,7,technical,,,
            A-5,Bad minutes,Financial,video,soon,technical,,,
            A-6,Missing first,Financial,video,7,technical,Z-9,,
            A-7,Bad competency,Financial,video,7,technical,,Global Mobility Account Manager,XX.1 Baseline>Advanced
            A-8,Going down,Financial,video,7,technical,,Global Mobility Account Manager,OM.1 Expert>Baseline
            A-9,Loop one,Financial,video,7,technical,A-10,,
            A-10,Loop two,Financial,video,7,technical,A-9,,
            A-11,No framework,Financial,video,7,technical,,,OM.1 Baseline>Advanced

            """
        XCTAssertThrowsError(try read(rows)) { error in
            let problems = (error as? ImportReport)?.problems ?? []
            let lines = Dictionary(grouping: problems, by: \.line).mapValues { $0.map(\.message) }
            XCTAssertEqual(lines[3], ["code 'A-1' already appears on line 2"])
            XCTAssertEqual(lines[4]?.first?.hasPrefix("format \"podcast\""), true)
            XCTAssertEqual(lines[5]?.first?.hasPrefix("category \"Cooking\""), true)
            XCTAssertEqual(lines[6], ["duration_minutes \"soon\" must be a whole number of minutes from 1 to 43200"])
            XCTAssertEqual(lines[7], ["prerequisite Z-9 is neither in this file nor in the catalogue"])
            XCTAssertEqual(lines[8], ["XX.1 is not a competency of Global Mobility Account Manager"])
            XCTAssertEqual(lines[9]?.first?.contains("must go up"), true)
            XCTAssertEqual(lines[10], ["its prerequisites lead back to it"])
            XCTAssertEqual(lines[11], ["its prerequisites lead back to it"])
            XCTAssertEqual(lines[12], ["name the framework whose competencies the offering develops"])
            XCTAssertNil(lines[2], "the good row has no problem")
        }
    }

    func test_aCodeAlreadyInTheCatalogue_updatesThatOffering() throws {
        let existing = try read("K-1,Old title,Financial,video,7,technical,,,\n")
        let updated = try read("k-1,New title,Financial,video,9,technical,,,\n", existing: existing)
        XCTAssertEqual(updated.first?.id, existing.first?.id)
        XCTAssertEqual(updated.first?.title, "New title")
        XCTAssertEqual(updated.first?.xapiActivityID, existing.first?.xapiActivityID)
    }
}
