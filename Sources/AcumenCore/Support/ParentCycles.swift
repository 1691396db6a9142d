/// The cycles in a tree given as each node's parent: nodes whose parents lead back to them,
/// which a tree read from a file (a CASE package, a Moodle export) cannot place anywhere.
///
/// Both walks visit each node once, so that a file whose tree is one long chain (a hundred
/// thousand items, each under the one before) is read in linear time rather than quadratic.
public enum ParentCycles {
    /// Each cycle once, starting from its node that comes first in `order` (the file's order),
    /// cycles in the order of those first nodes. A node that is its own parent is not a cycle
    /// here: readers report it in their own words.
    public static func find(parentOf: [String: String], order: [String]) -> [[String]] {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var settled: Set<String> = []
        var cycles: [[String]] = []
        for start in order where !settled.contains(start) {
            var path: [String] = []
            var onPath: Set<String> = []
            var current: String? = start
            while let node = current, !settled.contains(node), onPath.insert(node).inserted {
                path.append(node)
                current = parentOf[node]
            }
            settled.formUnion(path)
            // The walk stopped on its own path: the nodes from there on are a cycle.
            guard let repeated = current, onPath.contains(repeated), let index = path.firstIndex(of: repeated)
            else { continue }
            let cycle = Array(path[index...])
            guard cycle.count > 1 else { continue }
            let first = cycle.indices.min { rank[cycle[$0], default: .max] < rank[cycle[$1], default: .max] } ?? 0
            cycles.append(Array(cycle[first...] + cycle[..<first]))
        }
        return cycles.sorted { rank[$0[0], default: .max] < rank[$1[0], default: .max] }
    }

    /// How many nodes of the map each node has above it, itself included (a node whose parent
    /// is not in the map has depth 1). Nodes in cycles, and those below them, get no depth.
    public static func depths(parentOf: [String: String]) -> [String: Int] {
        var depth: [String: Int] = [:]
        var settled: Set<String> = []
        for start in parentOf.keys where !settled.contains(start) {
            var path: [String] = []
            var onPath: Set<String> = []
            var current: String? = start
            while let node = current, parentOf[node] != nil, depth[node] == nil, !settled.contains(node),
                onPath.insert(node).inserted
            {
                path.append(node)
                current = parentOf[node]
            }
            settled.formUnion(path)
            // The walk ended above the tree (depth 0), on a node already measured, or in a cycle.
            var above: Int?
            if let node = current {
                if parentOf[node] == nil { above = 0 } else { above = depth[node] }
            } else {
                above = 0
            }
            guard var level = above else { continue }
            for node in path.reversed() {
                level += 1
                depth[node] = level
            }
        }
        return depth
    }
}
