import Foundation

/// The figures a programme is judged by, for one period: who took up the training, how widely,
/// who was promoted and who left, and how customers rate the service. Made from the rows the
/// programme's CSV exports carry, so that anyone can count them again from those files.
public struct ProgrammeFigures: Hashable, Sendable {
    /// An account manager at the vendor, as the figures need them.
    public struct Member: Hashable, Sendable {
        public var id: UUID
        /// A city, or `remote`: each counts as one location.
        public var location: String
        public var hireDate: CalendarDate
        /// The last day they worked, for someone who left.
        public var endDate: CalendarDate?
        /// Whether they chose to leave; nil when not recorded (or still there).
        public var leftVoluntarily: Bool?

        public init(
            id: UUID, location: String, hireDate: CalendarDate, endDate: CalendarDate? = nil,
            leftVoluntarily: Bool? = nil
        ) {
            self.id = id
            self.location = location
            self.hireDate = hireDate
            self.endDate = endDate
            self.leftVoluntarily = leftVoluntarily
        }

        /// Employed on that day: hired on or before it and not gone before it.
        public func isEmployed(on day: CalendarDate) -> Bool {
            hireDate <= day && (endDate.map { day <= $0 } ?? true)
        }

        /// Employed on at least one day of the period.
        public func isEmployed(during period: ReportingPeriod) -> Bool {
            hireDate <= period.to && (endDate.map { period.from <= $0 } ?? true)
        }

