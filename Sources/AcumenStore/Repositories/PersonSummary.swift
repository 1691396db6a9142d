import AcumenCore
import Foundation

/// A person as lists and profile pages show them.
public struct PersonSummary: Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var email: String
    public var jobTitle: String
    public var organisation: String
    public var organisationKind: OrganisationKind
    public var location: String
    public var team: String
    public var supervisorID: UUID?
    public var supervisorName: String
    public var hireDate: String
    public var status: EmploymentStatus
    public var endDate: String?
}

/// What a signed-in user is, for deciding what they may see.
public struct Viewer: Sendable, Hashable {
    public var userID: UUID
    public var email: String
    public var role: Role
    public var personID: UUID?

    public init(userID: UUID, email: String, role: Role, personID: UUID?) {
        self.userID = userID
        self.email = email
        self.role = role
        self.personID = personID
    }
}

/// The result of an import that went through.
public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
    public var created: Int
    public var updated: Int

    public init(created: Int, updated: Int) {
        self.created = created
        self.updated = updated
    }

    public var description: String { "Imported: \(created) created, \(updated) updated." }
}
