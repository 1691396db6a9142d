import Foundation

/// What the drafter needs to know about the person beyond their gaps.
public struct LearnerProfile: Hashable, Sendable {
    /// Works from home: live sessions in an office are hard to reach.
    public var isRemote: Bool
    /// Travels often: fixed-time sessions are easily missed.
    public var travelsOften: Bool
    /// Languages the person learns in, besides English.
    public var languages: Set<String>

    public init(isRemote: Bool = false, travelsOften: Bool = false, languages: Set<String> = []) {
        self.isRemote = isRemote
        self.travelsOften = travelsOften
        self.languages = languages
    }

    /// Whether formats taken anywhere, at any time, suit the person better than fixed ones.
    public var prefersFlexibleFormats: Bool { isRemote || travelsOften }

    func reads(_ language: String) -> Bool {
        language.lowercased().hasPrefix("en") || languages.contains { $0.caseInsensitiveCompare(language) == .orderedSame }
    }
}

/// The terms a roadmap is drafted on.
public struct RoadmapTerms: Hashable, Sendable {
    /// Learning time per month, in minutes.
    public var monthlyMinutes: Int
    public var start: CalendarDate
    /// Competencies the supervisor put first, in their order; the others follow by gap size.
    public var priorities: [String]
    /// Offerings the person has completed already, by code (lower-cased or not).
    public var completed: Set<String>

    public init(monthlyMinutes: Int = 480, start: CalendarDate, priorities: [String] = [], completed: Set<String> = []) {
        self.monthlyMinutes = monthlyMinutes
        self.start = start
        self.priorities = priorities
        self.completed = completed
    }
}

/// Why an item is on a roadmap, as a value the page words.
public enum RoadmapReason: Hashable, Sendable {
    /// It develops a competency below target: from the level reached towards the target.
    case closesGap(competencyCode: String, current: Double, target: Int)
    /// Another item on the roadmap needs it first.
    case prerequisite(ofCode: String)
}

/// An offering considered for a gap and not chosen, and why.
public struct PassedOver: Hashable, Sendable {
    public enum Why: String, Hashable, Sendable {
        /// A format that suits the person less (a remote worker or frequent traveller and a
        /// fixed-time session).
        case formatSuitsLess
        /// Given in a language the person does not learn in.
        case otherLanguage
        /// Develops fewer of the person's gaps.
        case coversLess
        /// Longer for the same effect.
        case longer
    }

    public var offeringCode: String
    public var why: Why
}

/// One drafted item: the offering, why it is there, when it is due and what it was chosen over.
public struct DraftedItem: Hashable, Sendable {
    public var offering: Offering
    public var reason: RoadmapReason
    /// Other gaps of the person it develops too.
    public var alsoDevelops: [String]
    public var passedOver: [PassedOver]
    /// The month of the plan it falls in (0 the first) and its due date, the month's last day.
    public var month: Int
    public var due: CalendarDate
}

/// Drafts a learning roadmap from a person's gaps: the largest (or the supervisor's priorities)
/// first, each with the offering that suits the person best, what must come first before it,
/// technical grounding before relationship building, within a monthly time budget.
///
/// Build one drafter per catalogue and framework and call `draft` for each person: the
/// catalogue is indexed once, so drafting thousands of roadmaps is cheap.
public struct RoadmapDrafter: Sendable {
    private let byCompetency: [String: [(offering: Offering, target: CompetencyTarget)]]
    private let byCode: [String: Offering]

