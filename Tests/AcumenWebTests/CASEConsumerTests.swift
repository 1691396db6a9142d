import AcumenCore
import AcumenStore
import NIOConcurrencyHelpers
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

/// Acumen as a CASE consumer: packages fetched from another provider (a server the test starts
/// on a loopback port), by the package's address or its document's, fetched again as a later version with its changes, and every way the
/// other server can fail, each refused with a message that quotes nothing the server sent.
final class CASEConsumerTests: XCTestCase {
    /// Another organisation's CASE provider: serves `package` at `CFPackages/{id}`, a private page
    /// at `/internal`, and 404 elsewhere.
    private final class Provider: Sendable {
        let app: Application
        let package: NIOLockedValueBox<CASEPackage>
        let port: Int

        init(serving package: CASEPackage) async throws {
            let app = try await Application.make(.testing)
            let box = NIOLockedValueBox(package)
            app.http.server.configuration.hostname = "127.0.0.1"
            app.http.server.configuration.port = 0
            app.get("ims", "case", "v1p1", "CFPackages", ":id") { request async throws -> Response in
                let current = box.withLockedValue { $0 }
                guard request.parameters.get("id") == current.document.identifier else { throw Abort(.notFound) }
                let response = Response(status: .ok)
                try response.content.encode(current, as: .json)
                return response
            }
            // Its document links to its package somewhere other than CFPackages/{id}, as some do.
            app.get("ims", "case", "v1p1", "CFDocuments", ":id") { request async throws -> Response in
                var document = box.withLockedValue { $0 }.document
                guard request.parameters.get("id") == document.identifier else { throw Abort(.notFound) }
                let port = request.application.http.server.shared.localAddress?.port ?? 0
                document.packageURI = CASELinkURI(
                    title: document.title, identifier: document.identifier,
                    uri: "http://127.0.0.1:\(port)/packages/\(document.identifier)")
                let response = Response(status: .ok)
                try response.content.encode(document, as: .json)
                return response
            }
            app.get("packages", ":id") { request async throws -> Response in
                let current = box.withLockedValue { $0 }
                guard request.parameters.get("id") == current.document.identifier else { throw Abort(.notFound) }
                let response = Response(status: .ok)
                try response.content.encode(current, as: .json)
                return response
            }
            // A package that moved: answered with a redirect to the same host, or to another name of it.
            app.get("moved", ":id") { request -> Response in
                let port = request.application.http.server.shared.localAddress?.port ?? 0
                let host = request.query[String.self, at: "host"] ?? "127.0.0.1"
                return request.redirect(to: "http://\(host):\(port)/packages/\(request.parameters.get("id") ?? "")")
            }
            app.get("internal") { _ in "<html><body>payroll: secret-internal-figure</body></html>" }
            try await app.server.start(address: nil)
            self.app = app
            self.package = box
            self.port = app.http.server.shared.localAddress?.port ?? 0
        }

        var base: String { "http://127.0.0.1:\(port)" }

        func stop() async throws {
            await app.server.shutdown()
            try await app.asyncShutdown()
        }
    }

    /// A framework as another server would publish it: with indicators below a competency.
    private func foreignContent() -> FrameworkContent {
        var content = GeneralAccountManagementFramework.content
        content.identifier = UUID(uuidString: "5f0c2a6e-8d1b-4c3a-9e2f-7a6b5c4d3e21")!
        content.name = "Partner consulting skills"
        let asks = IndicatorContent(code: "PX.1", title: "Asks about goals")
        content.categories[0].competencies[0].indicators = [
            asks, IndicatorContent(code: "PX.1.1", title: "Writes the goals down", parent: asks.identifier),
        ]
        return content
    }

    private func package(_ content: FrameworkContent) -> CASEPackage {
        CASEExporter(baseURL: "https://partner.example").package(
            for: content, version: 1, status: .published, lastChange: Date(timeIntervalSince1970: 1_800_000_000))
    }

