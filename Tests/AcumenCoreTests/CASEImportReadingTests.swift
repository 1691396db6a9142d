import AcumenCore
import XCTest

/// Packages as other CASE servers write them: flat or without rubrics, codes or short
/// statements, identifiers that are not UUIDs, no sequence numbers; and the malformed ones that
/// must be refused with every problem named.
final class CASEImportReadingTests: XCTestCase {
    private let documentID = "c0ffee00-0000-4000-8000-000000000001"

    /// A package in JSON: items as (identifier, code or nil, short statement or nil, full
    /// statement), associations as (identifier, child, parent, sequence number or nil).
    private func package(
        items: [(String, String?, String?, String)], associations: [(String, String, String, Int?)],
        extraDocument: String = ""
    ) throws -> CASEPackage {
        func text(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "null" }
        let itemsJSON = items.map { id, code, short, full in
            #"{"identifier": "\#(id)", "uri": "https://elsewhere.example/\#(id)", "humanCodingScheme": \#(text(code)), "abbreviatedStatement": \#(text(short)), "fullStatement": "\#(full)", "lastChangeDateTime": "2025-01-01T00:00:00Z"}"#
        }
        let associationsJSON = associations.map { id, child, parent, sequence in
            #"{"identifier": "\#(id)", "uri": "https://elsewhere.example/\#(id)", "associationType": "isChildOf", "sequenceNumber": \#(sequence.map(String.init) ?? "null"), "originNodeURI": {"title": "", "identifier": "\#(child)", "uri": "x"}, "destinationNodeURI": {"title": "", "identifier": "\#(parent)", "uri": "x"}, "lastChangeDateTime": "2025-01-01T00:00:00Z"}"#
        }
        let json = """
            {"CFDocument": {"identifier": "\(documentID)", "uri": "https://elsewhere.example/doc", "creator": "Elsewhere",
             "title": "Consulting skills", "lastChangeDateTime": "2025-01-01T00:00:00Z"\(extraDocument)},
             "CFItems": [\(itemsJSON.joined(separator: ","))],
             "CFAssociations": [\(associationsJSON.joined(separator: ","))]}
            """
        return try CASEImporter.decode(Data(json.utf8))
    }

    private func problems(_ package: CASEPackage) -> [String] {
        do {
            _ = try CASEImporter.read(package)
            return []
        } catch {
            return (error as? CASEImportError)?.problems ?? ["\(error)"]
        }
    }

