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

    func test_depths_countTheNodesAbove_andLeaveCyclesOut() {
        let parentOf = ["a": "doc", "b": "a", "c": "b", "d": "a", "x": "y", "y": "x", "z": "x", "s": "s"]
        XCTAssertEqual(ParentCycles.depths(parentOf: parentOf), ["a": 1, "b": 2, "c": 3, "d": 2])
    }

    func test_aLongChain_isWalkedOnce() {
        // Each node under the one before: quadratic walks would take minutes here.
        let count = 200_000
        var parentOf: [String: String] = ["n0": "doc"]
        for index in 1..<count { parentOf["n\(index)"] = "n\(index - 1)" }
        parentOf["n0"] = "n\(count - 1)"
        let order = (0..<count).map { "n\($0)" }
        XCTAssertEqual(ParentCycles.find(parentOf: parentOf, order: order).first?.count, count)
        parentOf["n0"] = "doc"
        XCTAssertEqual(ParentCycles.find(parentOf: parentOf, order: order), [])
        XCTAssertEqual(ParentCycles.depths(parentOf: parentOf)["n\(count - 1)"], count)
    }
}
