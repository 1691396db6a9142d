import Foundation

/// A person as lists and profile pages show them.
public struct PersonSummary: Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var email: String
    public var jobTitle: String
    public var organisation: String
    public var organisationKind: OrganisationKind
    /// "City, Country", or `remoteLocation` for people who work from home.
    public var location: String
    public var team: String
    public var supervisorID: UUID?
    public var supervisorName: String
    public var hireDate: String
    public var status: EmploymentStatus
    public var endDate: String?

    public init(
        id: UUID, name: String, email: String, jobTitle: String, organisation: String,
        organisationKind: OrganisationKind, location: String, team: String, supervisorID: UUID? = nil,
        supervisorName: String, hireDate: String, status: EmploymentStatus, endDate: String? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.jobTitle = jobTitle
        self.organisation = organisation
        self.organisationKind = organisationKind
        self.location = location
        self.team = team
        self.supervisorID = supervisorID
        self.supervisorName = supervisorName
        self.hireDate = hireDate
        self.status = status
        self.endDate = endDate
    }
}

/// The result of an import that went through.
extension PersonSummary {
    /// The location of people who work from home, as the API and searches read it.
    public static let remoteLocation = "Remote"

    public var isRemote: Bool { location == Self.remoteLocation }
}

public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
    public var created: Int
    public var updated: Int

    public init(created: Int, updated: Int) {
        self.created = created
        self.updated = updated
    }

    public var description: String { "Imported: \(created) created, \(updated) updated." }
}
