import Dispatch
import Foundation

/// Splits a large table's units into one part per core. Each part writes only its own
/// results, which the caller adds up; small tables stay in one part, where starting threads
/// would cost more than it saves.
enum ParallelParts {
    /// Below this many cells a table is counted on one core.
    static let minimumCells = 250_000

    static func count(forCells cells: Int, units: Int) -> Int {
        guard cells >= minimumCells else { return 1 }
        return max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, units))
    }

    /// The units of part `part` out of `parts`, as even as possible.
    static func range(_ part: Int, of parts: Int, count: Int) -> Range<Int> {
        (count * part / parts)..<(count * (part + 1) / parts)
    }

    static func run(_ parts: Int, _ body: @Sendable (Int) -> Void) {
        if parts == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: parts, execute: body)
        }
    }
}

/// A buffer handed to the parts of `ParallelParts.run`. Unchecked because the compiler cannot
/// see what makes it safe: the buffer outlives the call, which returns only when every part is
/// done, and parts only read shared cells and write their own disjoint regions.
struct PartsBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int
}
