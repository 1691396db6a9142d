import AcumenCore
import AcumenStore
import Foundation
import Vapor

/// The programme's own results for a period: the page for a leadership meeting, the same
/// figures as JSON, and the rows each figure is made from as CSV, so that anyone can count
/// them again.
struct ProgrammeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.access(.permitted(AnalyticsPolicy.self, .readProgramme))
        staff.get("analytics", "programme", use: page)
        staff.get("analytics", "programme", "people.csv", use: peopleCSV)
        staff.get("analytics", "programme", "completions.csv", use: completionsCSV)
        staff.get("analytics", "programme", "service.csv", use: serviceCSV)
        staff.get("analytics", "programme", "impact.csv", use: impactCSV)
        staff.get("api", "v1", "analytics", "programme", use: api)
    }

    /// The twelve months to today unless the address names other days.
    static func period(_ request: Request) -> Result<ReportingPeriod, PeriodProblem> {
        ReportingPeriod.read(
            from: try? request.query.get(String.self, at: "from"), to: try? request.query.get(String.self, at: "to"),
            default: .year(endingOn: .today))
    }

    /// The period asked for, or a 400 naming what is wrong with it.
    static func requirePeriod(_ request: Request) throws -> ReportingPeriod {
        switch period(request) {
        case .success(let period): return period
        case .failure(let problem):
            throw AppError.badRequest(
                ProgrammePage.sentence(problem, text: request.readersLocalizer), field: field(problem))
        }
    }

    static func field(_ problem: PeriodProblem) -> String {
        if case .unreadable(let field) = problem { return field }
        return "to"
    }

    @Sendable func page(request: Request) async throws -> Response {
        let asked = Self.period(request)
        let period = (try? asked.get()) ?? .year(endingOn: .today)
        let figures = try await AnalyticsRepository(database: request.db).programmeFigures(in: period)
        let impact = try await ProgrammeImpactLoader.load(in: period, database: request.db)
        var problem: PeriodProblem?
        if case .failure(let failure) = asked { problem = failure }
        return ProgrammePage.render(figures, impact: impact, problem: problem, context: PageContext(request))
            .response(status: problem == nil ? .ok : .badRequest)
    }

    @Sendable func api(request: Request) async throws -> ProgrammeFiguresDTO {
        let period = try Self.requirePeriod(request)
        return ProgrammeFiguresDTO(
            try await AnalyticsRepository(database: request.db).programmeFigures(in: period),
            impact: try await ProgrammeImpactLoader.load(in: period, database: request.db))
    }

    /// Every account manager the vendor has had, with what the period's figures count of them.
    @Sendable func peopleCSV(request: Request) async throws -> Response {
        let period = try Self.requirePeriod(request)
        let repository = AnalyticsRepository(database: request.db)
        let members = try await repository.accountManagers()
        let completions = try await repository.completions(in: period)
        let promotions = try await repository.promotions(in: period)
        var completed: [UUID: Int] = [:]
        for completion in completions { completed[completion.personID, default: 0] += 1 }
        var promoted: [UUID: Int] = [:]
        for promotion in promotions { promoted[promotion.personID, default: 0] += 1 }
        let rows = members.sorted { ($0.hireDate, $0.id.uuidString) < ($1.hireDate, $1.id.uuidString) }.map {
            member in
            [
                member.id.uuidString, member.location, member.hireDate.description,
                member.endDate?.description ?? "",
                member.leftVoluntarily.map {
                    $0 ? LeavingReason.voluntary.rawValue : LeavingReason.involuntary.rawValue
                }
                    ?? "",
                member.isEmployed(during: period) ? "yes" : "no",
                member.isEmployed(on: period.from) ? "yes" : "no", member.isEmployed(on: period.to) ? "yes" : "no",
                String(completed[member.id] ?? 0), String(promoted[member.id] ?? 0),
            ]
        }
        return Self.csv(
            header: [
                "person_id", "location", "hire_date", "end_date", "leaving_reason", "in_period",
                "employed_on_first_day",
                "employed_on_last_day", "completions_in_period", "promotions_in_period",
            ], rows: rows, name: "account-managers", period: period)
    }

    /// The completions the period's uptake counts: by its account managers, on its days.
    @Sendable func completionsCSV(request: Request) async throws -> Response {
        let period = try Self.requirePeriod(request)
        let repository = AnalyticsRepository(database: request.db)
        let serving = Set(try await repository.accountManagers().filter { $0.isEmployed(during: period) }.map(\.id))
        let rows = try await repository.completions(in: period).filter { serving.contains($0.personID) }
            .sorted { ($0.day, $0.personID.uuidString) < ($1.day, $1.personID.uuidString) }
            .map {
                [$0.personID.uuidString, $0.offeringID.uuidString, $0.day.description, $0.format.rawValue, $0.category]
            }
        return Self.csv(
            header: ["person_id", "offering_id", "completed_on", "format", "category"], rows: rows,
            name: "completions", period: period)
    }

    /// Customers' answers counted per cycle that closed in the period; no row names a customer.
    @Sendable func serviceCSV(request: Request) async throws -> Response {
        let period = try Self.requirePeriod(request)
        let cycles = try await AnalyticsRepository(database: request.db).serviceAnswers(in: period)
            .sorted { $0.closesOn < $1.closesOn }
        let answers = FrequencyAnswer.allCases
        let rows = cycles.map { cycle in
            [
                // A cycle left out says neither how many customers answered nor what they said,
                // as reports describe a withheld group without its number.
                cycle.cycleName, cycle.closesOn.description, cycle.isShown ? String(cycle.responses) : "",
                String(cycle.minimumResponses), cycle.isShown ? "yes" : "no",
            ] + answers.map { cycle.isShown ? String(cycle.counts[$0] ?? 0) : "" }
        }
        return Self.csv(
            header: ["cycle", "closes_on", "customers", "minimum_customers", "shown"] + answers.map(\.rawValue),
            rows: rows, name: "service-answers", period: period)
    }

    /// One row per account manager assessed in both cycles the impact compares: their change,
    /// whether they took training in between, and their customers' shares where shown.
    @Sendable func impactCSV(request: Request) async throws -> Response {
        let period = try Self.requirePeriod(request)
        let people = try await ProgrammeImpactLoader.load(in: period, database: request.db)?.people ?? []
        func number(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
        let rows = people.sorted { $0.personID.uuidString < $1.personID.uuidString }.map { person in
            [
                person.personID.uuidString, person.tookTraining ? "yes" : "no", number(person.competencyChange),
                number(person.earlierCustomerShare), number(person.laterCustomerShare), number(person.customerChange),
            ]
        }
        return Self.csv(
            header: [
                "person_id", "took_training", "competency_change", "customer_share_earlier", "customer_share_later",
                "customer_change",
            ], rows: rows, name: "impact", period: period)
    }

    static func csv(header: [String], rows: [[String]], name: String, period: ReportingPeriod) -> Response {
        .csvDownload(CSVText.make(header: header, rows: rows), filename: "\(name)-\(period.from)-\(period.to).csv")
    }
}

