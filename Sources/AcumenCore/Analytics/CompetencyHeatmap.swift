import Foundation

/// The ways a cycle's account managers can be grouped on the group dashboard.
public enum GroupDimension: String, CaseIterable, Hashable, Sendable {
    case team
    case location
    case supervisor
    case tenure
    case customer
}

/// Length of service in bands, measured on the cycle's closing day: what a group dashboard
/// compares newcomers and veterans by.
public enum TenureBand: String, CaseIterable, Hashable, Sendable {
    case underOneYear = "under 1 year"
    case oneToThreeYears = "1 to 3 years"
    case threeToFiveYears = "3 to 5 years"
    case fiveYearsOrMore = "5 years or more"
    case unknown = "hire date unknown"

    public init(hireDate: CalendarDate?, on day: CalendarDate) {
        guard let hireDate else {
            self = .unknown
            return
        }
        switch hireDate.months(until: day) {
        case ..<12: self = .underOneYear
        case 12..<36: self = .oneToThreeYears
        case 36..<60: self = .threeToFiveYears
        default: self = .fiveYearsOrMore
        }
    }
}

/// One account manager as a cycle's group dashboard counts them: the groups they belong to
/// and, per competency, the level others saw (as in their report) and their target.
public struct AssessedMember: Hashable, Sendable {
    public var personID: UUID
    /// The groups of each dimension the person belongs to; several customers are usual.
    public var groups: [GroupDimension: [String]]
    public var levels: [String: Double]
    public var targets: [String: Int]

    public init(personID: UUID, groups: [GroupDimension: [String]], levels: [String: Double], targets: [String: Int]) {
        self.personID = personID
        self.groups = groups
        self.levels = levels
        self.targets = targets
    }

    /// Level and target of a competency, when both are known.
    func standing(_ code: String) -> (level: Double, target: Int)? {
        guard let level = levels[code], let target = targets[code] else { return nil }
        return (level, target)
    }
}

/// The group dashboard of one cycle: for every group of every dimension and every competency,
/// the share of the group at or above target and its mean gap, with how many were counted.
///
/// Anonymity: a cell is an aggregate of the people in it, and cells of different dimensions
/// overlap (a team and its supervisor's people may differ by one person), so withholding only
/// small cells is not enough. Per competency, the cells of all five dimensions together form a
/// `SliceCatalog` over the people counted for it; a cell is shown only when the catalogue
/// permits its slice, so no difference or sum of shown cells, in any grouping the page or the
/// API offers, covers fewer people than the minimum. The population (everyone the viewer may
/// see) and the cycle are fixed for a catalogue; another cycle is another measurement.
public struct CompetencyHeatmap: Sendable {
    public struct Cell: Hashable, Sendable {
        public var dimension: GroupDimension?
        /// Empty for the row of everyone.
        public var group: String
        public var competencyCode: String
        /// People in the group with both a level and a target for the competency.
        public var count: Int
        /// Nil when withheld.
        public var shareOnTarget: Double?
        /// Target minus level, averaged; positive means below target. Nil when withheld.
        public var meanGap: Double?
        public var isWithheld: Bool { shareOnTarget == nil }
        /// The people counted, for click-through; empty when withheld.
        public var members: [UUID]
    }

    public let competencyCodes: [String]
    public let minimum: Int
    private let people: [AssessedMember]
    /// Every group's people, by position in `people`, in order.
    private let groupMembers: [Slice: [Int]]
    /// Per competency, the slices the catalogue permits.
    private let permitted: [String: Set<Slice>]

