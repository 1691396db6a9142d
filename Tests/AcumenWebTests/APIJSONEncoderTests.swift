import Foundation
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

/// The API writes identifiers in lower case at any depth, as CASE and the command line do,
/// and everything else as Vapor's JSON encoder would.
final class APIJSONEncoderTests: XCTestCase {
    private struct Nested: Encodable {
        var id: UUID
        var optional: UUID?
        var missing: UUID?
        var list: [UUID]
        var byName: [String: UUID]
        var when: Date
        var name: String
        var inner: [Inner]
    }

    private struct Inner: Encodable {
        var id: UUID
        var count: Int
    }

    func test_identifiersAreLowerCase_atAnyDepth_andDatesStayISO8601() throws {
        let id = UUID(uuidString: "A1B2C3D4-E5F6-4789-8ABC-DEF012345678")!
        let value = Nested(
            id: id, optional: id, missing: nil, list: [id, id], byName: ["one": id],
            when: Date(timeIntervalSince1970: 0),
            name: "A1B2C3D4-E5F6-4789-8ABC-DEF012345678", inner: [Inner(id: id, count: 3)])
        var body = ByteBuffer()
        var headers = HTTPHeaders()
        try APIJSONEncoder().encode(value, to: &body, headers: &headers)
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
        let lower = id.uuidString.lowercased()
        XCTAssertEqual(json["id"] as? String, lower)
        XCTAssertEqual(json["optional"] as? String, lower)
        XCTAssertNil(json["missing"])
        XCTAssertEqual(json["list"] as? [String], [lower, lower])
        XCTAssertEqual(json["byName"] as? [String: String], ["one": lower])
        XCTAssertEqual(json["when"] as? String, "1970-01-01T00:00:00Z")
        XCTAssertEqual(json["name"] as? String, "A1B2C3D4-E5F6-4789-8ABC-DEF012345678", "text is left as written")
        XCTAssertEqual((json["inner"] as? [[String: Any]])?.first?["id"] as? String, lower)
        XCTAssertEqual((json["inner"] as? [[String: Any]])?.first?["count"] as? Int, 3)
        XCTAssertEqual(headers.contentType, .json)
    }

    func test_theFrameworkAPI_writesTheIdentifiersTheCommandLineWrites() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let token = try await WebHarness.token(for: .programmeManager, app: app, demo: demo)
            try await app.send(
                .GET, "/api/v1/frameworks", headers: ["Authorization": "Bearer \(token)"],
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    let body = response.body.string
                    XCTAssertFalse(body.isEmpty)
                    let uuids = body.matches(
                        of: /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/)
                    XCTAssertFalse(uuids.isEmpty)
                    XCTAssertTrue(uuids.allSatisfy { $0.output == $0.output.lowercased() }, body)
                })
        }
    }
}
