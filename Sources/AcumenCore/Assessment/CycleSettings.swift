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
        func add(_ field: String, _ message: CycleProblemMessage, _ arguments: [String: String] = [:]) {
            problems.append(ValidationProblem(location: field, wording: CatalogueText(message, arguments)))
        }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { add("name", .nameMissing) }
        if trimmed.count > TextLimits.name { add("name", .nameTooLong, ["limit": "\(TextLimits.name)"]) }
        if sources.isEmpty { add("sources", .chooseSource) }
        if closesOn <= opensOn {
            add("closesOn", .closesBeforeOpening, ["closes": "\(closesOn)", "opens": "\(opensOn)"])
        }
        if reminderDaysBeforeClose.contains(where: { !(1...60).contains($0) }) {
            add("reminderDays", .reminderDaysRange)
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

/// The words of what is wrong with a proposed cycle, for the programme manager who proposed
/// it (English for now); the API reads the same English.
public enum CycleProblemMessage: String, MessageKey, CaseIterable {
    case chooseFramework = "cycleProblem.chooseFramework"
    case chooseScope = "cycleProblem.chooseScope"
    case openingDate = "cycleProblem.openingDate"
    case closingDate = "cycleProblem.closingDate"
    case minimumNotANumber = "cycleProblem.minimumNotANumber"
    case reminderDaysNotNumbers = "cycleProblem.reminderDaysNotNumbers"
    case nameMissing = "cycleProblem.nameMissing"
    case nameTooLong = "cycleProblem.nameTooLong"
    case chooseSource = "cycleProblem.chooseSource"
    case closesBeforeOpening = "cycleProblem.closesBeforeOpening"
    case reminderDaysRange = "cycleProblem.reminderDaysRange"
    case minimumPeers = "cycleProblem.minimum.peers"
    case minimumCustomers = "cycleProblem.minimum.customers"
    case minimumComments = "cycleProblem.minimum.comments"
}
