import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// A customer's own scorecard entries: the other vendors it scores, its annual questionnaires
/// about each, and the actions agreed with them. Every read and write names the customer, so
/// that one customer's entries are never reached through another's.
public struct VendorScorecardRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public struct ScoredVendor: Hashable, Sendable, Identifiable {
        public var id: UUID
        public var name: String
    }

    /// One questionnaire about one vendor: each question's answer, with the competency it asks about.
    public struct Rating: Hashable, Sendable, Identifiable {
        public var id: UUID
        public var vendorID: UUID
        public var year: Int
        public var ratedOn: CalendarDate?
        public var answers: [String: FrequencyAnswer]
        public var competencyOf: [String: String]
    }

    public struct VendorAction: Hashable, Sendable, Identifiable {
        public var id: UUID
        public var vendorID: UUID
        public var year: Int
        public var title: String
        public var ownerName: String
        public var dueDate: CalendarDate?
        public var status: ActionItem.Status
    }

    /// The customer organisation a person belongs to, or nil when theirs is not a customer.
    public func customer(ofPerson personID: UUID) async throws -> (id: UUID, name: String)? {
        guard
            let row = try await database.sql.raw(
                """
                SELECT o.id, o.name FROM people p JOIN organisations o ON o.id = p.organisation_id
                WHERE p.id = \(bind: personID) AND o.kind = \(bind: OrganisationKind.customer.rawValue)
                """
            ).first()
        else { return nil }
        return (try row.decode(column: "id", as: UUID.self), try row.decode(column: "name", as: String.self))
    }

    /// The name of the vendor whose Acumen this is.
    public func hostVendorName() async throws -> String {
        try await database.sql.raw(
            "SELECT name FROM organisations WHERE kind = \(bind: OrganisationKind.vendor.rawValue) ORDER BY name"
        ).first()?.decode(column: "name", as: String.self) ?? ""
    }

    public func vendors(customerID: UUID) async throws -> [ScoredVendor] {
        try await database.sql.raw(
            "SELECT id, name FROM scored_vendors WHERE customer_id = \(bind: customerID) ORDER BY folded_name"
        ).all().map {
            ScoredVendor(
                id: try $0.decode(column: "id", as: UUID.self), name: try $0.decode(column: "name", as: String.self))
        }
    }

    /// Adds a vendor to score; a name the customer already scores (in any capitals) is refused.
    public func addVendor(named name: String, customerID: UUID) async throws -> UUID {
        let folded = name.lowercased()
        let taken = try await database.sql.raw(
            """
            SELECT 1 AS found FROM scored_vendors
            WHERE customer_id = \(bind: customerID) AND folded_name = \(bind: folded)
            """
        ).first()
        guard taken == nil else { throw StoreError.conflict("\(name) is already on the scorecard.") }
        let id = UUID()
        try await database.sql.raw(
            """
            INSERT INTO scored_vendors (id, customer_id, name, folded_name)
            VALUES (\(bind: id), \(bind: customerID), \(bind: name), \(bind: folded))
            """
        ).run()
        return id
    }

    /// Keeps one questionnaire, all its answers or none.
    public func addRating(
        vendorID: UUID, customerID: UUID, year: Int,
        answers: [(question: String, competency: String, answer: FrequencyAnswer)],
        byUserID: UUID, on day: CalendarDate
    ) async throws {
        try await database.transaction { database in
            guard try await Self.owns(vendorID, customerID, database.sql) else {
                throw StoreError.notFound("That vendor")
            }
            let id = UUID()
            try await database.sql.raw(
                """
                INSERT INTO vendor_ratings (id, vendor_id, year, rated_by, rated_on)
                VALUES (\(bind: id), \(bind: vendorID), \(bind: year), \(bind: byUserID), \(bind: day.description))
                """
            ).run()
            for answer in answers {
                try await database.sql.raw(
                    """
                    INSERT INTO vendor_rating_answers (rating_id, question_code, competency_code, answer)
                    VALUES (\(bind: id), \(bind: answer.question), \(bind: answer.competency), \(bind: answer.answer.rawValue))
                    """
                ).run()
            }
        }
    }

    /// Every questionnaire the customer answered about its other vendors.
    /// The questionnaires a customer answered about its other vendors; only the one with `id` when given.
    public func ratings(customerID: UUID, id only: UUID? = nil) async throws -> [Rating] {
        let onlyOne: SQLQueryString = only.map { "AND r.id = \(bind: $0)" } ?? ""
        var ratings: [UUID: Rating] = [:]
        for row in try await database.sql.raw(
            """
            SELECT r.id, r.vendor_id, r.year, r.rated_on, a.question_code, a.competency_code, a.answer
            FROM vendor_ratings r JOIN scored_vendors v ON v.id = r.vendor_id
            JOIN vendor_rating_answers a ON a.rating_id = r.id
            WHERE v.customer_id = \(bind: customerID) \(onlyOne)
            """
        ).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            var rating =
                try ratings[id]
                ?? Rating(
                    id: id, vendorID: row.decode(column: "vendor_id", as: UUID.self),
                    year: row.decode(column: "year", as: Int.self),
                    ratedOn: CalendarDate(row.decode(column: "rated_on", as: String.self)), answers: [:],
                    competencyOf: [:])
            let question = try row.decode(column: "question_code", as: String.self)
            if let answer = FrequencyAnswer(rawValue: try row.decode(column: "answer", as: String.self)) {
                rating.answers[question] = answer
            }
            rating.competencyOf[question] = try row.decode(column: "competency_code", as: String.self)
            ratings[id] = rating
        }
        return Array(ratings.values)
    }

    public func actions(customerID: UUID) async throws -> [VendorAction] {
        try await database.sql.raw(
            """
            SELECT a.id, a.vendor_id, a.year, a.title, a.owner_name, a.due_date, a.status
            FROM vendor_actions a JOIN scored_vendors v ON v.id = a.vendor_id
            WHERE v.customer_id = \(bind: customerID) ORDER BY a.year DESC, a.title
            """
        ).all().map { row in
            VendorAction(
                id: try row.decode(column: "id", as: UUID.self),
                vendorID: try row.decode(column: "vendor_id", as: UUID.self),
                year: try row.decode(column: "year", as: Int.self),
                title: try row.decode(column: "title", as: String.self),
                ownerName: try row.decode(column: "owner_name", as: String.self),
                dueDate: try row.decode(column: "due_date", as: String?.self).flatMap(CalendarDate.init),
                status: ActionItem.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .open)
        }
    }

    @discardableResult
    public func addAction(
        vendorID: UUID, customerID: UUID, year: Int, title: String, ownerName: String, dueDate: CalendarDate?
    ) async throws -> UUID {
        guard try await Self.owns(vendorID, customerID, database.sql) else { throw StoreError.notFound("That vendor") }
        let id = UUID()
        try await database.sql.raw(
            """
            INSERT INTO vendor_actions (id, vendor_id, year, title, owner_name, due_date, status)
            VALUES (\(bind: id), \(bind: vendorID), \(bind: year), \(bind: title), \(bind: ownerName),
                \(bind: dueDate?.description), \(bind: ActionItem.Status.open.rawValue))
            """
        ).run()
        return id
    }

    public func setStatus(_ status: ActionItem.Status, actionID: UUID, customerID: UUID) async throws {
        let found = try await database.sql.raw(
            """
            SELECT 1 AS found FROM vendor_actions a JOIN scored_vendors v ON v.id = a.vendor_id
            WHERE a.id = \(bind: actionID) AND v.customer_id = \(bind: customerID)
            """
        ).first()
        guard found != nil else { throw StoreError.notFound("That action") }
        try await database.sql.raw(
            "UPDATE vendor_actions SET status = \(bind: status.rawValue) WHERE id = \(bind: actionID)"
        ).run()
    }

    /// Removes a questionnaire entered by mistake, with all its answers; only the customer who
    /// scores that vendor may.
    public func removeRating(id: UUID, customerID: UUID) async throws {
        try await database.writeTransaction { database in
            let sql = database.sql
            guard
                try await sql.raw(
                    """
                    SELECT 1 AS found FROM vendor_ratings r JOIN scored_vendors v ON v.id = r.vendor_id
                    WHERE r.id = \(bind: id) AND v.customer_id = \(bind: customerID)
                    """
                ).first() != nil
            else { throw StoreError.notFound("That questionnaire") }
            try await sql.delete(from: "vendor_rating_answers").where("rating_id", .equal, id).run()
            try await sql.delete(from: "vendor_ratings").where("id", .equal, id).run()
        }
    }

    private static func owns(_ vendorID: UUID, _ customerID: UUID, _ sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            "SELECT 1 AS found FROM scored_vendors WHERE id = \(bind: vendorID) AND customer_id = \(bind: customerID)"
        ).first() != nil
    }
}
