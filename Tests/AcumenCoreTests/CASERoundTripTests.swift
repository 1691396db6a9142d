import AcumenCore
import XCTest

final class CASERoundTripTests: XCTestCase {
    let exporter = CASEExporter(baseURL: "https://acumen.example/")
    let stamp = Date(timeIntervalSince1970: 1_790_000_000)

    func test_exportThenImport_givesTheSameContent() throws {
        for model in BuiltInFrameworks.frameworks {
            let package = exporter.package(for: model, version: 3, status: .published, lastChange: stamp)
            let data = try JSONEncoder().encode(package)
            let imported = try CASEImporter.content(from: try CASEImporter.decode(data))
            // CASE carries one language per package; Acumen's translations stay in Acumen.
            var written = model
            written.translations = [:]
            XCTAssertEqual(imported, written)
        }
    }

    func test_thePackagesLanguage_travelsBothWays() throws {
        var model = GlobalMobilityAccountManagerFramework.content
        model.language = try XCTUnwrap(ContentLanguage(tag: "it"))
        let package = exporter.package(for: model, version: 1, status: .published, lastChange: stamp)
        XCTAssertEqual(package.document.language, "it")
        XCTAssertEqual(Set(package.items?.compactMap(\.language) ?? []), ["it"])
        let imported = try CASEImporter.content(from: try CASEImporter.decode(try JSONEncoder().encode(package)))
        XCTAssertEqual(imported.language.tag, "it", "an Italian package stays Italian")

        var unlabelled = package
        unlabelled.document.language = "English"
        unlabelled.items = unlabelled.items?.map { item in
            var item = item
            item.language = nil
            return item
        }
        let fallback = try CASEImporter.content(
            from: try CASEImporter.decode(try JSONEncoder().encode(unlabelled)))
        XCTAssertEqual(fallback.language, .english)
    }

    func test_export_isIdenticalOnEveryRun() throws {
        let model = GlobalMobilityAccountManagerFramework.content
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let first = try encoder.encode(exporter.package(for: model, version: 1, status: .published, lastChange: stamp))
        let second = try encoder.encode(exporter.package(for: model, version: 1, status: .published, lastChange: stamp))
        XCTAssertEqual(first, second)
    }

    func test_export_followsTheCASEShape() {
        let model = GlobalMobilityAccountManagerFramework.content
        let package = exporter.package(for: model, version: 1, status: .published, lastChange: stamp)
        XCTAssertEqual(package.items?.count, 19)
        XCTAssertEqual(package.items?.filter { $0.itemType == "Competency" }.count, 16)
        XCTAssertEqual(package.associations?.count, 19)
        XCTAssertTrue(
            package.associations!.allSatisfy { $0.associationType == "isChildOf" && $0.sequenceNumber != nil })
        XCTAssertEqual(package.rubrics?.count, 16)
        let levels = package.rubrics![0].criteria![0].levels!
        XCTAssertEqual(levels.map(\.quality), ["Baseline", "Advanced", "Expert"])
        XCTAssertEqual(levels.map(\.score), [1, 2, 3])
        XCTAssertEqual(package.items?.first { $0.humanCodingScheme == "OM.1" }?.itemType, "Competency")
        XCTAssertEqual(package.document.adoptionStatus, "Adopted")
        let identifiers = [package.document.identifier] + package.items!.map(\.identifier)
        XCTAssertTrue(identifiers.allSatisfy { $0 == $0.lowercased() && UUID(uuidString: $0) != nil })
        XCTAssertTrue(package.document.uri.hasPrefix("https://acumen.example/ims/case/v1p1/"))
    }