        /// The location as counted: `Remote`, `remote` and ` remote ` are one.
        var locationKey: String { location.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// An offering someone completed.
    public struct Completion: Hashable, Sendable {
        public var personID: UUID
        public var offeringID: UUID
        public var day: CalendarDate
        public var format: OfferingFormat
        public var category: String

        public init(personID: UUID, offeringID: UUID, day: CalendarDate, format: OfferingFormat, category: String) {
            self.personID = personID
            self.offeringID = offeringID
            self.day = day
            self.format = format
            self.category = category
        }
    }

    /// A promotion: the person and the day it took effect.
    public struct Promotion: Hashable, Sendable {
        public var personID: UUID
        public var day: CalendarDate

        public init(personID: UUID, day: CalendarDate) {
            self.personID = personID
            self.day = day
        }
    }

    /// Customers' answers of one cycle, counted by answer.
    public struct ServiceAnswers: Hashable, Sendable {
        public var cycleName: String
        public var closesOn: CalendarDate
        /// How many customers answered: the cycle is left out below its anonymity minimum.
        public var responses: Int
        public var minimumResponses: Int
        public var counts: [FrequencyAnswer: Int]

        public init(
            cycleName: String, closesOn: CalendarDate, responses: Int, minimumResponses: Int,
            counts: [FrequencyAnswer: Int]
        ) {
            self.cycleName = cycleName
            self.closesOn = closesOn
            self.responses = responses
            self.minimumResponses = minimumResponses
            self.counts = counts
        }

        public var isShown: Bool { responses >= max(minimumResponses, 1) }
        /// Answers on the scale (Don't know is not).
        public var scored: Int { FrequencyAnswer.scale.reduce(0) { $0 + (counts[$1] ?? 0) } }
        /// Often or Always.
        public var favourable: Int { (counts[.often] ?? 0) + (counts[.always] ?? 0) }
        public var favourableShare: Double? { scored == 0 ? nil : Double(favourable) / Double(scored) }
    }

    /// Completions and the people who made them, for one format, category or month.
    public struct Uptake: Hashable, Sendable {
        public var name: String
        public var completions: Int
        public var people: Int
    }

    /// Headcount and leavers at one location.
    public struct Turnover: Hashable, Sendable {
        public var location: String
        public var averageHeadcount: Double
        public var leavers: Int
        public var voluntaryLeavers: Int
        /// Annualised; nil without anyone employed.
        public var rate: Double?
        public var voluntaryRate: Double?
    }

    public var period: ReportingPeriod
    /// Account managers employed on at least one day of the period.
    public var accountManagers: Int
    /// Of those, how many completed at least one offering in the period.
    public var adopters: Int
    public var adoptionRate: Double?
    /// Different offerings they completed in the period.
    public var distinctOfferings: Int
    /// Different locations (remote counted as one) of the account managers who completed something.
    public var locationsReached: Int
    /// Different locations of all the period's account managers, for comparison.
    public var locations: Int
    public var completions: Int
    public var byFormat: [Uptake]
    public var byCategory: [Uptake]
    public var byMonth: [Uptake]
    /// Promotions of account managers in the period.
    public var promotions: Int
    /// Promotions for each account manager of the period.
    public var promotionRate: Double?
    /// Everyone's turnover, then each location's.
    public var turnover: Turnover
    public var turnoverByLocation: [Turnover]
    /// Leavers whose reason was not recorded: counted in the total rate, not in the voluntary one.
    public var leaversWithoutReason: Int
    /// Favourable customer answers (Often or Always) out of all answers on the scale, in cycles
    /// that closed in the period and reached their anonymity minimum.
    public var serviceRating: Double?
    public var serviceCycles: [ServiceAnswers]
    /// Cycles of the period left out because too few customers answered.
    public var serviceCyclesWithheld: Int

    public init(
        period: ReportingPeriod, members: [Member], completions: [Completion], promotions: [Promotion],
        serviceAnswers: [ServiceAnswers]
    ) {
        self.period = period
        let serving = members.filter { $0.isEmployed(during: period) }
        let servingIDs = Set(serving.map(\.id))
        let counted = completions.filter { servingIDs.contains($0.personID) && period.contains($0.day) }
        let adopterIDs = Set(counted.map(\.personID))
        accountManagers = serving.count
        adopters = adopterIDs.count
        adoptionRate = serving.isEmpty ? nil : Double(adopterIDs.count) / Double(serving.count)
        distinctOfferings = Set(counted.map(\.offeringID)).count
        locationsReached = Set(serving.filter { adopterIDs.contains($0.id) }.map(\.locationKey)).count
        locations = Set(serving.map(\.locationKey)).count
        self.completions = counted.count
        byFormat = Self.uptake(counted) { $0.format.rawValue }
        byCategory = Self.uptake(counted) { $0.category }
        byMonth = Self.uptake(counted) { String($0.day.description.prefix(7)) }.sorted { $0.name < $1.name }

        self.promotions = promotions.filter { servingIDs.contains($0.personID) && period.contains($0.day) }.count
        promotionRate = serving.isEmpty ? nil : Double(self.promotions) / Double(serving.count)

        turnover = Self.turnover(of: serving, location: "", in: period)
        var byLocation: [String: [Member]] = [:]
        for member in serving { byLocation[member.locationKey, default: []].append(member) }
        turnoverByLocation = byLocation.map { key, members in
            Self.turnover(of: members, location: members.first?.location ?? key, in: period)
        }.sorted { $0.location.lowercased() < $1.location.lowercased() }
        leaversWithoutReason =
            serving.filter { member in
                member.endDate.map(period.contains) == true && member.leftVoluntarily == nil
            }.count

        let inPeriod = serviceAnswers.filter { period.contains($0.closesOn) }.sorted { $0.closesOn < $1.closesOn }
        serviceCycles = inPeriod.filter(\.isShown)
        serviceCyclesWithheld = inPeriod.count - serviceCycles.count
        let scored = serviceCycles.reduce(0) { $0 + $1.scored }
        serviceRating = scored == 0 ? nil : Double(serviceCycles.reduce(0) { $0 + $1.favourable }) / Double(scored)
    }

    private static func uptake(_ completions: [Completion], by name: (Completion) -> String) -> [Uptake] {
        var groups: [String: (completions: Int, people: Set<UUID>)] = [:]
        for completion in completions {
            groups[name(completion), default: (0, [])].completions += 1
            groups[name(completion), default: (0, [])].people.insert(completion.personID)
        }
        return groups.map { Uptake(name: $0.key, completions: $0.value.completions, people: $0.value.people.count) }
            .sorted { ($1.completions, $0.name) < ($0.completions, $1.name) }
    }

    /// Leavers in the period over the mean of the headcounts on its first and last days,
    /// annualised (times 365 over the period's days).
    static func turnover(of members: [Member], location: String, in period: ReportingPeriod) -> Turnover {
        let start = members.filter { $0.isEmployed(on: period.from) }.count
        let end = members.filter { $0.isEmployed(on: period.to) }.count
        let average = Double(start + end) / 2
        let leavers = members.filter { $0.endDate.map(period.contains) == true }
        let voluntary = leavers.filter { $0.leftVoluntarily == true }.count
        let annualised = 365 / Double(period.days)
        func rate(_ count: Int) -> Double? { average == 0 ? nil : Double(count) / average * annualised }
        return Turnover(
            location: location, averageHeadcount: average, leavers: leavers.count, voluntaryLeavers: voluntary,
            rate: rate(leavers.count), voluntaryRate: rate(voluntary))
    }
}
