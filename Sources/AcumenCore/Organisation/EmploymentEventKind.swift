/// What happened in a person's employment. Turnover and promotions are counted from these
/// events when they are needed, never stored as running totals.
public enum EmploymentEventKind: String, Codable, Sendable, CaseIterable {
    case hired
    case promoted
    case transferred
    case left
}

/// Whether a person currently works for their organisation.
public enum EmploymentStatus: String, Codable, Sendable, CaseIterable {
    case active
    case left
}

/// Why someone left: turnover is reported in total and for those who chose to go.
public enum LeavingReason: String, Codable, Sendable, CaseIterable {
    case voluntary
    case involuntary
}

/// One change in someone's employment, identified by their email.
public struct EmploymentEvent: Sendable, Hashable {
    public var email: String
    public var kind: EmploymentEventKind
    public var date: CalendarDate
    public var fromTitle: String
    public var toTitle: String

    public init(email: String, kind: EmploymentEventKind, date: CalendarDate, fromTitle: String, toTitle: String) {
        self.email = email
        self.kind = kind
        self.date = date
        self.fromTitle = fromTitle
        self.toTitle = toTitle
    }
}
