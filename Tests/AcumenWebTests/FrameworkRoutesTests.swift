import AcumenCore
import AcumenStore
import AcumenWeb
import XCTVapor
import XCTest

final class FrameworkRoutesTests: XCTestCase {
    func test_draftJourney_newVersion_comment_publish() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let repository = FrameworkRepository(database: app.db)
            let published = try await repository.latestPublished(named: GlobalMobilityAccountManagerFramework.name)!
            try await browser.get("/frameworks/\(published.id)")
            let started = try await browser.post("/frameworks/\(published.id)/versions", form: [:])
            XCTAssertEqual(started.status, .seeOther)
            let draft = try await repository.versions(lineageID: published.lineageID).first { $0.status == .draft }!
            let competency = try await repository.version(id: draft.id).content.competencies[0]

            let page = try await browser.get("/frameworks/\(draft.id)/competencies/\(competency.identifier)")
            XCTAssertContains(page.body.string, "Baseline")
            XCTAssertContains(page.body.string, "Expert")
            let comment = try await browser.post(
                "/frameworks/\(draft.id)/competencies/\(competency.identifier)/comments",
                form: ["body": "Name the tool."])
            XCTAssertEqual(comment.status, .seeOther)
            let withComment = try await browser.get("/frameworks/\(draft.id)")
            XCTAssertContains(withComment.body.string, "1 review comment is still open")

