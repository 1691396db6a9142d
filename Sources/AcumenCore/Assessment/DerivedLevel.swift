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
    /// What the explanation mentions, for saying it in the reader's language.
    public var tallies: [Tally] = []
    public var levelNames: [String] = []

    /// How many of a level's behaviours were observed.
    public struct Tally: Hashable, Sendable {
        public var level: Int
        public var seen: Int
        public var total: Int
    }

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
        var tallies: [Tally] = []
        for position in 0..<levels.count {
            let total = standards.first { $0.level == position }?.behaviours.count ?? 0
            let seen = (observed[position] ?? []).filter { (0..<total).contains($0) }.count
            let name = levels.names[position]
            let isMet = total > 0 && seen >= minimumObserved(outOf: total)
            // The first unmet level is mentioned only when something was seen there (or it is the lowest).
            if isMet || seen > 0 || position == 0 {
                parts.append(seen == total && total > 0 ? "all \(name)" : "\(seen) of \(total) \(name)")
                tallies.append(Tally(level: position, seen: seen, total: total))
            }
            guard isMet else { break }
            reached = position
        }
        let outcome = reached.map { levels.names[$0] } ?? "below \(levels.names[0])"
        return DerivedLevel(
            level: reached, explanation: "\(joined(parts)) behaviours observed: \(outcome)", tallies: tallies,
            levelNames: levels.names)
    }

    /// The explanation in the reader's language, e.g. "all Baseline and 2 of 3 Advanced
    /// behaviours observed: Advanced".
    public func explanation(in localizer: Localizer) -> String {
        let parts = tallies.map { tally in
            let name = levelNames[tally.level]
            return tally.seen == tally.total && tally.total > 0
                ? localizer.text(DerivedLevelMessage.all, ["level": name])
                : localizer.text(
                    DerivedLevelMessage.some,
                    ["seen": localizer.integer(tally.seen), "total": localizer.integer(tally.total), "level": name])
        }
        let outcome =
            level.map { levelNames[$0] }
            ?? localizer.text(DerivedLevelMessage.below, ["level": levelNames.first ?? ""])
        return localizer.text(DerivedLevelMessage.sentence, ["parts": localizer.list(parts), "outcome": outcome])
    }

    private static func joined(_ parts: [String]) -> String {
        switch parts.count {
        case 0: ""
        case 1: parts[0]
        default: parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        }
    }
}

/// The words of a derived level's explanation.
public enum DerivedLevelMessage: String, MessageKey, CaseIterable {
    case all = "derived.all"
    case some = "derived.some"
    case sentence = "derived.sentence"
    case below = "derived.below"
}
