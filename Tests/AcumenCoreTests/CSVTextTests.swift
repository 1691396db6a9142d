import AcumenCore
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
