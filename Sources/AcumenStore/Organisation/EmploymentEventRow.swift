import AcumenCore
import FluentKit
import Foundation

final class EmploymentEventRow: Model, @unchecked Sendable {
    static let schema = "employment_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: PersonRow
    @Field(key: "kind") var kind: EmploymentEventKind
    @Field(key: "date") var date: String
    @Field(key: "from_title") var fromTitle: String
    @Field(key: "to_title") var toTitle: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(personID: UUID, kind: EmploymentEventKind, date: CalendarDate, fromTitle: String, toTitle: String) {
        self.$person.id = personID
        self.kind = kind
        self.date = date.description
        self.fromTitle = fromTitle
        self.toTitle = toTitle
    }
}
