import Foundation

/// A competency as it stands across a group (a team, a location, a supervisor's people): who is
/// below target, out of how many assessed, and by how much on average.
public struct GroupGap: Hashable, Sendable {
    public var competencyCode: String
    /// The people below target, in the order they were given.
    public var below: [UUID]
    /// How many in the group have a target and a level for it.
    public var assessed: Int
    /// The mean shortfall of everyone assessed (those at or above target count as 0), in levels.
    public var meanShortfall: Double
    /// The level most of those below have reached (counted from 0), where a group session starts.
    public var commonLevel: Int

    public var shareBelow: Double { assessed == 0 ? 0 : Double(below.count) / Double(assessed) }
    /// Most of the group is below target: what a group session is for.
    public var isMostlyBelow: Bool { below.count * 2 > assessed }
}

/// The group gap function: each person's gaps (the Core gap function, from their latest released
/// results) taken together, the competencies where most are below target first.
public enum GroupGapAnalysis {
    public static func gaps(_ people: [(personID: UUID, gaps: [CompetencyGap])]) -> [GroupGap] {
        var byCode: [String: (below: [UUID], levels: [Int], assessed: Int, shortfall: Double)] = [:]
        for person in people {
            for gap in person.gaps {
                var entry = byCode[gap.competencyCode, default: ([], [], 0, 0)]
                entry.assessed += 1
                if gap.standing == .below {
                    entry.below.append(person.personID)
                    entry.levels.append(Int(gap.current.rounded(.down)))
                    entry.shortfall += max(0, gap.size)
                }
                byCode[gap.competencyCode] = entry
            }
        }
        return byCode.map { code, entry in
            let counts = Dictionary(entry.levels.map { ($0, 1) }, uniquingKeysWith: +)
            let common = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
            return GroupGap(
                competencyCode: code, below: entry.below, assessed: entry.assessed,
                meanShortfall: entry.shortfall / Double(max(1, entry.assessed)), commonLevel: common)
        }.sorted {
            ($0.shareBelow, $0.meanShortfall, $1.competencyCode) > ($1.shareBelow, $1.meanShortfall, $0.competencyCode)
        }
    }
}

/// The offering for a group session: one that takes the competency on from the level most of the
/// group has reached, in a format people take together: a classroom when they share a place, a
/// virtual classroom when they do not, then a role-play; otherwise whatever develops it. Ties go
/// to the shorter, then by code.
public enum GroupSessionChooser {
    public static func offering(
        for competencyCode: String, from level: Int, frameworkID: UUID, in offerings: [Offering], together: Bool
    ) -> Offering? {
        let preference: [OfferingFormat] =
            together ? [.classroom, .virtualClassroom, .rolePlay] : [.virtualClassroom, .classroom, .rolePlay]
        func rank(_ offering: Offering) -> Int { preference.firstIndex(of: offering.format) ?? preference.count }
        return offerings.filter { offering in
            offering.targets.contains {
                $0.frameworkID == frameworkID && $0.competencyCode == competencyCode && $0.fromLevel <= level
                    && $0.toLevel > level
            }
        }.min {
            (rank($0), $0.durationMinutes, $0.code) < (rank($1), $1.durationMinutes, $1.code)
        }
    }
}
