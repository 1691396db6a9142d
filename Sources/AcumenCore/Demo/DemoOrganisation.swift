/// A realistic, generated organisation for trying Acumen and for tests.
///
/// The same seed always gives the same organisation: the same names, the same history.
public struct DemoOrganisation: Sendable {
    public struct Login: Sendable, Hashable {
        public var email: String
        public var role: Role
        public var note: String

        public init(email: String, role: Role, note: String) {
            self.email = email
            self.role = role
            self.note = note
        }
    }

    public var vendorName: String
    public var people: [PersonRecord]
    public var events: [EmploymentEvent]
    public var accounts: [AccountRecord]
    public var logins: [Login]

    /// The password every demo login uses. The demo is for trying Acumen, never for real data.
    public static let password = "acumen-demo"

    public var accountManagers: [PersonRecord] {
        people.filter { $0.organisation.isEmpty && AccountManagerTitle.matches($0.jobTitle) && $0.status == .active }
    }
}
