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
    /// permitted slices it belongs to (a handful), not a flag per slice (thousands).
    static func decide(names: [String], members: [Set<Int>], everyone: Int, count: Int, minimum: Int)
        -> [Suppression?]
    {
        let sizes = members.map(\.count)
        var decisions = [Suppression?](repeating: nil, count: names.count)
        var alive = [Bool](repeating: false, count: names.count)
        var belongsTo = [[Int]](repeating: [], count: count)
        for number in names.indices {
            if sizes[number] == 0 {
                decisions[number] = .empty
            } else if sizes[number] < minimum {
                decisions[number] = .tooSmall
            } else {
                alive[number] = true
                for member in members[number] { belongsTo[member].append(number) }
            }
        }
        // Numbers were appended in increasing order, so each signature is already sorted.
        while let victim = sliceToDrop(
            alive: alive, belongsTo: belongsTo, sizes: sizes, names: names, everyone: everyone, minimum: minimum)
        {
            alive[victim] = false
            for index in belongsTo.indices { belongsTo[index].removeAll { $0 == victim } }
            decisions[victim] = .revealsASmallGroup
        }
        return decisions
    }

    /// No slice at all: what a cycle still collecting answers may show.
    public static let permitsNothing = SliceCatalog(members: [:], count: 0, minimum: 1)

    public func isPermitted(_ slice: Slice) -> Bool {
        permittedSet.contains(slice)
    }

    /// The number of the slice to drop next, or nil when every atom is large enough.
    private static func sliceToDrop(
        alive: [Bool], belongsTo: [[Int]], sizes: [Int], names: [String], everyone: Int, minimum: Int
    ) -> Int? {
        guard alive.contains(true) else { return nil }
        var atoms: [[Int]: Int] = [:]
        for signature in belongsTo { atoms[signature, default: 0] += 1 }
        guard
            let small = atoms.filter({ $0.value < minimum }).min(by: {
                $0.value != $1.value ? $0.value < $1.value : $0.key.lexicographicallyPrecedes($1.key)
            })
        else { return nil }
        let droppable = alive.indices.filter { alive[$0] && $0 != everyone }
        func earlier(_ first: Int, _ second: Int) -> Bool {
            (sizes[first], names[first]) < (sizes[second], names[second])
        }
        // Best: a slice whose membership is all that separates the small atom from another atom.
        let inSmall = Set(small.key)
        let merging = droppable.filter { number in
            var neighbour = small.key
            if inSmall.contains(number) {
                neighbour.removeAll { $0 == number }
            } else {
                neighbour.insert(number, at: neighbour.firstIndex { $0 > number } ?? neighbour.endIndex)
            }
            return atoms[neighbour] != nil
        }
        if let number = merging.min(by: earlier) { return number }
        // Otherwise any slice the small atom lies in, so that it can merge later.
        let containing = droppable.filter(inSmall.contains)
        return (containing.isEmpty ? droppable : containing).min(by: earlier)
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
