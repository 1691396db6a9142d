import Foundation

/// Double rating in live cycles: a share of account managers is rated a second time by another
/// calibrated rater, so that agreement between raters can be followed after calibration ends.
public enum DoubleRatingPlan {
    /// The largest share of a cycle's subjects that can be double-rated, in per cent.
    public static let maximumPercent = 50

    /// Who may give second ratings today: active supervisors and programme staff whose
    /// calibration is valid. Account managers are rated, and customers rate only their account.
    public static func eligibleRaters(users: [UserAccount], statuses: [UUID: CalibrationStatus], today: CalendarDate)
        -> [Rater]
    {
        users.filter { user in
            !user.isDisabled && user.role != .accountManager && user.role != .customerReviewer
                && statuses[user.id]?.isValid(on: today) == true
        }.map { Rater(userID: $0.id, personID: $0.personID) }
    }

    /// A subject to double-rate and who may not be their second rater.
    public struct Subject: Hashable, Sendable {
        public var personID: UUID
        public var supervisorPersonID: UUID?

        public init(personID: UUID, supervisorPersonID: UUID?) {
            self.personID = personID
            self.supervisorPersonID = supervisorPersonID
        }
    }

    /// A calibrated rater who can be asked for second ratings.
    public struct Rater: Hashable, Sendable {
        public var userID: UUID
        public var personID: UUID?

        public init(userID: UUID, personID: UUID?) {
            self.userID = userID
            self.personID = personID
        }
    }

    /// The share of subjects to double-rate, rounded up so that any share above zero picks
    /// someone; the same cycle always picks the same people (the seed is the cycle).
    public static func select(_ subjects: [Subject], percent: Int, seed: UInt64) -> [Subject] {
        guard percent > 0, !subjects.isEmpty else { return [] }
        let count = min(subjects.count, (subjects.count * percent + 99) / 100)
        var generator = SeededGenerator(seed: seed)
        let ordered = subjects.sorted { $0.personID.uuidString < $1.personID.uuidString }
        return Array(ordered.shuffled(using: &generator).prefix(count))
    }

    /// Second raters for the selected subjects: never the subject, never their own supervisor,
    /// the least-loaded rater first (ties in a fixed order). Subjects with no possible rater are
    /// left out.
    public static func assign(_ subjects: [Subject], raters: [Rater], existingLoad: [UUID: Int] = [:]) -> [UUID: UUID] {
        var load = existingLoad
        var assignment: [UUID: UUID] = [:]
        let ordered = raters.sorted { $0.userID.uuidString < $1.userID.uuidString }
        for subject in subjects {
            let eligible = ordered.filter {
                $0.personID != subject.personID && ($0.personID == nil || $0.personID != subject.supervisorPersonID)
            }
            guard let chosen = eligible.min(by: { (load[$0.userID] ?? 0) < (load[$1.userID] ?? 0) }) else {
                continue
            }
            assignment[subject.personID] = chosen.userID
            load[chosen.userID, default: 0] += 1
        }
        return assignment
    }
}

/// How far a rater's levels in live cycles are from a calibrated second rater's on the same
/// account managers, cycle by cycle: a rater who met the thresholds in calibration and no longer
/// does in their latest cycle is drifting.
public struct RaterDrift: Sendable {
    /// One competency of one account manager rated by both.
    public struct Pair: Hashable, Sendable {
        public var raterPersonID: UUID
        public var cycleID: UUID
        public var competencyCode: String
        public var level: Int
        public var secondLevel: Int

        public init(raterPersonID: UUID, cycleID: UUID, competencyCode: String, level: Int, secondLevel: Int) {
            self.raterPersonID = raterPersonID
            self.cycleID = cycleID
            self.competencyCode = competencyCode
            self.level = level
            self.secondLevel = secondLevel
        }
    }

    public struct CyclePoint: Sendable {
        public var cycleID: UUID
        public var agreement: RaterCalibration
    }

    public var raterPersonID: UUID
    /// In the order of the cycles given, oldest first.
    public var points: [CyclePoint]
    public var isDrifting: Bool
    public var shortfalls: [CalibrationShortfall]

    /// - Parameter cycleOrder: cycle ids oldest first.
    public static func compute(
        _ pairs: [Pair], cycleOrder: [UUID], levelCount: Int, thresholds: CalibrationThresholds
    ) -> [RaterDrift] {
        let position = Dictionary(uniqueKeysWithValues: cycleOrder.enumerated().map { ($0.element, $0.offset) })
        return Dictionary(grouping: pairs, by: \.raterPersonID).map { rater, own in
            let points = Dictionary(grouping: own, by: \.cycleID).compactMap { cycle, items -> CyclePoint? in
                RaterCalibration.compare(
                    items.map { .init(competencyCode: $0.competencyCode, rated: $0.level, master: $0.secondLevel) },
                    levelCount: levelCount
                ).map { CyclePoint(cycleID: cycle, agreement: $0) }
            }.sorted { (position[$0.cycleID] ?? .max) < (position[$1.cycleID] ?? .max) }
            let verdict = points.last?.agreement.verdict(thresholds)
            return RaterDrift(
                raterPersonID: rater, points: points, isDrifting: verdict.map { !$0.isCalibrated } ?? false,
                shortfalls: verdict?.shortfalls ?? [])
        }.sorted {
            ($0.isDrifting ? 0 : 1, $0.raterPersonID.uuidString) < ($1.isDrifting ? 0 : 1, $1.raterPersonID.uuidString)
        }
    }
}