            let publish = try await browser.post("/frameworks/\(draft.id)/publish", form: [:])
            XCTAssertEqual(publish.status, .seeOther)
            let draftStatus = try await repository.summary(id: draft.id).status
            XCTAssertEqual(draftStatus, .published)
            let previousStatus = try await repository.summary(id: published.id).status
            XCTAssertEqual(previousStatus, .retired)
        }
    }

    func test_draftCategories_canBeRenamed_andRemoved_butNotGivenADuplicateCode() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let repository = FrameworkRepository(database: app.db)
            let published = try await repository.latestPublished(named: GeneralAccountManagementFramework.name)!
            let draft = try await repository.startNewVersion(from: published.id)
            let categories = try await repository.version(id: draft.id).content.categories
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let base = "/frameworks/\(draft.id)/categories/\(categories[0].identifier)"
            try await browser.get("\(base)/edit")

            let duplicate = try await browser.post("\(base)/edit", form: ["code": "VP", "title": "Negotiation"])
            XCTAssertEqual(duplicate.status, .unprocessableEntity)
            XCTAssertContains(duplicate.body.string, "code \"VP\" is used more than once")

            let renamed = try await browser.post(
                "\(base)/edit", form: ["code": "NEG", "title": "Negotiating contracts"])
            XCTAssertEqual(renamed.status, .seeOther)
            let afterRename = try await repository.version(id: draft.id).content.categories[0]
            XCTAssertEqual(afterRename.title, "Negotiating contracts")
            XCTAssertEqual(afterRename.competencies.count, 2)

            let removed = try await browser.post("\(base)/archive", form: [:])
            XCTAssertEqual(removed.status, .seeOther)
            let remaining = try await repository.version(id: draft.id).content.categories.map(\.code)
            XCTAssertEqual(remaining, ["VP", "BP", "CD", "RM", "RB"])
            let original = try await repository.version(id: published.id).content.categories.count
            XCTAssertEqual(original, 6, "the published version keeps its categories")
        }
    }

    func test_editingAPublishedVersion_isRefused() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let published = try await FrameworkRepository(database: app.db).latestPublished(
                named: GeneralAccountManagementFramework.name)!
            try await browser.get("/frameworks/\(published.id)")
            let response = try await browser.post("/frameworks/\(published.id)/edit", form: ["name": "Renamed"])
            XCTAssertEqual(response.status, .conflict)
            let nameAfterRefusal = try await FrameworkRepository(database: app.db).summary(id: published.id).name
            XCTAssertEqual(nameAfterRefusal, GeneralAccountManagementFramework.name)
        }
    }

    func test_accountManager_cannotStartVersions_orSeeDrafts() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let repository = FrameworkRepository(database: app.db)
            let published = try await repository.latestPublished(named: GeneralAccountManagementFramework.name)!
            let draft = try await repository.startNewVersion(from: published.id)
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .accountManager, in: demo))
            try await browser.get("/frameworks/\(published.id)")
            let startVersionStatus = try await browser.post("/frameworks/\(published.id)/versions", form: [:]).status
            XCTAssertEqual(startVersionStatus, .forbidden)
            let draftPageStatus = try await browser.get("/frameworks/\(draft.id)").status
            XCTAssertEqual(draftPageStatus, .notFound)
            let unknownPageStatus = try await browser.get("/frameworks/\(UUID())").status
            XCTAssertEqual(unknownPageStatus, .notFound)
        }
    }

    func test_api_returnsNestedFramework() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let token = try await WebHarness.token(for: .supervisor, app: app, demo: demo)
            let published = try await FrameworkRepository(database: app.db).latestPublished(
                named: GlobalMobilityAccountManagerFramework.name)!
            try await app.send(
                .GET, "/api/v1/frameworks/\(published.id)", headers: ["Authorization": "Bearer \(token)"],
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    let categories = try response.content.get([FrameworkCategoryShape].self, at: "categories")
                    XCTAssertEqual(categories.map(\.competencies.count), [7, 5, 4])
                    XCTAssertEqual(
                        categories[0].competencies[0].levels.map(\.name), ["Baseline", "Advanced", "Expert"])
                })
            try await app.send(
                .GET, "/api/v1/frameworks/not-a-uuid", headers: ["Authorization": "Bearer \(token)"],
                afterResponse: { response in
                    XCTAssertEqual(response.status, .notFound)
                    XCTAssertEqual(try response.content.get(String.self, at: "error", "code"), "not_found")
                })
        }
    }

    func test_caseImport_roundTripsTheExport_andBadPackagesChangeNothing() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let token = try await WebHarness.token(for: .programmeManager, app: app, demo: demo)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let published = try await FrameworkRepository(database: app.db).latestPublished(
                named: GeneralAccountManagementFramework.name)!
            var exported = ByteBuffer()
            try await app.send(
                .GET, "/ims/case/v1p1/CFPackages/\(published.id.uuidString.lowercased())",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    exported = response.body
                })
            try await app.send(
                .POST, "/api/v1/frameworks/import", headers: headers, body: exported,
                afterResponse: { response in
                    XCTAssertEqual(response.status, .created)
                    let id = try response.content.get(UUID.self, at: "id")
                    let imported = try await FrameworkRepository(database: app.db).version(id: id)
                    let original = try await FrameworkRepository(database: app.db).version(id: published.id)
                    XCTAssertEqual(imported.summary.status, .draft)
                    XCTAssertEqual(imported.content.withoutIdentifiers, original.content.withoutIdentifiers)
                    XCTAssertEqual(try response.content.get(String.self, at: "origin", "source"), "casePackage")
                    XCTAssertEqual(try response.content.get([String].self, at: "origin", "notes"), [])
                    XCTAssertEqual(
                        response.headers.first(name: .location), "/api/v1/frameworks/\(id.uuidString.lowercased())")
                })
            let before = try await FrameworkRepository(database: app.db).summaries().count
            for body in ["{", "[]", #"{"CFDocument": {"identifier": 1}}"#, String(repeating: "x", count: 100)] {
                try await app.send(
                    .POST, "/api/v1/frameworks/import", headers: headers, body: ByteBuffer(string: body),
                    afterResponse: { response in
                        XCTAssertTrue([400, 422].contains(response.status.code), "\(body): \(response.status)")
                        XCTAssertNotNil(try? response.content.get(String.self, at: "error", "message"))
                    })
            }
            let countAfterBadImports = try await FrameworkRepository(database: app.db).summaries().count
            XCTAssertEqual(countAfterBadImports, before)
        }
    }

    func test_aPackageHoldingANUL_isRefusedWithItsPlace_onSQLite() async throws {
        try await packageHoldingANULIsRefused(on: WebHarness.sqlite())
    }

    func test_aPackageHoldingANUL_isRefusedWithItsPlace_onPostgreSQL() async throws {
        try await packageHoldingANULIsRefused(on: try WebHarness.postgres())
    }

    /// PostgreSQL refuses to store a NUL; the import must say so rather than fail inside the store.
    private func packageHoldingANULIsRefused(on database: DatabaseLocation) async throws {
        try await WebHarness.withDemoApp(database: database) { app, demo in
            let token = try await WebHarness.token(for: .programmeManager, app: app, demo: demo)
            let package = #"""
                {"CFDocument": {"identifier": "doc", "title": "Field skills"},
                 "CFItems": [{"identifier": "a", "fullStatement": "Plans\u0000the move"}],
                 "CFAssociations": [{"identifier": "l", "associationType": "isChildOf",
                   "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "doc"}}]}
                """#
            let before = try await FrameworkRepository(database: app.db).summaries().count
            try await app.send(
                .POST, "/api/v1/frameworks/import",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: package),
                afterResponse: { response in
                    XCTAssertEqual(response.status, .unprocessableEntity, response.body.string)
                    XCTAssertTrue(response.body.string.contains("control character"), response.body.string)
                })
            let after = try await FrameworkRepository(database: app.db).summaries().count
            XCTAssertEqual(after, before)
        }
    }

    func test_everyURIInThePackage_resolvesToItsObject_andUnknownIdentifiersAreNotFound() async throws {
        try await WebHarness.withDemoApp { app, _ in
            let published = try await FrameworkRepository(database: app.db).latestPublished(
                named: GlobalMobilityAccountManagerFramework.name)!
            let packageID = CASEExporter.identifier(for: published.id)
            var package: [String: Any] = [:]
            try await app.send(
                .GET, "/ims/case/v1p1/CFPackages/\(packageID)",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    package = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
                })
            var links: [String: String] = [:]  // uri: identifier
            func collect(_ value: Any) {
                if let object = value as? [String: Any] {
                    if let uri = object["uri"] as? String, let identifier = object["identifier"] as? String {
                        links[uri] = identifier
                    }
                    object.values.forEach(collect)
                } else if let list = value as? [Any] {
                    list.forEach(collect)
                }
            }
            collect(package)
            // The package links to no package; its document, served alone, does.
            let document = try XCTUnwrap(package["CFDocument"] as? [String: Any])
            try await app.send(
                .GET, "/ims/case/v1p1/CFDocuments/\(try XCTUnwrap(document["identifier"] as? String))",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    collect(try JSONSerialization.jsonObject(with: Data(buffer: response.body)))
                })
            let kinds = Set(links.keys.compactMap { $0.split(separator: "/").dropLast().last.map(String.init) })
            XCTAssertEqual(
                kinds,
                [
                    "CFDocuments", "CFPackages", "CFItems", "CFAssociations", "CFItemTypes", "CFRubrics",
                    "CFRubricCriteria", "CFRubricCriterionLevels",
                ])
            for (uri, identifier) in links {
                let path = try XCTUnwrap(URLComponents(string: uri)?.path)
                try await app.send(
                    .GET, path,
                    afterResponse: { response in
                        XCTAssertEqual(response.status, .ok, uri)
                        let served =
                            try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                        let document = served?["CFDocument"] as? [String: Any]
                        XCTAssertEqual(
                            (served?["identifier"] ?? document?["identifier"]) as? String, identifier, uri)
                    })
            }
            let competency = GlobalMobilityAccountManagerFramework.content.competencies[0].identifier.lowercasedString
            try await app.send(
                .GET, "/ims/case/v1p1/CFItemAssociations/\(competency)",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    XCTAssertEqual(try response.content.get(String.self, at: "CFItem", "humanCodingScheme"), "OM.1")
                    struct Association: Decodable { var associationType: String }
                    let associations = try response.content.get([Association].self, at: "CFAssociations")
                    XCTAssertEqual(associations.map(\.associationType), ["isChildOf"])
                })
            for kind in ["CFDocuments", "CFItems", "CFAssociations", "CFItemTypes", "CFRubrics", "CFPackages"] {
                for id in [UUID().uuidString, "not-an-identifier"] {
                    try await app.send(
                        .GET, "/ims/case/v1p1/\(kind)/\(id)",
                        afterResponse: { response in
                            XCTAssertEqual(response.status, .notFound, "\(kind)/\(id)")
                        })
                }
            }
        }
    }

    func test_aForeignFlatPackage_importsAsADraft_andACycleOfParentsIsRefusedWithNothingMade() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let token = try await WebHarness.token(for: .programmeManager, app: app, demo: demo)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            func package(_ associations: String) -> ByteBuffer {
                ByteBuffer(
                    string: #"""
                        {"CFDocument": {"identifier": "doc-1", "uri": "https://elsewhere.example/doc-1", "creator": "Elsewhere",
                          "title": "Field skills", "lastChangeDateTime": "2025-01-01T00:00:00Z", "CFPackageURI": "https://elsewhere.example/p"},
                         "CFItems": [
                          {"identifier": "i-1", "uri": "u", "fullStatement": "Plans the move", "lastChangeDateTime": "2025-01-01T00:00:00Z"},
                          {"identifier": "i-2", "uri": "u", "fullStatement": "Briefs the family", "abbreviatedStatement": "", "lastChangeDateTime": "2025-01-01T00:00:00Z"}],
                         "CFAssociations": [\#(associations)]}
                        """#)
            }
            func childOf(_ id: String, _ child: String, _ parent: String) -> String {
                #"{"identifier": "\#(id)", "uri": "u", "associationType": "isChildOf", "originNodeURI": {"title": "", "identifier": "\#(child)", "uri": "u"}, "destinationNodeURI": {"title": "", "identifier": "\#(parent)", "uri": "u"}, "lastChangeDateTime": "2025-01-01T00:00:00Z"}"#
            }
            let before = try await FrameworkRepository(database: app.db).summaries().count
            try await app.send(
                .POST, "/api/v1/frameworks/import", headers: headers,
                body: package(childOf("a-1", "i-2", "i-1") + "," + childOf("a-2", "i-1", "i-2")),
                afterResponse: { response in
                    XCTAssertEqual(response.status, .unprocessableEntity)
                    let details = try response.content.get([String].self, at: "error", "details")
                    XCTAssertTrue(details.contains { $0.contains("each other's parents in a cycle") }, "\(details)")
                })
            let afterRefusal = try await FrameworkRepository(database: app.db).summaries().count
            XCTAssertEqual(afterRefusal, before, "nothing was made")
            try await app.send(
                .POST, "/api/v1/frameworks/import", headers: headers,
                body: package(childOf("a-1", "i-1", "doc-1") + "," + childOf("a-2", "i-2", "doc-1")),
                afterResponse: { response in
                    XCTAssertEqual(response.status, .created)
                    let id = try response.content.get(UUID.self, at: "id")
                    let imported = try await FrameworkRepository(database: app.db).version(id: id)
                    XCTAssertEqual(imported.summary.status, .draft)
                    XCTAssertEqual(imported.content.categories.map(\.title), ["Field skills"])
                    XCTAssertEqual(imported.content.competencies.map(\.title), ["Plans the move", "Briefs the family"])
                    XCTAssertEqual(imported.content.competencies.map(\.code), ["C1.1", "C1.2"])
                })
        }
    }

    func test_caseEndpoints_serveOnlyAdoptedVersions() async throws {
        try await WebHarness.withDemoApp { app, _ in
            let repository = FrameworkRepository(database: app.db)
            let published = try await repository.latestPublished(named: GlobalMobilityAccountManagerFramework.name)!
            let draft = try await repository.startNewVersion(from: published.id)
            try await app.send(
                .GET, "/ims/case/v1p1/CFDocuments",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    struct Document: Decodable { var identifier: String }
                    let identifiers = try response.content.get([Document].self, at: "CFDocuments").map(\.identifier)
                    XCTAssertTrue(identifiers.contains(published.id.uuidString.lowercased()))
                    XCTAssertFalse(identifiers.contains(draft.id.uuidString.lowercased()), "drafts are not served")
                })
            try await app.send(
                .GET, "/ims/case/v1p1/CFPackages/\(draft.id)",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .notFound)
                })
            let competency = GlobalMobilityAccountManagerFramework.content.competencies[0]
            try await app.send(
                .GET, "/ims/case/v1p1/CFItems/\(competency.identifier.uuidString.lowercased())",
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    XCTAssertEqual(try response.content.get(String.self, at: "humanCodingScheme"), "OM.1")
                })
        }
    }
}

private struct FrameworkCategoryShape: Decodable {
    struct Competency: Decodable {
        struct Level: Decodable { var name: String }
        var levels: [Level]
    }
    var competencies: [Competency]
}

extension FrameworkContent {
    /// The content with every identifier blanked, for comparing copies.
    var withoutIdentifiers: FrameworkContent {
        var copy = self
        let zero = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        copy.identifier = zero
        copy.categories = categories.map { category in
            var category = category
            category.identifier = zero
            category.competencies = category.competencies.map { competency in
                var competency = competency
                competency.identifier = zero
                return competency
            }
            return category
        }
        return copy
    }
}
