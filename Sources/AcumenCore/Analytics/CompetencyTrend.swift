/// How others have seen one person across their released cycles, oldest first: each cycle's
/// level per competency, with the framework version it was rated against, so that a change of
/// version is read as such and not as a change of the person.
public struct CompetencyTrend: Hashable, Sendable {
    public struct Point: Hashable, Sendable {
        public var cycleName: String
        public var closesOn: CalendarDate
        public var frameworkName: String
        public var frameworkVersion: Int
        /// Others' mean level per competency code (0 the lowest), where others rated it.
        public var levels: [String: Double]

        public init(
            cycleName: String, closesOn: CalendarDate, frameworkName: String, frameworkVersion: Int,
            levels: [String: Double]
        ) {
            self.cycleName = cycleName
            self.closesOn = closesOn
            self.frameworkName = frameworkName
            self.frameworkVersion = frameworkVersion
            self.levels = levels
        }
    }

    /// Oldest first.
    public let points: [Point]
    /// The latest cycle's competencies in its framework's order, then those only earlier
    /// cycles rated.
    public let competencyCodes: [String]

    /// - Parameter latestOrder: the competency codes of the latest cycle's framework, in order.
    public init(points: [Point], latestOrder: [String]) {
        self.points = points.sorted { ($0.closesOn, $0.cycleName) < ($1.closesOn, $1.cycleName) }
        let rated = Set(points.flatMap(\.levels.keys))
        let earlierOnly = rated.subtracting(latestOrder).sorted()
        competencyCodes = latestOrder.filter(rated.contains) + earlierOnly
    }

    /// Levels gained (or lost) between the last two cycles that both rated the competency
    /// against the same framework version; nil where there are no such two.
    public func change(of code: String) -> Double? {
        let rated = points.filter { $0.levels[code] != nil }
        guard rated.count >= 2 else { return nil }
        let (before, after) = (rated[rated.count - 2], rated[rated.count - 1])
        guard before.frameworkName == after.frameworkName, before.frameworkVersion == after.frameworkVersion else {
            return nil
        }
        return after.levels[code]! - before.levels[code]!
    }
}
