/// What a programme manager decides when setting up a cycle, checked before it is stored.
public struct CycleSettings: Hashable, Codable, Sendable {
    public var name: String
    public var sources: Set<RaterSource>
    public var opensOn: CalendarDate
    public var closesOn: CalendarDate
    public var rules: AnonymityRules
    /// Days before closing on which raters who have not submitted are reminded, e.g. 7, 3 and 1.
    public var reminderDaysBeforeClose: [Int]

    public init(
        name: String, sources: Set<RaterSource> = Set(RaterSource.allCases), opensOn: CalendarDate,
        closesOn: CalendarDate, rules: AnonymityRules = .standard, reminderDaysBeforeClose: [Int] = [7, 3, 1]
    ) {
        self.name = name
        self.sources = sources
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.rules = rules
        self.reminderDaysBeforeClose = reminderDaysBeforeClose
    }

    /// Every problem with these settings, as sentences a programme manager can act on.
    public var problems: [String] { fieldProblems.map(\.message) }

    /// The same problems, each located by the name of the new-cycle form's field.
    public var fieldProblems: [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func add(_ field: String, _ message: String) {
            problems.append(ValidationProblem(location: field, message: message))
        }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { add("name", "the cycle needs a name") }
        if trimmed.count > TextLimits.name { add("name", "the name is longer than \(TextLimits.name) characters") }
        if sources.isEmpty { add("sources", "choose at least one source of ratings") }
        if closesOn <= opensOn {
            add("closesOn", "the closing date \(closesOn) must be after the opening date \(opensOn)")
        }
        if reminderDaysBeforeClose.contains(where: { !(1...60).contains($0) }) {
            add("reminderDays", "reminders can be sent 1 to 60 days before closing")
        }
        return problems + rules.fieldProblems
    }

    /// The same settings with new anonymity rules, refused when the cycle is no longer a draft
    /// and the new rules are looser: raters answered under the rules they were shown.
    public func changingRules(to newRules: AnonymityRules, status: CycleStatus) -> Result<
        CycleSettings, RuleChangeRefused
    > {
        // After close, results may have been read: any change, even a stricter one, would give a
        // second catalogue to set against the first, and their difference can be one customer.
        guard !status.isSettled else { return .failure(.afterClose) }
        guard status == .draft || newRules.isAtLeastAsStrict(as: rules) else { return .failure(.loosening) }
        var changed = self
        changed.rules = newRules
        return .success(changed)
    }

    public enum RuleChangeRefused: Error, Hashable, Sendable, CustomStringConvertible {
        case loosening
        case afterClose

        public var description: String {
            switch self {
            case .loosening:
                "Anonymity rules cannot be loosened once a cycle is open: raters answered on the promise of the rules they were shown. You can make them stricter."
            case .afterClose:
                "Anonymity rules are fixed once a cycle has closed: results may already have been read under them, and two sets of results under different rules could be compared."
            }
        }
    }
}
