import AcumenCore
import Foundation
import XCTest

final class JSONValueTests: XCTestCase {
    func parse(_ text: String) -> JSONValue? { JSONValue.parse(Data(text.utf8)) }

    func test_readsWhatJSONAllows_andWritesItBackCanonically() {
        let value = parse(#" {"b": [1, -2.5, 3e2, true, null], "a": "tab\there \"quoted\" \u00e9\ud83d\ude00 /"} "#)
        XCTAssertEqual(value?["b"], .array([.integer(1), .number(-2.5), .number(300), .bool(true), .null]))
        XCTAssertEqual(value?["a"], .string("tab\there \"quoted\" é😀 /"))
        XCTAssertEqual(
            value?.canonicalText, #"{"a":"tab\there \"quoted\" é😀 /","b":[1,-2.5,300.0,true,null]}"#)
        XCTAssertEqual(parse(value!.canonicalText), value, "what is written reads back the same")
        XCTAssertEqual(parse("\u{FEFF}[]"), .array([]))
        XCTAssertEqual(parse("\"\\u0001\"")?.canonicalText, "\"\\u0001\"")
    }

    func test_refusesWhatIsNotJSON() {
        for text in [
            "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "tru", "\"open", "\"\\x\"", "\"\\ud83d\"", "[1] 2",
            "{'a': 1}", "\"line\nbreak\"", String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
        ] {
            XCTAssertNil(parse(text), text)
        }
    }
}
