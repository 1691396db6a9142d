/// The level a rater's ticks show, worked out from the behaviours they observed, with the
/// sentence that explains it to them.
///
/// A level is *met* when at least two thirds of its behaviours (rounded up) were observed;
/// the derived level is the highest level such that it and every level below it are met.
/// So "all Baseline and 2 of 3 Advanced behaviours observed" gives Advanced, and a gap at
/// Baseline cannot be made up by ticks higher up.
public struct DerivedLevel: Hashable, Sendable {
    /// Position on the framework's scale, or nil when even the lowest level is not met.
    public var level: Int?
    public var explanation: String

    public static func minimumObserved(outOf count: Int) -> Int {
        (2 * count + 2) / 3
    }

    /// - Parameters:
    ///   - standards: the competency's behaviours per level, lowest first.
    ///   - observed: for each level, the positions of the behaviours the rater ticked.
    public static func derive(levels: LevelScale, standards: [LevelStandard], observed: [Int: Set<Int>]) -> DerivedLevel
    {
        var reached: Int?
        var parts: [String] = []
        for position in 0..<levels.count {
            let total = standards.first { $0.level == position }?.behaviours.count ?? 0
            let seen = (observed[position] ?? []).filter { (0..<total).contains($0) }.count
            let name = levels.names[position]
            let isMet = total > 0 && seen >= minimumObserved(outOf: total)
            // The first unmet level is mentioned only when something was seen there (or it is the lowest).
            if isMet || seen > 0 || position == 0 {
                parts.append(seen == total && total > 0 ? "all \(name)" : "\(seen) of \(total) \(name)")
            }
            guard isMet else { break }
            reached = position
        }
        let outcome = reached.map { levels.names[$0] } ?? "below \(levels.names[0])"
        return DerivedLevel(level: reached, explanation: "\(joined(parts)) behaviours observed: \(outcome)")
    }

    private static func joined(_ parts: [String]) -> String {
        switch parts.count {
        case 0: ""
        case 1: parts[0]
        default: parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        }
    }
}
