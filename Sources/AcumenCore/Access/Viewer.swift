import Foundation

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
