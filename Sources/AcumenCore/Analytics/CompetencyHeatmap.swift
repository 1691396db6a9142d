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
///
/// Every figure is worked out when the heatmap is made, so that a settled cycle's heatmap can
/// be kept whole (`cells`, `levelCounts`) and read back without the people behind it: at tens
/// of thousands of people, deciding the catalogue and counting the cells take seconds.
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

        public init(
            dimension: GroupDimension?, group: String, competencyCode: String, count: Int, shareOnTarget: Double?,
            meanGap: Double?
        ) {
            self.dimension = dimension
            self.group = group
            self.competencyCode = competencyCode
            self.count = count
            self.shareOnTarget = shareOnTarget
            self.meanGap = meanGap
        }
    }

    public let competencyCodes: [String]
    public let minimum: Int
    /// Every cell, by slice and competency.
    private let cellsBySlice: [Slice: [String: Cell]]
    /// The groups of each dimension, in order of name.
    private let groupsByDimension: [GroupDimension: [String]]
    /// Per competency whose row of everyone is shown, how many of everyone counted reached each
    /// level (a mean between two levels has reached the lower).
    public let levelCounts: [String: [Int: Int]]

    /// Counts and decides every cell of `people`.
    /// - Parameter minimum: the smallest group whose figures may be shown (at least 2).
    public init(people: [AssessedMember], competencyCodes: [String], minimum: Int) {
        let minimum = max(2, minimum)
        let groupMembers = Self.members(of: people)
        var cells: [Slice: [String: Cell]] = [:]
        var levelCounts: [String: [Int: Int]] = [:]
        // Competencies counted over the same people share one catalogue: usually all of them.
        var permittedByPopulation: [[Int]: Set<Slice>] = [:]
        for code in competencyCodes {
            let counted = people.indices.filter { people[$0].standing(code) != nil }
            let permitted =
                permittedByPopulation[counted]
                ?? Set(
                    SliceCatalog(
                        members: Self.members(of: counted.map { people[$0] }), count: counted.count, minimum: minimum
                    ).permitted)
            permittedByPopulation[counted] = permitted
            for (slice, positions) in [(Slice.everyone, Array(people.indices))]
                + groupMembers.map({ ($0.key, $0.value.sorted()) })
            {
                let standings = positions.compactMap { people[$0].standing(code) }
                let dimension = slice.filters.first.flatMap { GroupDimension(rawValue: $0.key) }
                var cell = Cell(
                    dimension: dimension, group: slice.filters.first?.value ?? "", competencyCode: code,
                    count: standings.count, shareOnTarget: nil, meanGap: nil)
                if permitted.contains(slice), !standings.isEmpty {
                    let onTarget = standings.filter { $0.level >= Double($0.target) - 1e-9 }.count
                    cell.shareOnTarget = Double(onTarget) / Double(standings.count)
                    cell.meanGap =
                        standings.reduce(0) { $0 + Double($1.target) - $1.level } / Double(standings.count)
                    if slice == .everyone {
                        levelCounts[code] = standings.reduce(into: [:]) { counts, standing in
                            counts[Int((standing.level + 1e-9).rounded(.down)), default: 0] += 1
                        }
                    }
                }
                cells[slice, default: [:]][code] = cell
            }
        }
        self.init(competencyCodes: competencyCodes, minimum: minimum, cellsBySlice: cells, levelCounts: levelCounts)
    }

    /// A heatmap as it was kept: its cells (withheld ones without figures) and its level counts.
    public init(competencyCodes: [String], minimum: Int, cells: [Cell], levelCounts: [String: [Int: Int]]) {
        var bySlice: [Slice: [String: Cell]] = [:]
        for cell in cells {
            bySlice[cell.dimension.map { Self.slice($0, cell.group) } ?? .everyone, default: [:]][
                cell.competencyCode] = cell
        }
        self.init(competencyCodes: competencyCodes, minimum: minimum, cellsBySlice: bySlice, levelCounts: levelCounts)
    }

    private init(
        competencyCodes: [String], minimum: Int, cellsBySlice: [Slice: [String: Cell]],
        levelCounts: [String: [Int: Int]]
    ) {
        self.competencyCodes = competencyCodes
        self.minimum = max(2, minimum)
        self.cellsBySlice = cellsBySlice
        var groups: [GroupDimension: [String]] = [:]
        for slice in cellsBySlice.keys {
            guard let (name, group) = slice.filters.first, let dimension = GroupDimension(rawValue: name) else {
                continue
            }
            groups[dimension, default: []].append(group)
        }
        groupsByDimension = groups.mapValues { names in
            names.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        }
        self.levelCounts = levelCounts
    }

    /// Every cell: everyone's and every group's, for every competency.
    public var cells: [Cell] { cellsBySlice.values.flatMap(\.values) }

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
        groupsByDimension[dimension] ?? []
    }

    /// One cell; `dimension` nil is everyone. A group nobody belongs to has an empty, withheld cell.
    public func cell(_ dimension: GroupDimension?, group: String, competency code: String) -> Cell {
        let slice = dimension.map { Self.slice($0, group) } ?? .everyone
        return cellsBySlice[slice]?[code]
            ?? Cell(
                dimension: dimension, group: group, competencyCode: code, count: 0, shareOnTarget: nil, meanGap: nil)
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

    /// How many of everyone counted for a competency reached each level (counted from 0, the
    /// top level taking any above it), or nil when everyone's cell is withheld.
    public func distribution(_ code: String, levels: Int) -> RatingDistribution? {
        guard levels > 0, let counts = levelCounts[code] else { return nil }
        return RatingDistribution(
            levels: counts.flatMap { level, count in
                Array(repeating: min(levels - 1, max(0, level)), count: count)
            }, levelCount: levels)
    }
}
