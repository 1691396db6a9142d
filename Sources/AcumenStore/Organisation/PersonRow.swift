import AcumenCore
import FluentKit
import Foundation

final class PersonRow: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationRow
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @Field(key: "job_title") var jobTitle: String
    /// `YYYY-MM-DD`: a calendar day, not an instant.
    @Field(key: "hire_date") var hireDate: String
    @OptionalParent(key: "location_id") var location: LocationRow?
    @OptionalParent(key: "team_id") var team: TeamRow?
    @OptionalParent(key: "supervisor_id") var supervisor: PersonRow?
    @Field(key: "employment_status") var status: EmploymentStatus
    @OptionalField(key: "end_date") var endDate: String?
    @OptionalField(key: "leaving_reason") var leavingReason: LeavingReason?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
