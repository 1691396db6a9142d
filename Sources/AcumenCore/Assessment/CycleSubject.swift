import Foundation

/// An account manager assessed in a cycle, with the attributes reports may slice by.
public struct CycleSubject: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var name: String
    public var supervisorID: UUID?
    public var team: String
    public var location: String
    public var hireDate: CalendarDate?
    public var jobTitle: String

    public init(
        id: UUID, name: String, supervisorID: UUID? = nil, team: String, location: String,
        hireDate: CalendarDate? = nil, jobTitle: String
    ) {
        self.id = id
        self.name = name
        self.supervisorID = supervisorID
        self.team = team
        self.location = location
        self.hireDate = hireDate
        self.jobTitle = jobTitle
    }
}
