/// A subset of anonymous responses that a report or the API may aggregate: every response
/// whose attributes match all the filters (team, location, customer, question answered...).
/// No filters means every response.
public struct Slice: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let filters: [String: String]

    public init(_ filters: [String: String] = [:]) {
        self.filters = filters
    }

    public static let everyone = Slice()

    public func contains(_ attributes: [String: String]) -> Bool {
        filters.allSatisfy { attributes[$0.key] == $0.value }
    }

    public var description: String {
        filters.isEmpty
            ? "all responses"
            : filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    public static func < (lhs: Slice, rhs: Slice) -> Bool { lhs.description < rhs.description }
}

/// Decides which slices of a cycle's anonymous responses may be shown, so that no combination
/// of them reveals a group smaller than the minimum.
///
/// Why it holds: the permitted slices cut the responses into *atoms*, the groups of responses
/// that belong to exactly the same slices. Anything computed from the slices' aggregates (sums,
/// counts, means, and differences between them) is a combination of whole atoms. If every atom
/// has at least `minimum` responses, no combination of permitted queries can isolate fewer. The
/// catalog therefore drops slices until every atom is large enough, preferring to drop the
/// smallest slice whose removal merges a small atom with a neighbour.
public struct SliceCatalog: Sendable {
    public enum Suppression: Hashable, Sendable {
        /// Fewer responses than the minimum.
        case tooSmall
        /// Large enough alone, but together with other slices it would single out a small group.
        case revealsASmallGroup
        /// No responses at all.
        case empty
    }

    public let permitted: [Slice]
    private let permittedSet: Set<Slice>
    public let suppressed: [Slice: Suppression]

    public init(responses: [[String: String]], candidates: [Slice], minimum: Int) {
        var members: [Slice: Set<Int>] = [:]
        for slice in Set(candidates + [.everyone]) {
            members[slice] = Set(responses.indices.filter { slice.contains(responses[$0]) })
        }
        self.init(members: members, count: responses.count, minimum: minimum)
    }

    /// The same from each slice's members, given as positions in `0..<count`. `.everyone` is
    /// added when missing; every position must belong to it, or it would form an atom of its own.
    public init(members given: [Slice: Set<Int>], count: Int, minimum: Int) {
        var members = given
        members[.everyone] = Set(0..<count)
        // Ordered by name, each name made once (a slice's name is built from its filters).
        let named = members.keys.map { (slice: $0, name: $0.description) }.sorted { $0.name < $1.name }
        let slices = named.map(\.slice)
        let decisions = Self.decide(
            names: named.map(\.name), members: slices.map { members[$0]! }, everyone: slices.firstIndex(of: .everyone)!,
            count: count, minimum: minimum)
        var suppressed: [Slice: Suppression] = [:]
        for (number, decision) in decisions.enumerated() {
            if let decision { suppressed[slices[number]] = decision }
        }
        permitted = slices.indices.filter { decisions[$0] == nil }.map { slices[$0] }
        permittedSet = Set(permitted)
        self.suppressed = suppressed
    }

    /// The catalogue's rule over slices given in order, by name and members (positions in
    /// `0..<count`; `everyone`, never dropped, must hold every position): nil for each slice
    /// that stays permitted, else why it does not.
    ///
    /// Slices are numbered once; a response's signature is the sorted list of the numbers of the
    /// permitted slices it belongs to (a handful), not a flag per slice (thousands). The atoms
    /// are counted once and kept up to date as slices are dropped (only the dropped slice's
    /// members change signature), and the small atoms wait in a heap in the order the rule takes
    /// them, so that a cycle of tens of thousands of people and slices is decided in moments.
    static func decide(names: [String], members: [Set<Int>], everyone: Int, count: Int, minimum: Int)
        -> [Suppression?]
    {
        let sizes = members.map(\.count)
        var decisions = [Suppression?](repeating: nil, count: names.count)
        var alive = [Bool](repeating: false, count: names.count)
        var belongsTo = [[Int]](repeating: [], count: count)
        var memberLists = [[Int]](repeating: [], count: names.count)
        for number in names.indices {
            if sizes[number] == 0 {
                decisions[number] = .empty
            } else if sizes[number] < minimum {
                decisions[number] = .tooSmall
            } else {
                alive[number] = true
                memberLists[number] = Array(members[number])
                for member in memberLists[number] { belongsTo[member].append(number) }
            }
        }
        // Numbers were appended in increasing order, so each signature is already sorted.
        var atoms = AtomCounts(signatures: belongsTo, minimum: minimum)
        while let small = atoms.smallest() {
            guard
                let victim = sliceToDrop(
                    small: small, alive: alive, belongsTo: belongsTo, memberLists: memberLists, atoms: atoms,
                    sizes: sizes, names: names, everyone: everyone)
            else { break }
            alive[victim] = false
            decisions[victim] = .revealsASmallGroup
            for member in memberLists[victim] {
                let old = belongsTo[member]
                var new = old
                new.removeAll { $0 == victim }
                belongsTo[member] = new
                atoms.move(from: old, to: new)
            }
        }
        return decisions
    }

