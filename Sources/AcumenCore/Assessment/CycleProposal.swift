import Foundation

/// A new cycle as a programme manager proposes it, from the page or the API, before it is
/// checked. Every value is text, as it arrived, so that a bad one can be named back to the
/// person rather than refused by a decoder; both ways in ask `accepted()`, so a cycle is
/// accepted or refused for the same reasons however it arrives.
public struct CycleProposal: Sendable, Hashable {
    public var name: String
    public var frameworkID: String
    /// `all`, `team:<id>` or `location:<id>`.
    public var scope: String
    public var sources: Set<RaterSource>
    public var opensOn: String
    public var closesOn: String
    public var minimumPeers: String
    public var minimumCustomers: String
    public var minimumForComments: String
    /// Whole numbers separated by commas, e.g. `7, 3, 1`.
    public var reminderDays: String

    public init(
        name: String, frameworkID: String, scope: String = "all", sources: Set<RaterSource> = Set(RaterSource.allCases),
        opensOn: String, closesOn: String, rules: AnonymityRules = .standard, reminderDays: [Int] = [7, 3, 1]
    ) {
        self.init(
            name: name, frameworkID: frameworkID, scope: scope, sources: sources, opensOn: opensOn, closesOn: closesOn,
            minimumPeers: "\(rules.minimumPeers)", minimumCustomers: "\(rules.minimumCustomers)",
            minimumForComments: "\(rules.minimumForComments)",
            reminderDays: reminderDays.map(String.init).joined(separator: ", "))
    }

    public init(
        name: String, frameworkID: String, scope: String, sources: Set<RaterSource>, opensOn: String, closesOn: String,
        minimumPeers: String, minimumCustomers: String, minimumForComments: String, reminderDays: String
    ) {
        self.name = name
        self.frameworkID = frameworkID
        self.scope = scope
        self.sources = sources
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.minimumPeers = minimumPeers
        self.minimumCustomers = minimumCustomers
        self.minimumForComments = minimumForComments
        self.reminderDays = reminderDays
    }

    /// A proposal that passed every check that needs no database.
    public struct Accepted: Sendable, Hashable {
        public var frameworkID: UUID
        public var settings: CycleSettings
        public var scope: SubjectScope
    }

    /// The checked cycle, or every problem found, in words for the person who proposed it.
    public func accepted() -> Result<Accepted, CycleProposalProblems> {
        var problems: [String] = []
        let framework = UUID(uuidString: frameworkID.trimmingCharacters(in: .whitespaces))
        if framework == nil { problems.append("choose a published framework") }
        var subjects = SubjectScope.allAccountManagers
        if let team = scopeID(prefix: "team:") {
            subjects = .team(team)
        } else if let location = scopeID(prefix: "location:") {
            subjects = .location(location)
        } else if scope != "all" {
            problems.append("choose who is assessed")
        }
        let opens = CalendarDate(opensOn.trimmingCharacters(in: .whitespaces))
        let closes = CalendarDate(closesOn.trimmingCharacters(in: .whitespaces))
        if opens == nil { problems.append("the opening date must be a date like 2026-11-30") }
        if closes == nil { problems.append("the closing date must be a date like 2026-12-31") }
        let minimums = [minimumPeers, minimumCustomers, minimumForComments].map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        if minimums.contains(nil) { problems.append("each anonymity minimum must be a whole number") }
        let days = reminderDays.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        if days.contains(nil) {
            problems.append("reminder days must be whole numbers separated by commas, e.g. 7, 3, 1")
        }
        guard problems.isEmpty, let framework, let opens, let closes else {
            return .failure(CycleProposalProblems(messages: problems))
        }
        let settings = CycleSettings(
            name: name, sources: sources, opensOn: opens, closesOn: closes,
            rules: AnonymityRules(
                minimumPeers: minimums[0]!, minimumCustomers: minimums[1]!, minimumForComments: minimums[2]!),
            reminderDaysBeforeClose: days.compactMap { $0 })
        guard settings.problems.isEmpty else { return .failure(CycleProposalProblems(messages: settings.problems)) }
        return .success(Accepted(frameworkID: framework, settings: settings, scope: subjects))
    }

    private func scopeID(prefix: String) -> UUID? {
        guard scope.hasPrefix(prefix) else { return nil }
        return UUID(uuidString: String(scope.dropFirst(prefix.count)))
    }
}

/// Why a proposed cycle was refused, each reason in words.
public struct CycleProposalProblems: Error, Sendable, Hashable {
    public var messages: [String]

    public init(messages: [String]) {
        self.messages = messages
    }

    public var validationProblems: [ValidationProblem] {
        messages.map { ValidationProblem(location: "cycle", message: $0) }
    }
}
