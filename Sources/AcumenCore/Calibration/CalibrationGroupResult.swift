import Foundation

/// Agreement among the participants of a calibration exercise: over every rated
/// (case, competency) unit, and per competency, so the programme sees which competencies raters
/// find hardest to agree on.
public struct CalibrationGroupResult: Sendable {
    public struct CompetencyAgreement: Sendable {
        public var competencyCode: String
        /// Cases showing the competency.
        public var units: Int
        /// Share of pairs of participants who gave the same level to the same case: defined even
        /// for a competency that only one case shows, and the order "hardest first" follows it.
        public var pairAgreement: Double?
        /// Nil unless at least two cases show the competency: one case says nothing about
        /// whether raters tell cases apart, which is what alpha measures.
        public var ordinalAlpha: Double?
        public var ordinalAlphaInterval: BootstrapInterval?
        public var fleissKappa: Double?
    }

    /// Every statistic of `acumen stats agreement`, with units = (case, competency).
    public var overall: AgreementReport
    public var ordinalAlphaInterval: BootstrapInterval?
    /// Lowest pair agreement first; competencies nobody rated come last.
    public var competencies: [CompetencyAgreement]
    public var participants: Int

    /// - Parameters:
    ///   - raters: the participants whose ratings count, in the order to report them.
    ///   - units: the (case, competency) pairs of the exercise, in the order to report them.
    public static func compute(
        ratings: [CalibrationResults.Rating], raters: [UUID], units: [(caseID: UUID, competencyCode: String)],
        bootstrapSamples: Int = 1000
    ) -> CalibrationGroupResult {
        let participants = raters.count
        let raterIndex = Dictionary(
            raters.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var unitIndex: [String: Int] = [:]
        for (position, unit) in units.enumerated() { unitIndex[key(unit.caseID, unit.competencyCode)] = position }
        var cells = [Double](repeating: .nan, count: units.count * participants)
        for rating in ratings {
            guard let level = rating.level, let unit = unitIndex[key(rating.caseID, rating.competencyCode)],
                let participant = raterIndex[rating.rater]
            else { continue }
            cells[unit * participants + participant] = Double(level)
        }
        let matrix = RatingMatrix(units: units.count, raters: participants, cells: cells)
        let overall = AgreementReport.compute(
            matrix, raterNames: (0..<participants).map { "participant \($0 + 1)" })
        var competencies: [CompetencyAgreement] = []
        var seen = Set<String>()
        for code in units.map(\.competencyCode) where seen.insert(code).inserted {
            let rows = units.indices.filter { units[$0].competencyCode == code }
            var subset: [Double] = []
            subset.reserveCapacity(rows.count * participants)
            for row in rows { subset.append(contentsOf: cells[row * participants..<(row + 1) * participants]) }
            let competencyMatrix = RatingMatrix(units: rows.count, raters: participants, cells: subset)
            let severalCases = rows.count >= 2
            competencies.append(
                CompetencyAgreement(
                    competencyCode: code, units: rows.count, pairAgreement: pairAgreement(competencyMatrix),
                    ordinalAlpha: severalCases ? KrippendorffAlpha.alpha(competencyMatrix, level: .ordinal) : nil,
                    ordinalAlphaInterval: severalCases
                        ? BootstrapInterval.krippendorffAlpha(
                            competencyMatrix, level: .ordinal, samples: bootstrapSamples) : nil,
                    fleissKappa: severalCases ? FleissKappa.kappa(competencyMatrix) : nil))
        }
        competencies.sort { first, second in
            switch (first.pairAgreement, second.pairAgreement) {
            case (let a?, let b?): a == b ? first.competencyCode < second.competencyCode : a < b
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): first.competencyCode < second.competencyCode
            }
        }
        return CalibrationGroupResult(
            overall: overall,
            ordinalAlphaInterval: BootstrapInterval.krippendorffAlpha(
                matrix, level: .ordinal, samples: bootstrapSamples),
            competencies: competencies, participants: participants)
    }

    private static func key(_ caseID: UUID, _ code: String) -> String { caseID.uuidString + " " + code }

    /// Over every case, the share of pairs of ratings of that case that are the same level.
    static func pairAgreement(_ matrix: RatingMatrix) -> Double? {
        var agreeing = 0
        var pairs = 0
        for unit in 0..<matrix.unitCount {
            let levels = matrix.unit(unit).compactMap { $0 }
            for first in levels.indices {
                for second in levels.indices where second > first {
                    pairs += 1
                    if levels[first] == levels[second] { agreeing += 1 }
                }
            }
        }
        return pairs == 0 ? nil : Double(agreeing) / Double(pairs)
    }
}

/// How many participants gave each level to one competency in one case: the anonymous
/// distribution a participant sees beside their own rating after submitting.
public struct LevelDistribution: Hashable, Sendable {
    /// Count per level position; `notObserved` counts ratings without a level.
    public var counts: [Int]
    public var notObserved: Int

    public init(levels: [Int?], levelCount: Int) {
        var counts = [Int](repeating: 0, count: levelCount)
        var missing = 0
        for level in levels {
            if let level, counts.indices.contains(level) { counts[level] += 1 } else { missing += 1 }
        }
        self.counts = counts
        notObserved = missing
    }

    public var total: Int { counts.reduce(0, +) + notObserved }
}
