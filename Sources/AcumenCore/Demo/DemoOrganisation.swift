/// A realistic, generated organisation for trying Acumen and for tests.
///
/// The same seed always gives the same organisation: the same names, the same history.
public struct DemoOrganisation: Sendable {
    public struct Login: Sendable, Hashable {
        public var email: String
        public var role: Role
        public var note: String
    }

    public struct EmploymentEventRecord: Sendable, Hashable {
        public var email: String
        public var kind: EmploymentEventKind
        public var date: CalendarDate
        public var fromTitle: String
        public var toTitle: String
    }

    public var vendorName: String
    public var people: [PersonRecord]
    public var events: [EmploymentEventRecord]
    public var accounts: [AccountRecord]
    public var logins: [Login]

    /// The password every demo login uses. The demo is for trying Acumen, never for real data.
    public static let password = "acumen-demo"

    public var accountManagers: [PersonRecord] {
        people.filter { $0.organisation.isEmpty && $0.jobTitle.contains("Account Manager") }
    }
}
