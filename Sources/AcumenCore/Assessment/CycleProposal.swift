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

    /// The checked cycle, or every problem found at once, each located by its form field's name
    /// and in words for the person who proposed it.
    public func accepted() -> Result<Accepted, CycleProposalProblems> {
        var problems: [ValidationProblem] = []
        func add(_ field: String, _ message: CycleProblemMessage) {
            problems.append(ValidationProblem(location: field, wording: CatalogueText(message)))
        }
        let framework = UUID(uuidString: frameworkID.trimmingCharacters(in: .whitespaces))
        if framework == nil { add("frameworkID", .chooseFramework) }
        var subjects = SubjectScope.allAccountManagers
        if let team = scopeID(prefix: "team:") {
            subjects = .team(team)
        } else if let location = scopeID(prefix: "location:") {
            subjects = .location(location)
        } else if scope != "all" {
            add("scope", .chooseScope)
        }
        let opens = CalendarDate(opensOn.trimmingCharacters(in: .whitespaces))
        let closes = CalendarDate(closesOn.trimmingCharacters(in: .whitespaces))
        if opens == nil { add("opensOn", .openingDate) }
        if closes == nil { add("closesOn", .closingDate) }
        let minimums = [
            ("minimumPeers", minimumPeers), ("minimumCustomers", minimumCustomers),
            ("minimumForComments", minimumForComments),
        ].map { field, text in
            let value = Int(text.trimmingCharacters(in: .whitespaces))
            if value == nil { add(field, .minimumNotANumber) }
            return value
        }
        let days = reminderDays.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        if days.contains(nil) {
            add("reminderDays", .reminderDaysNotNumbers)
        }
        // The remaining checks run on what could be read, so that the person sees every
        // problem in one go; a field that could not be read keeps only its own problem.
        let unread = Set(problems.map(\.location))
        let someDay = opens ?? closes ?? CalendarDate(year: 2000, month: 1, day: 1)!
        let settings = CycleSettings(
            name: name, sources: sources, opensOn: opens ?? someDay, closesOn: closes ?? someDay.adding(days: 1),
            rules: AnonymityRules(
                minimumPeers: minimums[0] ?? 2, minimumCustomers: minimums[1] ?? 2, minimumForComments: minimums[2] ?? 2
            ),
            reminderDaysBeforeClose: days.compactMap { $0 })
        let datesRead = opens != nil && closes != nil
        problems += settings.fieldProblems.filter { problem in
            !unread.contains(problem.location) && (datesRead || problem.location != "closesOn")
        }
        guard problems.isEmpty, let framework else { return .failure(CycleProposalProblems(problems: problems)) }
        return .success(Accepted(frameworkID: framework, settings: settings, scope: subjects))
    }

    private func scopeID(prefix: String) -> UUID? {
        guard scope.hasPrefix(prefix) else { return nil }
        return UUID(uuidString: String(scope.dropFirst(prefix.count)))
    }
}

/// Why a proposed cycle was refused, each reason in words.
public struct CycleProposalProblems: Error, Sendable, Hashable {
    /// Each problem, located by the name of the field at fault.
    public var validationProblems: [ValidationProblem]

    public init(problems: [ValidationProblem]) {
        self.validationProblems = problems
    }

    public var messages: [String] { validationProblems.map(\.message) }
}
