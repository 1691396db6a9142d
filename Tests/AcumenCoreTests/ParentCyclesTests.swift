import AcumenCore
import XCTest

final class ParentCyclesTests: XCTestCase {
    func test_eachCycleOnce_fromItsFirstNodeInTheFile_tailsAndSelfParentsLeftOut() {
        // a → b → c → b: a leads into the cycle without being in it; s is its own parent.
        let parentOf = ["a": "b", "b": "c", "c": "b", "s": "s", "x": "y", "y": "x", "root": ""]
        XCTAssertEqual(
            ParentCycles.find(parentOf: parentOf, order: ["root", "a", "y", "c", "b", "x", "s"]),
            [["y", "x"], ["c", "b"]])
        XCTAssertEqual(ParentCycles.find(parentOf: ["a": "", "b": "a"], order: ["a", "b"]), [])
    }
}