    func test_aPackageFetchedFromAProvider_becomesADraft_andFetchingAgainMakesItsNextVersionWithChanges()
        async throws
    {
        var content = foreignContent()
        let provider = try await Provider(serving: package(content))
        do {
            try await WebHarness.withDemoApp { app, demo in
                let browser = BrowserSession(app: app)
                try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
                try await browser.get("/import")
                let documentID = CASEExporter.identifier(for: content.identifier)
                let fetched = try await browser.post(
                    "/import/framework-address",
                    form: ["url": "\(provider.base)/ims/case/v1p1/CFDocuments/\(documentID)"])
                XCTAssertEqual(fetched.status, .seeOther, fetched.body.string)
                let location = try XCTUnwrap(fetched.headers.first(name: .location))
                XCTAssertTrue(location.hasSuffix("#imported"), location)
                let draftPath = String(location.prefix { $0 != "#" })
                let draft = try await browser.get(draftPath)
                // The document's CFPackageURI was followed, and that address is what is kept.
                let address = "\(provider.base)/packages/\(documentID)"
                XCTAssertTrue(draft.body.string.contains("Imported from the CASE provider at \(address)"))
                XCTAssertTrue(draft.body.string.contains("Writes the goals down"), "indicators are shown")
                XCTAssertTrue(draft.body.string.contains("indicators 2,"), "the draft counts what was carried over")

                let repository = FrameworkRepository(database: app.db)
                let latest = try await repository.latestVersion(fetchedFrom: address)
                let first = try XCTUnwrap(latest)
                _ = try await repository.publish(id: first.id)
                let published = try await browser.get(SitePath.framework.url(first.id))
                XCTAssertTrue(
                    published.body.string.contains("Fetch the provider&#39;s current version")
                        || published.body.string.contains("Fetch the provider's current version"))

                let unchanged = try await browser.post(SitePath.frameworkFetch.url(first.id), form: [:])
                XCTAssertEqual(unchanged.status, .seeOther)
                let afterUnchanged = try await browser.get(SitePath.framework.url(first.id))
                XCTAssertTrue(afterUnchanged.body.string.contains("no version was made"), afterUnchanged.body.string)
                let versionsBefore = try await repository.versions(lineageID: first.lineageID)
                XCTAssertEqual(versionsBefore.count, 1)

                content.categories[0].competencies[1].title = "Renamed at the partner"
                content.categories[0].competencies[0].indicators.append(
                    IndicatorContent(code: "PX.2", title: "Checks the goals back"))
                provider.package.withLockedValue { $0 = self.package(content) }
                let later = try await browser.post(SitePath.frameworkFetch.url(first.id), form: [:])
                XCTAssertEqual(later.status, .seeOther)
                let laterLocation = try XCTUnwrap(later.headers.first(name: .location))
                XCTAssertTrue(laterLocation.hasSuffix("#changes"), laterLocation)
                let second = try await browser.get(String(laterLocation.prefix { $0 != "#" }))
                let page = second.body.string
                XCTAssertTrue(page.contains("Changes since version 1"), page)
                let renamed = content.categories[0].competencies[1].code
                let indicated = content.categories[0].competencies[0].code
                XCTAssertTrue(page.contains("\(renamed) Renamed at the partner (title)"), page)
                XCTAssertTrue(page.contains("(indicators)") && page.contains(indicated), page)
                let versionsAfter = try await repository.versions(lineageID: first.lineageID)
                XCTAssertEqual(versionsAfter.map(\.version).sorted(), [1, 2])
            }
        } catch {
            try await provider.stop()
            throw error
        }
        try await provider.stop()
    }

    func test_redirectsAreFollowed_butOnlyToTheHostsImportMayFetchFrom() async throws {
        let content = foreignContent()
        let provider = try await Provider(serving: package(content))
        let documentID = CASEExporter.identifier(for: content.identifier)
        do {
            try await WebHarness.withDemoApp(adjusting: { $0.caseProviderHosts = ["127.0.0.1"] }) { app, demo in
                let browser = BrowserSession(app: app)
                try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
                try await browser.get("/import")
                let elsewhere = try await browser.post(
                    "/import/framework-address", form: ["url": "\(provider.base)/moved/\(documentID)?host=localhost"])
                XCTAssertEqual(elsewhere.status, .unprocessableEntity)
                XCTAssertTrue(
                    elsewhere.body.string.contains(
                        "only from 127.0.0.1 (ACUMEN_CASE_PROVIDER_HOSTS); localhost is not"),
                    elsewhere.body.string)
                let moved = try await browser.post(
                    "/import/framework-address", form: ["url": "\(provider.base)/moved/\(documentID)"])
                XCTAssertEqual(moved.status, .seeOther, moved.body.string)
                let kept = try await FrameworkRepository(database: app.db).latestVersion(
                    fetchedFrom: "\(provider.base)/moved/\(documentID)")
                XCTAssertNotNil(kept, "the address given is kept; the provider may move the package again")
            }
            try await WebHarness.withDemoApp(adjusting: { $0.caseProviderHosts = ["partner.example"] }) { app, demo in
                let browser = BrowserSession(app: app)
                try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
                try await browser.get("/import")
                let refused = try await browser.post(
                    "/import/framework-address", form: ["url": "\(provider.base)/packages/\(documentID)"])
                XCTAssertEqual(refused.status, .unprocessableEntity)
                XCTAssertTrue(refused.body.string.contains("127.0.0.1 is not one of them"), refused.body.string)
            }
        } catch {
            try await provider.stop()
            throw error
        }
        try await provider.stop()
    }

    func test_everyWayTheOtherServerCanFail_isRefused_withoutQuotingIt_andNothingIsImported() async throws {
        let provider = try await Provider(serving: package(foreignContent()))
        do {
            try await WebHarness.withDemoApp { app, demo in
                let browser = BrowserSession(app: app)
                try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
                try await browser.get("/import")
                let before = try await FrameworkRepository(database: app.db).summaries().count
                let cases: [(String, String)] = [
                    ("file:///etc/passwd", "not an http or https address"),
                    ("", "Give the address"),
                    ("http://user:secret@127.0.0.1:\(provider.port)/x", "Leave the user name and password out"),
                    ("\(provider.base)/ims/case/v1p1/CFPackages/nothing-here", "answered 404"),
                    ("\(provider.base)/internal", "not valid JSON"),
                    ("http://127.0.0.1:1/ims/case/v1p1/CFPackages/x", "could not reach"),
                ]
                for (address, expected) in cases {
                    let refused = try await browser.post("/import/framework-address", form: ["url": address])
                    XCTAssertEqual(refused.status, .unprocessableEntity, address)
                    let body = refused.body.string
                    XCTAssertTrue(body.contains(expected), "\(address): \(body)")
                    XCTAssertTrue(body.contains("nothing was imported"), address)
                    XCTAssertFalse(body.contains("secret-internal-figure"), "the other server's page was echoed")
                }
                let after = try await FrameworkRepository(database: app.db).summaries().count
                XCTAssertEqual(after, before)
            }
        } catch {
            try await provider.stop()
            throw error
        }
        try await provider.stop()
    }
}
