import Foundation

/// A person as an import file or the demo generator describes them, before they are stored.
public struct PersonRecord: Hashable, Sendable {
    public var name: String
    public var email: String
    public var jobTitle: String
    public var hireDate: CalendarDate
    /// Blank for the vendor; otherwise the customer organisation the person works for.
    public var organisation: String
    /// A city, or `remote`.
    public var location: String
    public var country: String
    public var team: String
    public var supervisorEmail: String
    public var status: EmploymentStatus
    public var endDate: CalendarDate?
    /// For someone who left, when it was recorded.
    public var leavingReason: LeavingReason?

    public init(
        name: String, email: String, jobTitle: String, hireDate: CalendarDate, organisation: String = "",
        location: String = "", country: String = "", team: String = "", supervisorEmail: String = "",
        status: EmploymentStatus = .active, endDate: CalendarDate? = nil, leavingReason: LeavingReason? = nil
    ) {
        self.name = name
        self.email = email
        self.jobTitle = jobTitle
        self.hireDate = hireDate
        self.organisation = organisation
        self.location = location
        self.country = country
        self.team = team
        self.supervisorEmail = supervisorEmail
        self.status = status
        self.endDate = endDate
        self.leavingReason = leavingReason
    }

    public var isRemote: Bool { location.lowercased() == "remote" }
}
