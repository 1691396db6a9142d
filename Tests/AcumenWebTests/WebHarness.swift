import AcumenCore
import AcumenStore
import SQLKit
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

/// An application on a fresh in-memory database with the demo organisation loaded.
/// Demo logins all share `DemoOrganisation.password`.
enum WebHarness {
    static func withDemoApp(
        database: DatabaseLocation = .sqliteMemory(identifier: UUID().uuidString),
        anonymityKey: String = SecretToken.generate(), loadsDemo: Bool = true,
        adjusting adjust: (inout AcumenSettings) -> Void = { _ in },
        _ body: (Application, DemoOrganisation) async throws -> Void
    ) async throws {
        let app = try await Application.make(.testing)
        do {
            var settings = AcumenSettings(database: database, anonymityKey: anonymityKey)
            adjust(&settings)
            try await configure(app, settings: settings)
            if case .postgres = database, loadsDemo, let sql = app.db as? any SQLDatabase {
                try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
                try await sql.raw("CREATE SCHEMA public").run()
            }
            app.passwords.use(.plaintext)
            try await prepareDatabase(app, settings: settings)
            let outcome = try await DemoLoader(database: app.db).load(withPastCycle: false) {
                DemoOrganisation.password
            }
            try await body(app, outcome.organisation)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// The PostgreSQL database of `ACUMEN_TEST_POSTGRES_URL` (emptied by each test), or a skip.
    static func postgres() throws -> DatabaseLocation {
        guard let url = ProcessInfo.processInfo.environment["ACUMEN_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw XCTSkip("Set ACUMEN_TEST_POSTGRES_URL to run this test on PostgreSQL.")
        }
        return .postgres(url: url)
    }

    static func sqlite() -> DatabaseLocation { .sqliteMemory(identifier: UUID().uuidString) }

    static func email(of role: Role, in demo: DemoOrganisation) -> String {
        demo.logins.first { $0.role == role }!.email
    }

    static func token(for role: Role, app: Application, demo: DemoOrganisation) async throws -> String {
        var token = ""
        try await app.send(
            .POST, "/api/v1/auth/token",
            beforeRequest: { request in
                try request.content.encode(
                    ["email": email(of: role, in: demo), "password": DemoOrganisation.password], as: .json)
            },
            afterResponse: { response in
                XCTAssertEqual(response.status, .ok)
                token = try response.content.get(String.self, at: "token")
            })
        return token
    }
}

/// A browser: keeps its cookies (session, sign-in form token, device) and reads CSRF tokens
/// from pages.
final class BrowserSession {
    let app: Application
    var cookies: [String: HTTPCookies.Value] = [:]
    var csrf = ""

    var cookie: HTTPCookies.Value? { cookies["acumen_session"] }

    init(app: Application) {
        self.app = app
    }

    @discardableResult
    func get(_ path: String) async throws -> XCTHTTPResponse {
        var result: XCTHTTPResponse!
        try await app.send(
            .GET, path, beforeRequest: { request in self.attachCookie(&request) },
            afterResponse: { response in
                self.keepCookie(response)
                if let token = Self.csrfToken(in: response.body.string) { self.csrf = token }
                result = response
            })
        return result
    }

    @discardableResult
    func post(_ path: String, form: [String: String], includeCSRF: Bool = true) async throws -> XCTHTTPResponse {
        var fields = form
        if includeCSRF { fields["_csrf"] = csrf }
        var result: XCTHTTPResponse!
        try await app.send(
            .POST, path,
            beforeRequest: { request in
                self.attachCookie(&request)
                try request.content.encode(fields, as: .urlEncodedForm)
            },
            afterResponse: { response in
                self.keepCookie(response)
                result = response
            })
        return result
    }

    /// Sends a file as a page's upload form does: multipart, with the form's CSRF token.
    @discardableResult
    func upload(_ path: String, filename: String, contents: String) async throws -> XCTHTTPResponse {
        struct Upload: Content {
            var _csrf: String
            var file: File
        }
        let upload = Upload(_csrf: csrf, file: File(data: ByteBuffer(string: contents), filename: filename))
        var result: XCTHTTPResponse!
        try await app.send(
            .POST, path,
            beforeRequest: { request in
                self.attachCookie(&request)
                try request.content.encode(upload, as: .formData)
            },
            afterResponse: { response in
                self.keepCookie(response)
                result = response
            })
        return result
    }

    @discardableResult
    func signIn(_ email: String, password: String = DemoOrganisation.password) async throws -> XCTHTTPResponse {
        try await get("/login")
        return try await post("/login", form: ["email": email, "password": password])
    }

    private func attachCookie(_ request: inout XCTHTTPRequest) {
        guard !cookies.isEmpty else { return }
        var jar = HTTPCookies()
        for (name, value) in cookies { jar[name] = value }
        request.headers.cookie = jar
    }

    private func keepCookie(_ response: XCTHTTPResponse) {
        guard let set = response.headers.setCookie else { return }
        for name in set.all.keys {
            if let value = set[name] { cookies[name] = value }
        }
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

extension Application {
    /// `test` with closures typed as async, so the async overload is chosen inside async tests.
    func send(
        _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil,
        beforeRequest: (inout XCTHTTPRequest) async throws -> Void = { _ in },
        afterResponse: (XCTHTTPResponse) async throws -> Void = { _ in }
    ) async throws {
        try await self.test(
            method, path, headers: headers, body: body, beforeRequest: beforeRequest, afterResponse: afterResponse)
    }
}
