import AcumenCore
import Foundation
import XCTest

final class NullWhenAbsentTests: XCTestCase {
    struct Figure: Codable, Equatable {
        var name: String
        @NullWhenAbsent var value: Double?
    }

    func test_anAbsentValue_isWrittenAsNull_andReadBack() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(Figure(name: "alpha", value: nil)), as: UTF8.self)
        XCTAssertEqual(json, #"{"name":"alpha","value":null}"#)
        XCTAssertEqual(try JSONDecoder().decode(Figure.self, from: Data(json.utf8)), Figure(name: "alpha", value: nil))
        let missing = try JSONDecoder().decode(Figure.self, from: Data(#"{"name":"beta"}"#.utf8))
        XCTAssertNil(missing.value)
        let present = String(decoding: try encoder.encode(Figure(name: "k", value: 0.5)), as: UTF8.self)
        XCTAssertEqual(present, #"{"name":"k","value":0.5}"#)
    }
}
