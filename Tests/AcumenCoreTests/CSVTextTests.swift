import AcumenCore
import Foundation
import XCTest

final class CSVTextTests: XCTestCase {
    func test_formulas_areDefused_butNegativeNumbersStayNumbers() {
        for formula in ["=SUM(A1)", "+1", "-1+2", "@cmd", "-", "-1.", "-.5", "-1e5", "\t=1"] {
            XCTAssertEqual(CSVText.defused(formula), "'" + formula, formula)
        }
        for plain in ["-0.8125", "-3", "-12.5", "0.25", "Lisbon"] {
            XCTAssertEqual(CSVText.defused(plain), plain, plain)
        }
        XCTAssertEqual(
            CSVText.make(header: ["a", "b"], rows: [["-0.5", "=1+1"]]), "a,b\r\n-0.5,'=1+1\r\n")
    }
}

final class CSVTableTests: XCTestCase {
    /// A file cut off inside a quoted cell (a Moodle export whose last description was cut short)
    /// is refused at the line where the cell opens; nothing before it is read.
    func test_aQuotedCellNeverClosed_isRefusedAtTheLineItOpens() {
        let text = "shortname,description\nOM.1,\"Builds trust\"\"s first step\"\nOM.2,\"Keeps the customer\ninformed\n"
        XCTAssertThrowsError(try CSVTable(text: text, requiredColumns: ["shortname"])) { error in
            let problems = (error as? ImportReport)?.problems ?? []
            XCTAssertEqual(problems.map(\.line), [3])
            XCTAssertEqual(
                problems.first.map { $0.description(in: Localizer(.english)) },
                "Line 3: a quoted cell opens on this line and is never closed: the file may have been cut off, or a quote is missing"
            )
        }
        let whole = text + "over the year\"\n"
        XCTAssertEqual(try CSVTable(text: whole, requiredColumns: ["shortname"]).rows.count, 2)
    }

    /// A file that is not the CSV asked for can have a first line of any length; the message
    /// quotes the start of it, not all of it.
    func test_aMissingColumnsMessage_quotesALongHeaderShortened() {
        let text = String(repeating: "x", count: 50_000) + "\n"
        XCTAssertThrowsError(try CSVTable(text: text, requiredColumns: ["shortname"])) { error in
            let message = (error as? ImportReport)?.problems.first?.description(in: Localizer(.english)) ?? ""
            XCTAssertTrue(message.contains("missing"), message)
            XCTAssertLessThan(message.count, 400, "the header is not echoed whole")
            XCTAssertTrue(message.contains("…"), message)
        }
    }
}

final class JSONProblemTests: XCTestCase {
    /// A value of the wrong kind is named as JSON names it, never by a Swift type's name.
    func test_theWrongKindOfValue_isNamedInJSONsWords() {
        struct Package: Decodable {
            var document: [String: String]
            var items: [String]
        }
        func problem(_ json: String) -> String {
            let decoded = Result { try JSONDecoder().decode(Package.self, from: Data(json.utf8)) }
            guard case .failure(let error) = decoded, let decoding = error as? DecodingError else { return "" }
            return JSONProblem.describe(decoding)
        }
        XCTAssertEqual(problem(#"{"document": 5, "items": []}"#), "document has the wrong type (expected an object)")
        XCTAssertEqual(problem(#"{"document": {}, "items": {}}"#), "items has the wrong type (expected a list)")
    }
}