/// The programme's figures as `GET /api/v1/analytics/programme` answers them; shares are from 0
/// to 1 and absent where nothing could be counted.
struct ProgrammeFiguresDTO: Content {
    struct Uptake: Content {
        var name: String
        var completions: Int
        var people: Int
    }

    struct LocationTurnover: Content {
        var location: String
        var averageHeadcount: Double
        var leavers: Int
        var voluntaryLeavers: Int
        var turnoverRate: Double?
        var voluntaryTurnoverRate: Double?
    }

    struct ServiceCycle: Content {
        var cycle: String
        var closesOn: String
        var customers: Int
        var favourableAnswers: Int
        var scoredAnswers: Int
        var serviceRating: Double?
    }

    var from: String
    var to: String
    var accountManagers: Int
    var adopters: Int
    var adoptionRate: Double?
    var completions: Int
    var distinctOfferings: Int
    var locationsReached: Int
    var locations: Int
    var promotions: Int
    var promotionRate: Double?
    var averageHeadcount: Double
    var leavers: Int
    var voluntaryLeavers: Int
    var leaversWithoutReason: Int
    var turnoverRate: Double?
    var voluntaryTurnoverRate: Double?
    var serviceRating: Double?
    var serviceCycles: [ServiceCycle]
    var serviceCyclesWithheld: Int
    var byFormat: [Uptake]
    var byCategory: [Uptake]
    var byMonth: [Uptake]
    var turnoverByLocation: [LocationTurnover]
    var impact: Impact?

