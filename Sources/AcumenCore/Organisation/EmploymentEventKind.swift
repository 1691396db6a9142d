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
