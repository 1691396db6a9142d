import Foundation

/// What changed between two released cycles for the account managers both assessed, and
/// whether those who took training in between changed more than those who did not.
///
/// A person's competency change is the mean, over the competencies others rated in both cycles,
/// of the later level minus the earlier (levels as their reports show them; `Person`). Their customers'
/// change is the later share of Often or Always minus the earlier, counted only where both
/// reports show the customers. The comparison is an association: people who train may differ
/// in other ways, so the page says it is not proof of cause.
public struct ProgrammeImpact: Hashable, Sendable {
    public struct Cycle: Hashable, Sendable {
        public var name: String
        public var closesOn: CalendarDate

        public init(name: String, closesOn: CalendarDate) {
            self.name = name
            self.closesOn = closesOn
        }
    }

    /// One account manager assessed in both cycles.
    public struct Person: Hashable, Sendable {
        public var personID: UUID
        /// The mean, over the competencies others rated in both cycles, of the later level minus
        /// the earlier; nil when no competency was rated in both.
        public var competencyChange: Double?
        /// Completed at least one offering after the earlier cycle closed and by the day the later closed.
        public var tookTraining: Bool
        /// Share of customers' answers of Often or Always, where the report shows customers.
        public var earlierCustomerShare: Double?
        public var laterCustomerShare: Double?

        public init(
            personID: UUID, competencyChange: Double?, tookTraining: Bool, earlierCustomerShare: Double? = nil,
            laterCustomerShare: Double? = nil
        ) {
            self.personID = personID
            self.competencyChange = competencyChange
            self.tookTraining = tookTraining
            self.earlierCustomerShare = earlierCustomerShare
            self.laterCustomerShare = laterCustomerShare
        }

        public var customerChange: Double? {
            guard let earlier = earlierCustomerShare, let later = laterCustomerShare else { return nil }
            return later - earlier
        }
    }

    /// Mean level of everyone rated on a competency in both cycles, then and now.
    public struct CompetencyChange: Hashable, Sendable {
        public var competencyCode: String
        public var people: Int
        public var earlierMean: Double
        public var laterMean: Double
        public var change: Double { laterMean - earlierMean }

        public init(competencyCode: String, people: Int, earlierMean: Double, laterMean: Double) {
            self.competencyCode = competencyCode
            self.people = people
            self.earlierMean = earlierMean
            self.laterMean = laterMean
        }
    }

    /// Those who took training against those who did not.
    public struct Comparison: Hashable, Sendable {
        public var trained: Int
        public var untrained: Int
        public var trainedMean: Double
        public var untrainedMean: Double
        /// Trained minus untrained.
        public var difference: Double { trainedMean - untrainedMean }
        /// The 95 per cent confidence interval of the difference (Welch's t interval).
        public var interval: ClosedRange<Double>

        /// Whether the interval leaves out zero.
        public var isClear: Bool { !interval.contains(0) }
    }

    public var earlier: Cycle
    public var later: Cycle
    public var people: [Person]
    /// Per competency rated in both cycles, in any order.
    public var competencyChanges: [CompetencyChange]
    /// The fewest people either side of a comparison may have.
    public var minimumGroup: Int

    /// The people's changes and the competencies' come counted from the cycles' kept levels
    /// (`SettledResultsRepository.levelChanges`): at tens of thousands of people, the database
    /// pairs the two cycles' levels faster than reading them all.
    public init(
        earlier: Cycle, later: Cycle, people: [Person], competencyChanges: [CompetencyChange], minimumGroup: Int
    ) {
        self.earlier = earlier
        self.later = later
        self.people = people
        self.competencyChanges = competencyChanges
        self.minimumGroup = max(2, minimumGroup)
    }

    /// The competencies' changes in the order of `codes`; codes not rated in both are left out.
    public func competencyChanges(order codes: [String]) -> [CompetencyChange] {
        let byCode = Dictionary(competencyChanges.map { ($0.competencyCode, $0) }) { first, _ in first }
        return codes.compactMap { byCode[$0] }
    }

    /// Mean competency change of everyone assessed in both cycles.
    public var meanCompetencyChange: Double? { Self.mean(people.compactMap(\.competencyChange)) }

    public var competencyComparison: Comparison? {
        compare(people.compactMap { person in person.competencyChange.map { (person.tookTraining, $0) } })
    }

    public var customerComparison: Comparison? {
        compare(people.compactMap { person in person.customerChange.map { (person.tookTraining, $0) } })
    }

    private func compare(_ values: [(trained: Bool, change: Double)]) -> Comparison? {
        let trained = values.filter(\.trained).map(\.change)
        let untrained = values.filter { !$0.trained }.map(\.change)
        guard trained.count >= minimumGroup, untrained.count >= minimumGroup,
            let interval = Self.welchInterval(trained, untrained)
        else { return nil }
        return Comparison(
            trained: trained.count, untrained: untrained.count, trainedMean: Self.mean(trained)!,
            untrainedMean: Self.mean(untrained)!, interval: interval)
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The 95 per cent interval of mean(first) − mean(second) with unequal variances; nil when
    /// either sample has fewer than two values.
    static func welchInterval(_ first: [Double], _ second: [Double]) -> ClosedRange<Double>? {
        guard first.count >= 2, second.count >= 2, let firstMean = mean(first), let secondMean = mean(second) else {
            return nil
        }
        func variance(_ values: [Double], _ mean: Double) -> Double {
            values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        }
        let a = variance(first, firstMean) / Double(first.count)
        let b = variance(second, secondMean) / Double(second.count)
        let difference = firstMean - secondMean
        let standardError = (a + b).squareRoot()
        guard standardError > 0 else { return difference...difference }
        let degrees =
            (a + b) * (a + b)
            / (a * a / Double(first.count - 1) + b * b / Double(second.count - 1))
        let critical = StudentT.critical95(degreesOfFreedom: max(1, Int(degrees.rounded(.down))))
        return (difference - critical * standardError)...(difference + critical * standardError)
    }

    /// Everything the page, the API and the CSV show, without each person's levels: what is
    /// kept between requests.
    public struct Summary: Hashable, Sendable {
        public struct Row: Hashable, Sendable {
            public var personID: UUID
            public var tookTraining: Bool
            public var competencyChange: Double?
            public var earlierCustomerShare: Double?
            public var laterCustomerShare: Double?
            public var customerChange: Double?
        }

        public var earlier: Cycle
        public var later: Cycle
        public var minimumGroup: Int
        public var people: [Row]
        public var competencyChanges: [CompetencyChange]
        public var meanCompetencyChange: Double?
        public var competencyComparison: Comparison?
        public var customerComparison: Comparison?
    }

    /// - Parameter order: the competency codes in the order to list them.
    public func summary(order: [String]) -> Summary {
        Summary(
            earlier: earlier, later: later, minimumGroup: minimumGroup,
            people: people.map {
                Summary.Row(
                    personID: $0.personID, tookTraining: $0.tookTraining, competencyChange: $0.competencyChange,
                    earlierCustomerShare: $0.earlierCustomerShare, laterCustomerShare: $0.laterCustomerShare,
                    customerChange: $0.customerChange)
            }, competencyChanges: competencyChanges(order: order), meanCompetencyChange: meanCompetencyChange,
            competencyComparison: competencyComparison, customerComparison: customerComparison)
    }
}