    public init(offerings: [Offering], frameworkID: UUID) {
        var index: [String: [(Offering, CompetencyTarget)]] = [:]
        for offering in offerings {
            for target in offering.targets where target.frameworkID == frameworkID {
                index[target.competencyCode, default: []].append((offering, target))
            }
        }
        byCompetency = index
        byCode = Dictionary(offerings.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func draft(gaps: [CompetencyGap], profile: LearnerProfile, terms: RoadmapTerms) -> [DraftedItem] {
        let below = gaps.filter { $0.standing == .below }
        let gapCodes = Set(below.map(\.competencyCode))
        let priority = Dictionary(
            terms.priorities.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let ordered = below.sorted {
            (priority[$0.competencyCode] ?? Int.max, -$0.size, $0.competencyCode)
                < (priority[$1.competencyCode] ?? Int.max, -$1.size, $1.competencyCode)
        }
        let done = Set(terms.completed.map { $0.lowercased() })
        var chosen: [(offering: Offering, reason: RoadmapReason, passedOver: [PassedOver])] = []
        var taken = done

        for gap in ordered {
            let reached = Int(gap.current.rounded(.down))
            let candidates = (byCompetency[gap.competencyCode] ?? []).filter { candidate in
                candidate.target.fromLevel <= reached && candidate.target.toLevel > reached
                    && !taken.contains(candidate.offering.code.lowercased())
            }
            let ranked = candidates.map { candidate in
                (candidate.offering, score(candidate.offering, gapCodes: gapCodes, profile: profile))
            }.sorted { ($0.1, $1.0.durationMinutes, $0.0.code) > ($1.1, $0.0.durationMinutes, $1.0.code) }
            guard let best = ranked.first else { continue }
            let passedOver = ranked.dropFirst().prefix(3).map { other in
                PassedOver(offeringCode: other.0.code, why: why(other.0, lost: best.0, gapCodes: gapCodes, profile: profile))
            }
            // What the chosen offering needs first, not yet done nor planned, goes before it.
            for prerequisite in prerequisites(of: best.0, taken: taken) {
                taken.insert(prerequisite.code.lowercased())
                chosen.append((prerequisite, .prerequisite(ofCode: best.0.code), []))
            }
            taken.insert(best.0.code.lowercased())
            chosen.append(
                (best.0, .closesGap(competencyCode: gap.competencyCode, current: gap.current, target: gap.target),
                    passedOver))
        }

        // Technical grounding before relationship building; within a phase, the order chosen,
        // which already puts prerequisites first. A prerequisite in a later phase than its
        // dependant keeps the dependant's place instead.
        var phaseOf: [String: LearningPhase] = [:]
        for entry in chosen.reversed() {
            let own = entry.offering.phase
            if case .prerequisite(let code) = entry.reason, let dependant = phaseOf[code.lowercased()] {
                phaseOf[entry.offering.code.lowercased()] = min(own, dependant)
            } else {
                phaseOf[entry.offering.code.lowercased()] = own
            }
        }
        let scheduled = chosen.enumerated().sorted {
            (phaseOf[$0.element.offering.code.lowercased()]!, $0.offset)
                < (phaseOf[$1.element.offering.code.lowercased()]!, $1.offset)
        }.map(\.element)

        var items: [DraftedItem] = []
        var month = 0
        var used = 0
        let budget = max(1, terms.monthlyMinutes)
        for entry in scheduled {
            if used > 0 && used + entry.offering.durationMinutes > budget {
                month += 1
                used = 0
            }
            used += entry.offering.durationMinutes
            // An item longer than a month's budget runs into the following months; it is due
            // at the end of its last one, and the next item starts there.
            let spilled = (used - 1) / budget
            month += spilled
            used -= spilled * budget
            var also: [String] = []
            for target in entry.offering.targets where gapCodes.contains(target.competencyCode) {
                if case .closesGap(let main, _, _) = entry.reason, main == target.competencyCode { continue }
                if !also.contains(target.competencyCode) { also.append(target.competencyCode) }
            }
            items.append(
                DraftedItem(
                    offering: entry.offering, reason: entry.reason, alsoDevelops: also,
                    passedOver: entry.passedOver, month: month,
                    due: terms.start.adding(months: month + 1).adding(days: -1)))
        }
        return items
    }

    /// Higher is better: a format that suits the person, a language they learn in, and the more
    /// of their gaps it develops.
    private func score(_ offering: Offering, gapCodes: Set<String>, profile: LearnerProfile) -> Int {
        var score = 0
        if profile.prefersFlexibleFormats && offering.format.isTakenAnywhere { score += 100 }
        if !profile.prefersFlexibleFormats && !offering.format.isTakenAnywhere
            && offering.format != .recordedSession
        {
            // Colleagues who can be there learn more in the room than from its recording.
            score += 20
        }
        if profile.reads(offering.language) { score += 1000 }
        score += 10 * Set(offering.targets.map(\.competencyCode)).intersection(gapCodes).count
        return score
    }

    private func why(_ other: Offering, lost best: Offering, gapCodes: Set<String>, profile: LearnerProfile)
        -> PassedOver.Why
    {
        if profile.reads(best.language) && !profile.reads(other.language) { return .otherLanguage }
        if profile.prefersFlexibleFormats && best.format.isTakenAnywhere && !other.format.isTakenAnywhere {
            return .formatSuitsLess
        }
        let covers = { (offering: Offering) in Set(offering.targets.map(\.competencyCode)).intersection(gapCodes).count }
        if covers(other) < covers(best) { return .coversLess }
        if other.durationMinutes > best.durationMinutes { return .longer }
        return .formatSuitsLess
    }

    /// The offering's prerequisites not yet taken, deepest first, each once.
    private func prerequisites(of offering: Offering, taken: Set<String>) -> [Offering] {
        var result: [Offering] = []
        var seen = taken
        func visit(_ code: String, depth: Int) {
            guard depth < 20, let prerequisite = byCode[code.lowercased()], !seen.contains(code.lowercased())
            else { return }
            seen.insert(code.lowercased())
            for deeper in prerequisite.prerequisites { visit(deeper, depth: depth + 1) }
            result.append(prerequisite)
        }
        for code in offering.prerequisites { visit(code, depth: 0) }
        return result
    }
}