    /// How many responses have each signature, with the small atoms in a heap ordered as the
    /// rule takes them: fewest responses first, then by signature. Entries whose count has
    /// changed since they were pushed are skipped when they come up.
    private struct AtomCounts {
        private var counts: [[Int]: Int] = [:]
        private var heap: [(size: Int, signature: [Int])] = []
        let minimum: Int

        init(signatures: [[Int]], minimum: Int) {
            self.minimum = minimum
            for signature in signatures { counts[signature, default: 0] += 1 }
            for (signature, size) in counts where size < minimum { push(size, signature) }
        }

        func exists(_ signature: [Int]) -> Bool { counts[signature] != nil }

        mutating func move(from old: [Int], to new: [Int]) {
            let left = counts[old, default: 0] - 1
            counts[old] = left == 0 ? nil : left
            if left > 0 && left < minimum { push(left, old) }
            let grown = counts[new, default: 0] + 1
            counts[new] = grown
            if grown < minimum { push(grown, new) }
        }

        /// The atom the rule merges next, or nil when every atom is large enough.
        mutating func smallest() -> [Int]? {
            while let top = heap.first {
                if counts[top.signature] == top.size { return top.signature }
                pop()
            }
            return nil
        }

        private static func precedes(_ a: (size: Int, signature: [Int]), _ b: (size: Int, signature: [Int])) -> Bool {
            a.size != b.size ? a.size < b.size : a.signature.lexicographicallyPrecedes(b.signature)
        }

        private mutating func push(_ size: Int, _ signature: [Int]) {
            heap.append((size, signature))
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.precedes(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        }

        private mutating func pop() {
            heap.swapAt(0, heap.count - 1)
            heap.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var first = parent
                if left < heap.count && Self.precedes(heap[left], heap[first]) { first = left }
                if right < heap.count && Self.precedes(heap[right], heap[first]) { first = right }
                guard first != parent else { return }
                heap.swapAt(parent, first)
                parent = first
            }
        }
    }

    /// No slice at all: what a cycle still collecting answers may show.
    public static let permitsNothing = SliceCatalog(members: [:], count: 0, minimum: 1)

    public func isPermitted(_ slice: Slice) -> Bool {
        permittedSet.contains(slice)
    }

    /// The number of the slice to drop so that the small atom can merge, or nil when none can be.
    private static func sliceToDrop(
        small: [Int], alive: [Bool], belongsTo: [[Int]], memberLists: [[Int]], atoms: AtomCounts, sizes: [Int],
        names: [String], everyone: Int
    ) -> Int? {
        func earlier(_ first: Int, _ second: Int) -> Bool {
            (sizes[first], names[first]) < (sizes[second], names[second])
        }
        // Best: a slice whose membership is all that separates the small atom from another atom,
        // either one it lies in (the neighbour leaves it out) ...
        var merging = small.filter { number in
            number != everyone && atoms.exists(small.filter { $0 != number })
        }
        // ... or one it does not (the neighbour's people are in every slice of the small atom and
        // one more, so they are found among the members of its smallest slice).
        let inSmall = Set(small)
        let candidates =
            small.min(by: { memberLists[$0].count < memberLists[$1].count }).map { memberLists[$0] }
            ?? Array(belongsTo.indices)
        var outsiders = Set<Int>()
        for member in candidates {
            let signature = belongsTo[member]
            guard signature.count == small.count + 1 else { continue }
            let outside = signature.filter { !inSmall.contains($0) }
            if outside.count == 1, outside[0] != everyone { outsiders.insert(outside[0]) }
        }
        merging += outsiders
        if let number = merging.min(by: earlier) { return number }
        // Otherwise any slice the small atom lies in, so that it can merge later.
        let containing = small.filter { $0 != everyone }
        if let number = containing.min(by: earlier) { return number }
        return alive.indices.filter { alive[$0] && $0 != everyone }.min(by: earlier)
    }
}

extension Slice {
    /// Every slice someone could ask for over these responses: all of them, each value of each
    /// dimension, and each pair of values from two dimensions that occurs together.
    public static func candidates(attributes: [[String: String]], dimensions: [String]) -> [Slice] {
        members(attributes: attributes, dimensions: dimensions).keys.sorted()
    }

    /// The candidate slices with the positions of the responses in each, found in one pass over
    /// the responses (each lies in a dozen slices at most), not one pass per slice.
    public static func members(attributes: [[String: String]], dimensions: [String]) -> [Slice: Set<Int>] {
        var members: [Slice: Set<Int>] = [.everyone: Set(attributes.indices)]
        for (position, response) in attributes.enumerated() {
            let present = dimensions.filter { response[$0] != nil }
            for (index, first) in present.enumerated() {
                members[Slice([first: response[first]!]), default: []].insert(position)
                for second in present[(index + 1)...] {
                    members[Slice([first: response[first]!, second: response[second]!]), default: []].insert(position)
                }
            }
        }
        return members
    }
}