    func test_export_identifiersAreVersions1To5_evenForStoredIdentifiersOfOtherKinds() throws {
        var model = GlobalMobilityAccountManagerFramework.content
        // As a framework stored before identifiers were version 5, or imported with others.
        let version8 = try XCTUnwrap(UUID(uuidString: "90949621-8ffd-84ea-89e7-ea1ed83d3866"))
        model.identifier = version8
        model.categories[0].competencies[0].identifier = try XCTUnwrap(
            UUID(uuidString: "01890a5d-ac96-774b-bcce-b302099a8057"))
        let package = exporter.linkedPackage(for: model, version: 1, status: .published, lastChange: stamp)
        var identifiers = [package.document.identifier] + package.items!.map(\.identifier)
        identifiers += package.associations!.map(\.identifier) + package.rubrics!.map(\.identifier)
        identifiers += package.rubrics!.flatMap { $0.criteria! }.flatMap {
            [$0.identifier] + $0.levels!.map(\.identifier)
        }
        identifiers += package.definitions!.itemTypes!.map(\.identifier)
        XCTAssertEqual(Set(identifiers).count, identifiers.count, "every object has its own identifier")
        for identifier in identifiers {
            XCTAssertTrue(UUID(uuidString: identifier)?.isCASEIdentifier == true, identifier)
            XCTAssertEqual(identifier, identifier.lowercased())
        }
        XCTAssertEqual(package.document.identifier, CASEExporter.identifier(for: version8))
        XCTAssertNotEqual(package.document.identifier, version8.lowercasedString)
        let again = exporter.linkedPackage(for: model, version: 1, status: .published, lastChange: stamp)
        XCTAssertEqual(again.items!.map(\.identifier), package.items!.map(\.identifier), "the same every time")
        let kept = GlobalMobilityAccountManagerFramework.content.competencies[0].identifier
        XCTAssertEqual(CASEExporter.identifier(for: kept), kept.lowercasedString, "a version-5 identifier is kept")
    }

    func test_package_linksNothingThePackageSchemaForbids_whileObjectsServedAloneLinkTheirDocument() {
        let model = GlobalMobilityAccountManagerFramework.content
        let package = exporter.package(for: model, version: 1, status: .published, lastChange: stamp)
        XCTAssertNil(package.document.packageURI)
        XCTAssertTrue(package.items!.allSatisfy { $0.documentURI == nil })
        XCTAssertTrue(package.associations!.allSatisfy { $0.documentURI == nil })
        let linked = exporter.linkedPackage(for: model, version: 1, status: .published, lastChange: stamp)
        XCTAssertEqual(
            linked.document.packageURI?.uri,
            "https://acumen.example/ims/case/v1p1/CFPackages/\(linked.document.identifier)")
        XCTAssertTrue(linked.items!.allSatisfy { $0.documentURI?.identifier == linked.document.identifier })
        XCTAssertTrue(linked.associations!.allSatisfy { $0.documentURI?.identifier == linked.document.identifier })
    }

    func test_import_keepsACompetencyWithoutRubric_withItsBehavioursToWrite() throws {
        var package = exporter.package(
            for: GeneralAccountManagementFramework.content, version: 1, status: .draft, lastChange: stamp)
        package.rubrics?.removeFirst()
        let imported = try CASEImporter.read(package)
        let competency = try XCTUnwrap(imported.content.competencies.first { $0.code == "CN.1" })
        XCTAssertTrue(competency.standards.allSatisfy(\.behaviours.isEmpty))
        XCTAssertEqual(imported.notes, ["CN.1 has no rubric: its behaviours are to be written in the draft"])
    }

    func test_import_listsEveryProblem_notJustTheFirst() throws {
        var package = exporter.package(
            for: GeneralAccountManagementFramework.content, version: 1, status: .draft, lastChange: stamp)
        package.associations = package.associations.map { associations in
            associations.map { association in
                var association = association
                association.identifier = "the-same"
                return association
            }
        }
        package.rubrics?[0].criteria?[0].levels = []
        XCTAssertThrowsError(try CASEImporter.content(from: package)) { error in
            let problems = (error as? CASEImportError)?.problems ?? []
            XCTAssertTrue(problems.contains { $0.hasPrefix("identifier the-same is used by") }, "\(problems)")
            XCTAssertTrue(
                problems.contains { $0.contains("the rubrics do not all use the same levels") }, "\(problems)")
        }
    }

    func test_malformedJSON_namesTheField() {
        let json = Data(#"{"CFDocument": {"identifier": 5}}"#.utf8)
        XCTAssertThrowsError(try CASEImporter.decode(json)) { error in
            XCTAssertTrue("\(error)".contains("CFDocument.identifier"), "\(error)")
        }
        XCTAssertThrowsError(try CASEImporter.decode(Data("{".utf8)))
    }

    func test_behaviourLines_dropMarkersAndBlankLines() {
        XCTAssertEqual(CASEImporter.lines("- one\n\n* two\r\n• three  "), ["one", "two", "three"])
    }
}
