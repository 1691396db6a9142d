import Foundation
import XCTest

@testable import AcumenCore

/// The catalogue's rule written the plain way (atoms counted afresh at every step, every slice
/// tried), against which the incremental `SliceCatalog.decide` must make the same decisions.
final class SliceCatalogEquivalenceTests: XCTestCase {
    private func plainDecide(names: [String], members: [Set<Int>], everyone: Int, count: Int, minimum: Int)
        -> [SliceCatalog.Suppression?]
    {
        let sizes = members.map(\.count)
        var decisions = [SliceCatalog.Suppression?](repeating: nil, count: names.count)
        var alive = [Bool](repeating: false, count: names.count)
        for number in names.indices {
            if sizes[number] == 0 {
                decisions[number] = .empty
            } else if sizes[number] < minimum {
                decisions[number] = .tooSmall
            } else {
                alive[number] = true
            }
        }
        func earlier(_ first: Int, _ second: Int) -> Bool {
            (sizes[first], names[first]) < (sizes[second], names[second])
        }
        while alive.contains(true) {
            let signatures = (0..<count).map { member in
                names.indices.filter { alive[$0] && members[$0].contains(member) }
            }
            let atoms = Dictionary(signatures.map { ($0, 1) }, uniquingKeysWith: +)
            guard
                let small = atoms.filter({ $0.value < minimum }).min(by: {
                    $0.value != $1.value ? $0.value < $1.value : $0.key.lexicographicallyPrecedes($1.key)
                })?.key
            else { break }
            let droppable = names.indices.filter { alive[$0] && $0 != everyone }
            let merging = droppable.filter { number in
                let neighbour =
                    small.contains(number) ? small.filter { $0 != number } : (small + [number]).sorted()
                return atoms[neighbour] != nil
            }
            let containing = droppable.filter(small.contains)
            guard
                let victim = merging.min(by: earlier) ?? (containing.isEmpty ? droppable : containing).min(by: earlier)
            else { break }
            alive[victim] = false
            decisions[victim] = .revealsASmallGroup
        }
        return decisions
    }

    func test_theIncrementalRule_decidesAsThePlainOne() {
        var generator = SeededGenerator(seed: 2026)
        for round in 0..<300 {
            let count = Int.random(in: 0...40, using: &generator)
            let sliceCount = Int.random(in: 1...14, using: &generator)
            var members: [Set<Int>] = [Set(0..<count)]
            for _ in 0..<sliceCount {
                let share = Double.random(in: 0.05...0.7, using: &generator)
                members.append(Set((0..<count).filter { _ in Double.random(in: 0..<1, using: &generator) < share }))
            }
            let names = members.indices.map { $0 == 0 ? "all responses" : "slice=\($0)" }
            let minimum = Int.random(in: 2...5, using: &generator)
            XCTAssertEqual(
                SliceCatalog.decide(names: names, members: members, everyone: 0, count: count, minimum: minimum),
                plainDecide(names: names, members: members, everyone: 0, count: count, minimum: minimum),
                "round \(round)")
        }
    }
}