    /// - Parameters:
    ///   - minimum: the smallest group whose figures may be shown (at least 2).
    ///   - decided: the catalogue's decisions (`permittedSlices`) when they were already taken
    ///     for these very people, rules and groups, as when a settled cycle's results were
    ///     kept: at tens of thousands of people deciding takes more than a second.
    public init(
        people: [AssessedMember], competencyCodes: [String], minimum: Int, decided: [String: Set<Slice>]? = nil
    ) {
        self.people = people
        self.competencyCodes = competencyCodes
        self.minimum = max(2, minimum)
        groupMembers = Self.members(of: people).mapValues { $0.sorted() }
        if let decided {
            permitted = decided
            return
        }
        var permitted: [String: Set<Slice>] = [:]
        // Competencies counted over the same people share one catalogue: usually all of them.
        var byPopulation: [[Int]: Set<Slice>] = [:]
        for code in competencyCodes {
            let counted = people.indices.filter { people[$0].standing(code) != nil }
            if let known = byPopulation[counted] {
                permitted[code] = known
                continue
            }
            let catalog = SliceCatalog(
                members: Self.members(of: counted.map { people[$0] }), count: counted.count, minimum: self.minimum)
            byPopulation[counted] = Set(catalog.permitted)
            permitted[code] = byPopulation[counted]
        }
        self.permitted = permitted
    }

    /// Per competency, the slices shown: everyone (`Slice.everyone`) and groups, each a slice
    /// filtering one dimension (its raw value) to one group.
    public var permittedSlices: [String: Set<Slice>] { permitted }

    public static func slice(_ dimension: GroupDimension, _ group: String) -> Slice {
        Slice([dimension.rawValue: group])
    }

    /// Every group of every dimension, with the positions of its people.
    private static func members(of people: [AssessedMember]) -> [Slice: Set<Int>] {
        var members: [Slice: Set<Int>] = [:]
        for (position, person) in people.enumerated() {
            for (dimension, groups) in person.groups {
                for group in Set(groups) { members[slice(dimension, group), default: []].insert(position) }
            }
        }
        return members
    }

    /// The groups of a dimension, in order of name.
    public func groups(_ dimension: GroupDimension) -> [String] {
        groupMembers.keys.compactMap { $0.filters[dimension.rawValue] }.sorted {
            $0.localizedStandardCompare($1) == .orderedAscending
        }
    }

    /// One cell; `dimension` nil is everyone.
    public func cell(_ dimension: GroupDimension?, group: String, competency code: String) -> Cell {
        let slice = dimension.map { Self.slice($0, group) } ?? .everyone
        let positions = dimension == nil ? Array(people.indices) : groupMembers[slice] ?? []
        let standings = positions.compactMap { position in
            people[position].standing(code).map { (people[position].personID, $0) }
        }
        guard permitted[code]?.contains(slice) ?? false else {
            return Cell(
                dimension: dimension, group: group, competencyCode: code, count: standings.count, shareOnTarget: nil,
                meanGap: nil, members: [])
        }
        let onTarget = standings.filter { $0.1.level >= Double($0.1.target) - 1e-9 }.count
        let gaps = standings.map { Double($0.1.target) - $0.1.level }
        return Cell(
            dimension: dimension, group: group, competencyCode: code, count: standings.count,
            shareOnTarget: Double(onTarget) / Double(standings.count), meanGap: gaps.reduce(0, +) / Double(gaps.count),
            members: standings.map(\.0))
    }

    /// Every cell of a dimension: group by group, competency by competency.
    public func cells(_ dimension: GroupDimension) -> [Cell] {
        groups(dimension).flatMap { group in competencyCodes.map { cell(dimension, group: group, competency: $0) } }
    }

    /// The row of everyone counted.
    public var everyone: [Cell] { competencyCodes.map { cell(nil, group: "", competency: $0) } }

    /// The shown cells with the largest mean gap (below target), largest first.
    public func largestGaps(_ dimension: GroupDimension, limit: Int) -> [Cell] {
        cells(dimension).filter { ($0.meanGap ?? 0) > 0 }.sorted {
            ($0.meanGap ?? 0, $1.group, $1.competencyCode) > ($1.meanGap ?? 0, $0.group, $0.competencyCode)
        }.prefix(limit).map { $0 }
    }

    /// How many of everyone counted for a competency reached each level (counted from 0; a mean
    /// between two levels has reached the lower), or nil when everyone's cell is withheld.
    public func distribution(_ code: String, levels: Int) -> RatingDistribution? {
        guard levels > 0, permitted[code]?.contains(.everyone) ?? false else { return nil }
        return RatingDistribution(
            levels: people.compactMap { person in
                person.standing(code).map { min(levels - 1, max(0, Int(($0.level + 1e-9).rounded(.down)))) }
            }, levelCount: levels)
    }
}
