import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// The rows programme figures are made from, read with the columns they need and counted in
/// the database where there are many (customers' answers).
public struct AnalyticsRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Every account manager the vendor has had, those who left included.
    public func accountManagers() async throws -> [ProgrammeFigures.Member] {
        struct Row: Decodable {
            var id: UUID
            var jobTitle: String
            var city: String?
            var hireDate: String
            var endDate: String?
            var leavingReason: String?

            // Named here rather than converted from snake case at every row: tens of thousands
            // of rows spent more time converting names than reading values.
            enum CodingKeys: String, CodingKey {
                case id, city
                case jobTitle = "job_title", hireDate = "hire_date", endDate = "end_date"
                case leavingReason = "leaving_reason"
            }
        }
        return try await database.sql.raw(
            """
            SELECT p.id, p.job_title, l.city, p.hire_date, p.end_date, p.leaving_reason
            FROM people p JOIN organisations o ON o.id = p.organisation_id
            LEFT JOIN locations l ON l.id = p.location_id
            WHERE o.kind = \(bind: OrganisationKind.vendor.rawValue)
            """
        ).all(decoding: Row.self).compactMap { row in
            guard AccountManagerTitle.matches(row.jobTitle), let hired = CalendarDate(row.hireDate) else { return nil }
            return ProgrammeFigures.Member(
                id: row.id, location: row.city ?? "", hireDate: hired, endDate: row.endDate.flatMap(CalendarDate.init),
                leftVoluntarily: row.leavingReason.flatMap(LeavingReason.init).map { $0 == .voluntary })
        }
    }

    /// Offerings completed in the period, whoever reported them.
    public func completions(in period: ReportingPeriod) async throws -> [ProgrammeFigures.Completion] {
        struct Row: Decodable {
            var personId: UUID
            var offeringId: UUID
            var completedOn: String
            var format: String
            var category: String

            enum CodingKeys: String, CodingKey {
                case format, category
                case personId = "person_id", offeringId = "offering_id", completedOn = "completed_on"
            }
        }
        return try await database.sql.raw(
            """
            SELECT c.person_id, c.offering_id, c.completed_on, o.format, o.category
            FROM learning_completions c JOIN offerings o ON o.id = c.offering_id
            WHERE c.completed_on >= \(bind: period.from.description) AND c.completed_on <= \(bind: period.to.description)
            """
        ).all(decoding: Row.self).compactMap { row in
            guard let day = CalendarDate(row.completedOn), let format = OfferingFormat(rawValue: row.format) else {
                return nil
            }
            return .init(
                personID: row.personId, offeringID: row.offeringId, day: day, format: format, category: row.category)
        }
    }

    /// Promotions that took effect in the period.
    public func promotions(in period: ReportingPeriod) async throws -> [ProgrammeFigures.Promotion] {
        struct Row: Decodable {
            var personId: UUID
            var date: String
        }
        return try await database.sql.raw(
            """
            SELECT person_id, date FROM employment_events
            WHERE kind = \(bind: EmploymentEventKind.promoted.rawValue)
            AND date >= \(bind: period.from.description) AND date <= \(bind: period.to.description)
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap { row in
            CalendarDate(row.date).map { .init(personID: row.personId, day: $0) }
        }
    }

    /// Customers' submitted answers of each cycle that closed in the period and has been
    /// closed (answers are shown only then), counted by answer in the database.
    public func serviceAnswers(in period: ReportingPeriod) async throws -> [ProgrammeFigures.ServiceAnswers] {
        struct CycleRow: Decodable {
            var id: UUID
            var name: String
            var closesOn: String
            var minimumCustomers: Int
            var responses: Int
        }
        struct CountRow: Decodable {
            var cycleId: UUID
            var answer: String
            var n: Int
        }
        let shown = [CycleStatus.closed.rawValue, CycleStatus.released.rawValue]
        let customer = RaterSource.customer.rawValue
        let submitted = ResponseStatus.submitted.rawValue
        let cycles = try await database.sql.raw(
            """
            SELECT c.id, c.name, c.closes_on, c.minimum_customers, COUNT(r.id) AS responses
            FROM assessment_cycles c LEFT JOIN responses r
                ON r.cycle_id = c.id AND r.source = \(bind: customer) AND r.status = \(bind: submitted)
            WHERE c.status IN (\(binds: shown))
            AND c.closes_on >= \(bind: period.from.description) AND c.closes_on <= \(bind: period.to.description)
            GROUP BY c.id, c.name, c.closes_on, c.minimum_customers
            """
        ).all(decoding: CycleRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !cycles.isEmpty else { return [] }
        // A cycle's answers were counted when its results were kept (`SettledResultsRepository`);
        // only one settled before that is counted here.
        let kept = try await database.sql.raw(
            """
            SELECT cycle_id, answer, n FROM settled_answer_counts WHERE cycle_id IN (\(binds: cycles.map(\.id)))
            """
        ).all(decoding: CountRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let keptCycles = try await database.sql.raw(
            "SELECT cycle_id FROM settled_cycles WHERE cycle_id IN (\(binds: cycles.map(\.id)))"
        ).all().map { try $0.decode(column: "cycle_id", as: UUID.self) }
        let uncounted = cycles.map(\.id).filter { !keptCycles.contains($0) }
        var counts = kept
        if !uncounted.isEmpty {
            counts += try await database.sql.raw(
                """
                SELECT r.cycle_id, a.answer, COUNT(*) AS n
                FROM response_answers a JOIN responses r ON r.id = a.response_id
                WHERE r.cycle_id IN (\(binds: uncounted)) AND r.source = \(bind: customer)
                AND r.status = \(bind: submitted)
                GROUP BY r.cycle_id, a.answer
                """
            ).all(decoding: CountRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        var byCycle: [UUID: [FrequencyAnswer: Int]] = [:]
        for row in counts {
            guard let answer = FrequencyAnswer(rawValue: row.answer) else { continue }
            byCycle[row.cycleId, default: [:]][answer, default: 0] += row.n
        }
        return cycles.compactMap { cycle in
            CalendarDate(cycle.closesOn).map {
                .init(
                    cycleName: cycle.name, closesOn: $0, responses: cycle.responses,
                    minimumResponses: cycle.minimumCustomers, counts: byCycle[cycle.id] ?? [:])
            }
        }
    }

    /// Everything the programme's figures for the period are made from.
    public func programmeFigures(in period: ReportingPeriod) async throws -> ProgrammeFigures {
        ProgrammeFigures(
            period: period, members: try await accountManagers(), completions: try await completions(in: period),
            promotions: try await promotions(in: period), serviceAnswers: try await serviceAnswers(in: period))
    }
}