    func test_aFlatPackageWithoutRubricsOrCodes_importsAsOneCategory_inFileOrder_withCodesGenerated() throws {
        let imported = try CASEImporter.read(
            try package(
                items: [
                    ("item-b", nil, "", "Listens before proposing"), ("item-a", nil, nil, "Writes clearly"),
                    ("item-c", "K9", "Negotiates", "Negotiates terms both sides can keep"),
                ],
                associations: [
                    ("as-1", "item-b", documentID, nil), ("as-2", "item-a", documentID, nil),
                    ("as-3", "item-c", documentID, nil),
                ],
                extraDocument: #", "CFPackageURI": "https://elsewhere.example/package""#))
        let content = imported.content
        XCTAssertEqual(content.categories.count, 1)
        XCTAssertEqual(content.categories[0].title, "Consulting skills", "named after the document")
        XCTAssertEqual(
            content.competencies.map(\.title), ["Listens before proposing", "Writes clearly", "Negotiates"],
            "in the file's order; an empty short statement gives way to the full one")
        XCTAssertEqual(content.competencies.map(\.code), ["C1.1", "C1.2", "K9"])
        XCTAssertEqual(content.competencies[2].description, "Negotiates terms both sides can keep")
        XCTAssertTrue(content.competencies.allSatisfy { $0.standards.allSatisfy(\.behaviours.isEmpty) })
        XCTAssertEqual(content.levels, .standard)
        XCTAssertTrue(imported.notes.contains { $0.contains("no categories") }, "\(imported.notes)")
        XCTAssertTrue(imported.notes.contains("Writes clearly had no code; it was given C1.2"), "\(imported.notes)")
        XCTAssertTrue(imported.notes.contains { $0.hasPrefix("C1.1 has no rubric") }, "\(imported.notes)")

        let again = try CASEImporter.read(
            try package(
                items: [("item-b", nil, "", "Listens before proposing")],
                associations: [("as-1", "item-b", documentID, nil)]))
        XCTAssertEqual(
            again.content.competencies[0].identifier, content.competencies[0].identifier,
            "an identifier that is not a UUID gets the same UUID on every import")
    }

    func test_aPackageWithoutItems_isAnEmptyDraft_withoutACategoryMadeUp() throws {
        let imported = try CASEImporter.read(try package(items: [], associations: []))
        XCTAssertEqual(imported.content.categories, [])
        XCTAssertEqual(imported.notes, [])
    }

    func test_sequenceNumbers_orderSiblings_beforeTheFileOrder() throws {
        let content = try CASEImporter.read(
            try package(
                items: [
                    ("cat", "A", "Advising", "Advising"), ("one", "A.1", "First", "First"),
                    ("two", "A.2", "Second", "Second"),
                ],
                associations: [
                    ("as-1", "cat", documentID, 1), ("as-2", "one", "cat", 2), ("as-3", "two", "cat", 1),
                ])
        ).content
        XCTAssertEqual(content.categories.map(\.code), ["A"])
        XCTAssertEqual(content.competencies.map(\.code), ["A.2", "A.1"])
    }

    func test_parentCycles_selfParents_andSharedIdentifiers_areRefused_eachNamed() throws {
        let cyclic = problems(
            try package(
                items: [
                    ("cat", "A", "Advising", "Advising"), ("x", "X", "X", "X"), ("y", "Y", "Y", "Y"),
                    ("z", "Z", "Z", "Z"),
                ],
                associations: [
                    ("as-1", "cat", documentID, 1), ("as-2", "x", "y", 1), ("as-3", "y", "x", 1),
                    ("as-4", "z", "z", 1),
                ]))
        XCTAssertTrue(cyclic.contains("items X, Y are each other's parents in a cycle"), "\(cyclic)")
        XCTAssertTrue(cyclic.contains("item Z is its own parent"), "\(cyclic)")

        let shared = problems(
            try package(
                items: [("cat", "A", "Advising", "Advising"), ("one", "A.1", "First", "First")],
                associations: [("as-1", "cat", documentID, 1), ("as-1", "one", "cat", 1)]))
        XCTAssertTrue(
            shared.contains { $0.hasPrefix("identifier as-1 is used by 2 objects (CFAssociation, CFAssociation)") },
            "\(shared)")

        let kinds = problems(
            try package(
                items: [("cat", "A", "Advising", "Advising"), ("one", "A.1", "First", "First")],
                associations: [("as-1", "cat", documentID, 1), ("one", "one", "cat", 1)]))
        XCTAssertTrue(kinds.contains { $0.contains("(CFItem, CFAssociation)") }, "\(kinds)")

        let unknownParent = problems(
            try package(
                items: [("cat", "A", "Advising", "Advising")],
                associations: [("as-1", "cat", "somewhere-else", 1)]))
        XCTAssertEqual(unknownParent, [], "an item outside the tree is left out, not refused")
    }

    func test_itemsBelowCompetencies_areKeptAsIndicators_atTheirDepth_andExportedBackBelowThem() throws {
        let imported = try CASEImporter.read(
            try package(
                items: [
                    ("cat", "A", "Advising", "Advising"), ("one", "A.1", "First", "First"),
                    ("sub", "A.1.a", "Asks", "Asks about the client's goals"), ("subsub", nil, nil, "Writes them down"),
                    ("sub2", nil, "Checks", "Checks the goals back"),
                ],
                associations: [
                    ("as-1", "cat", documentID, 1), ("as-2", "one", "cat", 1), ("as-3", "sub", "one", 1),
                    ("as-4", "subsub", "sub", 1), ("as-5", "sub2", "one", 2),
                ]))
        let competency = try XCTUnwrap(imported.content.competencies.first)
        XCTAssertEqual(competency.indicators.map(\.code), ["A.1.a", "A.1.a.1", "A.1.2"])
        XCTAssertEqual(competency.indicators.map(\.title), ["Asks", "Writes them down", "Checks"])
        XCTAssertEqual(competency.indicators[0].description, "Asks about the client's goals")
        XCTAssertNil(competency.indicators[0].parent)
        XCTAssertEqual(competency.indicators[1].parent, competency.indicators[0].identifier)
        XCTAssertNil(competency.indicators[2].parent)
        XCTAssertEqual(competency.indicatorOutline.map(\.depth), [0, 1, 0])
        XCTAssertTrue(
            imported.notes.contains("Writes them down had no code; it was given A.1.a.1"), "\(imported.notes)")

        let exported = CASEExporter(baseURL: "https://acumen.example").package(
            for: imported.content, version: 1, status: .draft, lastChange: Date())
        let again = try CASEImporter.read(exported).content
        XCTAssertEqual(again.competencies.first?.indicators, competency.indicators, "the round trip keeps the tree")
        XCTAssertTrue(exported.definitions?.itemTypes?.contains { $0.title == CASEExporter.indicatorType } ?? false)
    }

    func test_codesAndTitlesAcumenCannotKeep_areAdapted_andSaidSo() throws {
        let long = String(repeating: "Builds trust with the client's sponsors over many months ", count: 5)
        let imported = try CASEImporter.read(
            try package(
                items: [
                    ("cat", "CCSS.ELA-Literacy.CCRA.R", "Reading", "Reading"), ("one", "R 1", nil, long),
                    ("two", "r 1", "Second", "Second"),
                ],
                associations: [("as-1", "cat", documentID, 1), ("as-2", "one", "cat", 1), ("as-3", "two", "cat", 2)]))
        let content = imported.content
        XCTAssertEqual(content.categories[0].code.count, TextLimits.code)
        XCTAssertEqual(content.competencies.map(\.code), ["R-1", "r-1-2"])
        XCTAssertLessThanOrEqual(content.competencies[0].title.count, TextLimits.name)
        XCTAssertTrue(content.competencies[0].title.hasSuffix("…"))
        XCTAssertEqual(content.competencies[0].description, long.trimmingCharacters(in: .whitespaces))
        XCTAssertTrue(
            imported.notes.contains { $0.contains("the code R 1") && $0.hasSuffix("it became R-1") },
            "\(imported.notes)")
        XCTAssertTrue(imported.notes.contains { $0.contains("no short one") }, "\(imported.notes)")
        XCTAssertTrue(content.validate(requireComplete: false).isValid)
    }

    func test_fieldsImportDoesNotUse_mayBeMissingOrOfAnotherShape() throws {
        let json = #"""
            {"CFDocument": {"identifier": "doc", "title": "Field skills"},
             "CFDefinitions": {"CFItemTypes": [{"identifier": "t", "title": 5}]},
             "CFItems": [{"identifier": "a", "fullStatement": "Plans", "CFItemType": {"odd": true}},
                         {"identifier": "b", "fullStatement": "Briefs"}],
             "CFAssociations": [
               {"identifier": "l1", "associationType": "isChildOf", "sequenceNumber": "2",
                "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "doc"}},
               {"identifier": "l2", "associationType": "isChildOf", "sequenceNumber": 1,
                "originNodeURI": {"identifier": "b"}, "destinationNodeURI": {"identifier": "doc"}}]}
            """#
        let content = try CASEImporter.content(from: try CASEImporter.decode(Data(json.utf8)))
        XCTAssertEqual(
            content.competencies.map(\.title), ["Briefs", "Plans"], "a sequence number written as text counts")
        XCTAssertEqual(content.owner, "")

        let badSequence = json.replacingOccurrences(of: #""sequenceNumber": "2""#, with: #""sequenceNumber": "second""#)
        XCTAssertThrowsError(try CASEImporter.decode(Data(badSequence.utf8))) { error in
            XCTAssertTrue("\(error)".contains("sequenceNumber"), "\(error)")
        }
        let noStatement = json.replacingOccurrences(of: #""fullStatement": "Briefs""#, with: #""other": 1"#)
        XCTAssertThrowsError(try CASEImporter.decode(Data(noStatement.utf8))) { error in
            XCTAssertTrue("\(error)".contains("fullStatement"), "\(error)")
        }
    }

    func test_aTreeDeeperThanAcumenKeeps_isRefused_beforeItIsWalked() throws {
        // A chain of 5,000 items, each under the one before.
        let chain = (0..<5_000).map { ("i\($0)", nil as String?, nil as String?, "Item \($0)") }
        let links = (0..<5_000).map { ("l\($0)", "i\($0)", $0 == 0 ? documentID : "i\($0 - 1)", nil as Int?) }
        let found = problems(try package(items: chain, associations: links))
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(
            found[0].hasPrefix("items i12 are more than \(CASEImporter.maximumDepth) levels below the document"),
            found[0])
        let kept = Array(chain.prefix(CASEImporter.maximumDepth))
        let keptLinks = Array(links.prefix(CASEImporter.maximumDepth))
        let deepest = try CASEImporter.read(try package(items: kept, associations: keptLinks)).content
        XCTAssertEqual(deepest.competencies.first?.indicatorOutline.last?.depth, CASEImporter.maximumDepth - 3)
    }

    func test_itemsOutsideTheTree_areLeftOut_andAnItemUnderTwoParents_keepsItsFirst_eachSaid() throws {
        let imported = try CASEImporter.read(
            try package(
                items: [
                    ("cat", "A", "Advising", "Advising"), ("one", "A.1", "First", "First"),
                    ("two", "A.2", "Second", "Second"), ("stray", "S", "Stray", "Stray"),
                    ("elsewhere", "E", "Elsewhere", "Elsewhere"), ("below", "E.1", "Below", "Below"),
                ],
                associations: [
                    ("as-1", "cat", documentID, 1), ("as-2", "one", "cat", 1), ("as-3", "two", "cat", 2),
                    ("as-4", "two", "one", 1), ("as-5", "elsewhere", "another-document", 1),
                    ("as-6", "below", "elsewhere", 1), ("as-7", "ghost", "cat", 3),
                ]))
        XCTAssertEqual(imported.content.competencies.map(\.code), ["A.1", "A.2"])
        XCTAssertEqual(imported.content.competencies[0].indicators, [], "A.2 stays where it came first")
        XCTAssertTrue(
            imported.notes.contains { $0.hasPrefix("item A.2 also sits under A.1") && $0.hasSuffix("(A)") },
            "\(imported.notes)")
        XCTAssertTrue(
            imported.notes.contains(
                """
                items not linked to the document by isChildOf, directly or through other items of the package, were left out (3): S, E, E.1
                """), "\(imported.notes)")
        XCTAssertTrue(
            imported.notes.contains("associations placing items that are not in the package were not kept (1): as-7"),
            "\(imported.notes)")
    }

    func test_aNumberOutOfRange_isNamedWhereItIs() {
        let json =
            #"{"CFDocument": {"identifier": "d", "uri": "u", "creator": "c", "title": "t", "lastChangeDateTime": "x"}, "CFAssociations": [{"identifier": "a", "uri": "u", "associationType": "isChildOf", "sequenceNumber": 1e40, "originNodeURI": {"title": "", "identifier": "i", "uri": "u"}, "destinationNodeURI": {"title": "", "identifier": "d", "uri": "u"}, "lastChangeDateTime": "x"}]}"#
        XCTAssertThrowsError(try CASEImporter.decode(Data(json.utf8))) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("CFAssociations[0].sequenceNumber"), message)
            XCTAssertFalse(message.contains("not valid JSON"), message)
        }
    }
}
