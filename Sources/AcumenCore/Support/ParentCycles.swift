/// The cycles in a tree given as each node's parent: nodes whose parents lead back to them,
/// which a tree read from a file (a CASE package, a Moodle export) cannot place anywhere.
public enum ParentCycles {
    /// Each cycle once, starting from its node that comes first in `order` (the file's order),
    /// cycles in the order of those first nodes. A node that is its own parent is not a cycle
    /// here: readers report it in their own words.
    public static func find(parentOf: [String: String], order: [String]) -> [[String]] {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var inCycle: Set<String> = []
        var cycles: [[String]] = []
        for start in order where !inCycle.contains(start) {
            var path: [String] = []
            var seen: Set<String> = []
            var current: String? = start
            while let node = current, seen.insert(node).inserted {
                path.append(node)
                current = parentOf[node]
            }
            guard let repeated = current, let index = path.firstIndex(of: repeated), !inCycle.contains(repeated)
            else { continue }
            let cycle = Array(path[index...])
            guard cycle.count > 1 else { continue }
            inCycle.formUnion(cycle)
            let first = cycle.indices.min { rank[cycle[$0], default: .max] < rank[cycle[$1], default: .max] } ?? 0
            cycles.append(Array(cycle[first...] + cycle[..<first]))
        }
        return cycles.sorted { rank[$0[0], default: .max] < rank[$1[0], default: .max] }
    }
}
