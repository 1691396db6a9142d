import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Action plans agreed in annual reviews between a customer and the vendor.
public struct ActionPlanRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    public func actions(accountID: UUID) async throws -> [StoredAction] {
        try await sql.raw(
            """
            SELECT id, account_id, cycle_id, title, measure, owner_name, due_on, status, competency_code,
                   question_code, feasibility_note, created_on
            FROM action_items WHERE account_id = \(bind: accountID) ORDER BY created_on, title
            """
        ).all().map { row in
            StoredAction(
                id: try row.decode(column: "id", as: UUID.self),
                accountID: try row.decode(column: "account_id", as: UUID.self),
                cycleID: try row.decode(column: "cycle_id", as: UUID?.self),
                item: ActionItem(
                    title: try row.decode(column: "title", as: String.self),
                    measure: try row.decode(column: "measure", as: String.self),
                    ownerName: try row.decode(column: "owner_name", as: String.self),
                    dueDate: try row.decode(column: "due_on", as: String?.self).flatMap(CalendarDate.init),
                    status: ActionItem.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
                    competencyCode: try row.decode(column: "competency_code", as: String?.self),
                    questionCode: try row.decode(column: "question_code", as: String?.self),
                    feasibilityNote: try row.decode(column: "feasibility_note", as: String.self)),
                createdOn: CalendarDate(try row.decode(column: "created_on", as: String.self)))
        }
    }

    @discardableResult
    public func add(_ item: ActionItem, accountID: UUID, cycleID: UUID?, today: CalendarDate) async throws -> UUID {
        try Self.validate(item)
        let id = UUID()
        try await sql.insert(into: "action_items")
            .columns(
                "id", "account_id", "cycle_id", "title", "measure", "owner_name", "due_on", "status",
                "competency_code", "question_code", "feasibility_note", "created_on"
            )
            .values(
                SQLBind(id), SQLBind(accountID), SQLBind(cycleID), SQLBind(item.title), SQLBind(item.measure),
                SQLBind(item.ownerName), SQLBind(item.dueDate?.description), SQLBind(item.status.rawValue),
                SQLBind(item.competencyCode), SQLBind(item.questionCode), SQLBind(item.feasibilityNote),
                SQLBind(today.description)
            ).run()
        return id
    }

    /// Replaces what the action says; it stays with its account and the review that agreed it.
    public func update(_ item: ActionItem, actionID: UUID, accountID: UUID) async throws {
        try Self.validate(item)
        let rows = try await sql.raw(
            """
            UPDATE action_items SET title = \(bind: item.title), measure = \(bind: item.measure),
                owner_name = \(bind: item.ownerName), due_on = \(bind: item.dueDate?.description),
                status = \(bind: item.status.rawValue), competency_code = \(bind: item.competencyCode),
                question_code = \(bind: item.questionCode), feasibility_note = \(bind: item.feasibilityNote)
            WHERE id = \(bind: actionID) AND account_id = \(bind: accountID) RETURNING id
            """
        ).all()
        guard !rows.isEmpty else { throw StoreError.notFound("That action") }
    }

    public func setStatus(_ status: ActionItem.Status, actionID: UUID, accountID: UUID) async throws {
        let rows = try await sql.raw(
            """
            UPDATE action_items SET status = \(bind: status.rawValue)
            WHERE id = \(bind: actionID) AND account_id = \(bind: accountID) RETURNING id
            """
        ).all()
        guard !rows.isEmpty else { throw StoreError.notFound("That action") }
    }

    static func validate(_ item: ActionItem) throws {
        guard item.problems.isEmpty else { throw StoreError.invalid(item.problems) }
    }
}
