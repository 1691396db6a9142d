/// The level a job role is expected to reach in each competency, for one tenure band.
/// These targets are what gaps are measured against.
public struct RoleProfile: Hashable, Codable, Sendable {
    public var name: String
    public var jobRole: String
    /// Months of tenure the profile applies from (inclusive).
    public var minimumTenureMonths: Int
    /// Months of tenure the profile applies until (exclusive); nil for no upper bound.
    public var maximumTenureMonths: Int?
    /// Target level position per competency code.
    public var targets: [String: Int]

    public init(
        name: String, jobRole: String, minimumTenureMonths: Int, maximumTenureMonths: Int?, targets: [String: Int]
    ) {
        self.name = name
        self.jobRole = jobRole
        self.minimumTenureMonths = minimumTenureMonths
        self.maximumTenureMonths = maximumTenureMonths
        self.targets = targets
    }

    public var tenureBandLabel: String {
        switch maximumTenureMonths {
        case .some(let upper): "\(minimumTenureMonths)–\(upper) months"
        case .none: "\(minimumTenureMonths)+ months"
        }
    }

    public func applies(toTenureMonths months: Int) -> Bool {
        months >= minimumTenureMonths && months < (maximumTenureMonths ?? Int.max)
    }

    /// The programme's guidance as profiles: new hires reach the lowest level in their first
    /// year, most account managers work at the middle level, and seniors reach the top level
    /// in the first category (day-to-day operation), where experience shows first.
    public static func standardProfiles(for content: FrameworkContent) -> [RoleProfile] {
        let codes = content.competencies.map(\.code)
        let top = content.levels.count - 1
        let middle = min(1, top)
        let firstCategory = Set(content.categories.first?.competencies.map(\.code) ?? [])
        func all(_ level: Int) -> [String: Int] { Dictionary(uniqueKeysWithValues: codes.map { ($0, level) }) }
        return [
            RoleProfile(
                name: "New account manager", jobRole: "Account Manager", minimumTenureMonths: 0,
                maximumTenureMonths: 12, targets: all(0)),
            RoleProfile(
                name: "Account manager", jobRole: "Account Manager", minimumTenureMonths: 12,
                maximumTenureMonths: nil, targets: all(middle)),
            RoleProfile(
                name: "Senior account manager", jobRole: "Senior Account Manager", minimumTenureMonths: 0,
                maximumTenureMonths: nil,
                targets: Dictionary(uniqueKeysWithValues: codes.map { ($0, firstCategory.contains($0) ? top : middle) })
            ),
        ]
    }
}
