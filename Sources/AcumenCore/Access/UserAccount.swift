import Foundation

/// A login as the web layer needs it. The password hash never leaves the store except for checking.
public struct UserAccount: Sendable, Hashable {
    public var id: UUID
    public var email: String
    public var role: Role
    public var personID: UUID?
    public var passwordHash: String
    public var isDisabled: Bool
    /// The language the user chose for Acumen; nil follows their browser.
    public var language: Language?

    public var viewer: Viewer { Viewer(userID: id, email: email, role: role, personID: personID) }

    public init(
        id: UUID, email: String, role: Role, personID: UUID? = nil, passwordHash: String, isDisabled: Bool,
        language: Language? = nil
    ) {
        self.language = language
        self.id = id
        self.email = email
        self.role = role
        self.personID = personID
        self.passwordHash = passwordHash
        self.isDisabled = isDisabled
    }
}

/// How long a password may be, wherever one is set: the users page, a person's own change, the
/// command line.
public enum PasswordRule {
    /// Long enough that guessing it through the throttled sign-in is hopeless.
    public static let shortest = 10
    /// Bcrypt reads no further than 72 bytes; the limit only keeps absurd input out.
    public static let longest = 256

    public static func isTooShort(_ password: String) -> Bool { password.count < shortest }
    public static func isTooLong(_ password: String) -> Bool { password.count > longest }
}