    /// Competency change between two cycles and what training is associated with.
    struct Impact: Content {
        struct Competency: Content {
            var competency: String
            var people: Int
            var earlierMean: Double
            var laterMean: Double
            var change: Double
        }

        struct Comparison: Content {
            var trained: Int
            var untrained: Int
            var trainedMean: Double
            var untrainedMean: Double
            var difference: Double
            var intervalLow: Double
            var intervalHigh: Double

            init?(_ comparison: ProgrammeImpact.Comparison?) {
                guard let comparison else { return nil }
                trained = comparison.trained
                untrained = comparison.untrained
                trainedMean = comparison.trainedMean
                untrainedMean = comparison.untrainedMean
                difference = comparison.difference
                intervalLow = comparison.interval.lowerBound
                intervalHigh = comparison.interval.upperBound
            }
        }

        var earlierCycle: String
        var earlierClosedOn: String
        var laterCycle: String
        var laterClosedOn: String
        var people: Int
        var meanCompetencyChange: Double?
        var competencies: [Competency]
        var competencyComparison: Comparison?
        var customerComparison: Comparison?

        init(_ loaded: ProgrammeImpactLoader.Loaded) {
            let impact = loaded
            earlierCycle = impact.earlier.name
            earlierClosedOn = impact.earlier.closesOn.description
            laterCycle = impact.later.name
            laterClosedOn = impact.later.closesOn.description
            people = impact.people.count
            meanCompetencyChange = impact.meanCompetencyChange
            competencies = impact.competencyChanges.map {
                Competency(
                    competency: $0.competencyCode, people: $0.people, earlierMean: $0.earlierMean,
                    laterMean: $0.laterMean, change: $0.change)
            }
            competencyComparison = Comparison(impact.competencyComparison)
            customerComparison = Comparison(impact.customerComparison)
        }
    }

    init(_ figures: ProgrammeFigures, impact: ProgrammeImpactLoader.Loaded?) {
        func uptake(_ rows: [ProgrammeFigures.Uptake]) -> [Uptake] {
            rows.map { Uptake(name: $0.name, completions: $0.completions, people: $0.people) }
        }
        from = figures.period.from.description
        to = figures.period.to.description
        accountManagers = figures.accountManagers
        adopters = figures.adopters
        adoptionRate = figures.adoptionRate
        completions = figures.completions
        distinctOfferings = figures.distinctOfferings
        locationsReached = figures.locationsReached
        locations = figures.locations
        promotions = figures.promotions
        promotionRate = figures.promotionRate
        averageHeadcount = figures.turnover.averageHeadcount
        leavers = figures.turnover.leavers
        voluntaryLeavers = figures.turnover.voluntaryLeavers
        leaversWithoutReason = figures.leaversWithoutReason
        turnoverRate = figures.turnover.rate
        voluntaryTurnoverRate = figures.turnover.voluntaryRate
        serviceRating = figures.serviceRating
        serviceCycles = figures.serviceCycles.map {
            ServiceCycle(
                cycle: $0.cycleName, closesOn: $0.closesOn.description, customers: $0.responses,
                favourableAnswers: $0.favourable, scoredAnswers: $0.scored, serviceRating: $0.favourableShare)
        }
        serviceCyclesWithheld = figures.serviceCyclesWithheld
        byFormat = uptake(figures.byFormat)
        byCategory = uptake(figures.byCategory)
        byMonth = uptake(figures.byMonth)
        turnoverByLocation = figures.turnoverByLocation.map {
            LocationTurnover(
                location: $0.location, averageHeadcount: $0.averageHeadcount, leavers: $0.leavers,
                voluntaryLeavers: $0.voluntaryLeavers, turnoverRate: $0.rate, voluntaryTurnoverRate: $0.voluntaryRate)
        }
        self.impact = impact.map(Impact.init)
    }
}
