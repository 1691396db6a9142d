import Foundation

/// Everything an exercise's submitted ratings say: each rater against the master, the group's
/// agreement, and the anonymous distribution of levels per case and competency.
public struct CalibrationResults: Sendable {
    /// One participant's level for one competency in one case (nil: not observed).
    public struct Rating: Hashable, Sendable {
        public var rater: UUID
        public var caseID: UUID
        public var competencyCode: String
        public var level: Int?

        public init(rater: UUID, caseID: UUID, competencyCode: String, level: Int?) {
            self.rater = rater
            self.caseID = caseID
            self.competencyCode = competencyCode
            self.level = level
        }
    }

    /// A participant's own peers' distribution is shown only when at least this many others
    /// submitted, so that no single colleague's rating can be read from it.
    public static let minimumPeersForDistribution = 3

    /// The master ratings the results were measured against, by case and competency.
    public var masters: [UUID: [String: MasterRating]]
    public var raters: [UUID: RaterCalibration]
    /// Nil with fewer than two submitted participants: there is no agreement to measure.
    public var group: CalibrationGroupResult?
    private var levelsByUnit: [String: [(rater: UUID, level: Int?)]]
    private var levelCount: Int
    /// The participants who submitted, in the order they submitted.
    private var submissionOrder: [UUID]

    /// - Parameters:
    ///   - raters: the participants who submitted, in the order to report them.
    ///   - submissionOrder: the same participants in the order they submitted (defaults to `raters`).
    public static func compute(
        cases: [ReferenceCase], masters: [UUID: [String: MasterRating]], ratings: [Rating], raters: [UUID],
        submissionOrder: [UUID]? = nil, levelCount: Int, bootstrapSamples: Int = 1000
    ) -> CalibrationResults {
        let submitted = Set(raters)
        let counted = ratings.filter { submitted.contains($0.rater) }
        var perRater: [UUID: RaterCalibration] = [:]
        for (rater, own) in Dictionary(grouping: counted, by: \.rater) {
            perRater[rater] = RaterCalibration.compare(own, masters: masters, cases: cases, levelCount: levelCount)
        }
        var group: CalibrationGroupResult?
        if raters.count >= 2 {
            group = CalibrationGroupResult.compute(
                ratings: counted, raters: raters,
                units: cases.flatMap { referenceCase in
                    referenceCase.competencyCodes.map { (caseID: referenceCase.id, competencyCode: $0) }
                }, bootstrapSamples: bootstrapSamples)
        }
        var levelsByUnit: [String: [(rater: UUID, level: Int?)]] = [:]
        for rating in counted {
            levelsByUnit[key(rating.caseID, rating.competencyCode), default: []].append((rating.rater, rating.level))
        }
        return CalibrationResults(
            masters: masters, raters: perRater, group: group, levelsByUnit: levelsByUnit, levelCount: levelCount,
            submissionOrder: (submissionOrder ?? raters).filter(submitted.contains))
    }

    /// Other participants' levels for one competency in one case, or nil when too few others
    /// submitted for the distribution to stay anonymous.
    public func peerDistribution(caseID: UUID, competencyCode: String, excluding rater: UUID) -> LevelDistribution? {
        let shown = participantsShown(to: rater)
        let others = (levelsByUnit[Self.key(caseID, competencyCode)] ?? []).filter { shown.contains($0.rater) }
        guard others.count >= Self.minimumPeersForDistribution else { return nil }
        return LevelDistribution(levels: others.map(\.level), levelCount: levelCount)
    }

    /// A participant's level for one competency in one case: nil when they did not rate it,
    /// `.some(nil)` when they marked it not observed.
    public func level(of rater: UUID, caseID: UUID, competencyCode: String) -> Int?? {
        (levelsByUnit[Self.key(caseID, competencyCode)] ?? []).first { $0.rater == rater }.map(\.level)
    }

    /// Whose levels a participant's distribution may include.
    ///
    /// If it were everyone else who submitted, it would change each time one more person
    /// submitted, and two readings would give that person's levels. So it grows only in blocks:
    /// the first 3, 6, 9... submitters in the order they submitted. For a participant, the block
    /// holding their own submission is skipped (the view goes from the blocks before it straight
    /// to the one after), since a block of three less themselves would be two people. Every
    /// change a participant can see therefore adds at least three others.
    func participantsShown(to rater: UUID) -> Set<UUID> {
        let block = Self.minimumPeersForDistribution
        var blocks = submissionOrder.count / block
        if let position = submissionOrder.firstIndex(of: rater), blocks == position / block + 1 { blocks -= 1 }
        return Set(submissionOrder.prefix(blocks * block)).subtracting([rater])
    }

    private static func key(_ caseID: UUID, _ code: String) -> String { caseID.uuidString + " " + code }
}

extension RaterCalibration {
    /// One participant's ratings against the master ratings, over every competency of every case.
    ///
    /// A level where the master has one is compared. "Not observed" where the master also saw
    /// nothing agrees and says nothing about leniency. Anything else is missing, and counts
    /// against the rater: otherwise leaving out the competencies one is unsure of would pass.
    public static func compare(
        _ ratings: [CalibrationResults.Rating], masters: [UUID: [String: MasterRating]], cases: [ReferenceCase],
        levelCount: Int
    ) -> RaterCalibration? {
        let given = Dictionary(
            ratings.map { ("\($0.caseID) \($0.competencyCode)", $0) }, uniquingKeysWith: { first, _ in first })
        var comparisons: [Comparison] = []
        var missing = 0
        for referenceCase in cases {
            for code in referenceCase.competencyCodes {
                let rating = given["\(referenceCase.id) \(code)"]
                switch (rating?.level, masters[referenceCase.id]?[code]) {
                case (let level?, let master?):
                    comparisons.append(Comparison(competencyCode: code, rated: level, master: master.level))
                case (nil, nil) where rating != nil:
                    break
                default:
                    missing += 1
                }
            }
        }
        return compare(comparisons, missing: missing, levelCount: levelCount)
    }
}
