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

    public init(monthlyMinutes: Int = 480, start: CalendarDate, priorities: [String] = [], completed: Set<String> = [])
    {
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
    /// The supervisor put it there.
    case addedBySupervisor
    /// A group session for people of a team, location or supervisor who are mostly below target on it.
    case groupSession(competencyCode: String)
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

    public init(offeringCode: String, why: Why) {
        self.offeringCode = offeringCode
        self.why = why
    }
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
/// catalogue is indexed once (offerings and competencies by number), so drafting for thousands
/// of people allocates little beyond their items.
public struct RoadmapDrafter: Sendable {
    /// An offering as the drafter reads it, with what it needs worked out once.
    private struct Entry: Sendable {
        var offering: Offering
        var competencies: [Int]
        var isTakenAnywhere: Bool
        var isLiveInPerson: Bool
        var isEnglish: Bool
        var language: String
        var prerequisites: [Int]
    }

    private struct Candidate: Sendable {
        var entry: Int
        var fromLevel: Int
        var toLevel: Int
    }

    private let entries: [Entry]
    private let entryByCode: [String: Int]
    private let competencyIndex: [String: Int]
    private let candidates: [[Candidate]]

    public init(offerings: [Offering], frameworkID: UUID) {
        var competencyIndex: [String: Int] = [:]
        var candidates: [[Candidate]] = []
        var entryByCode: [String: Int] = [:]
        for (position, offering) in offerings.enumerated() where entryByCode[offering.code.lowercased()] == nil {
            entryByCode[offering.code.lowercased()] = position
        }
        var entries: [Entry] = []
        for (position, offering) in offerings.enumerated() {
            var developed: [Int] = []
            for target in offering.targets where target.frameworkID == frameworkID {
                let index =
                    competencyIndex[target.competencyCode]
                    ?? {
                        competencyIndex[target.competencyCode] = candidates.count
                        candidates.append([])
                        return candidates.count - 1
                    }()
                candidates[index].append(
                    Candidate(entry: position, fromLevel: target.fromLevel, toLevel: target.toLevel))
                if !developed.contains(index) { developed.append(index) }
            }
            let language = offering.language.lowercased()
            entries.append(
                Entry(
                    offering: offering, competencies: developed, isTakenAnywhere: offering.format.isTakenAnywhere,
                    isLiveInPerson: !offering.format.isTakenAnywhere, isEnglish: language.hasPrefix("en"),
                    language: language,
                    prerequisites: offering.prerequisites.compactMap { entryByCode[$0.lowercased()] }))
        }
        self.entries = entries
        self.entryByCode = entryByCode
        self.competencyIndex = competencyIndex
        self.candidates = candidates
    }

    public func draft(gaps: [CompetencyGap], profile: LearnerProfile, terms: RoadmapTerms) -> [DraftedItem] {
        let below = gaps.filter { $0.standing == .below }
        var isGap = [Bool](repeating: false, count: candidates.count)
        for gap in below { if let index = competencyIndex[gap.competencyCode] { isGap[index] = true } }
        let languages = Set(profile.languages.map { $0.lowercased() })
        let flexible = profile.prefersFlexibleFormats
        let priority = Dictionary(
            terms.priorities.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let ordered = below.sorted {
            (priority[$0.competencyCode] ?? Int.max, -$0.size, $0.competencyCode)
                < (priority[$1.competencyCode] ?? Int.max, -$1.size, $1.competencyCode)
        }
        var taken = [Bool](repeating: false, count: entries.count)
        for code in terms.completed { if let index = entryByCode[code.lowercased()] { taken[index] = true } }

        func reads(_ entry: Entry) -> Bool { entry.isEnglish || languages.contains(entry.language) }
        func covers(_ entry: Entry) -> Int { entry.competencies.reduce(0) { $0 + (isGap[$1] ? 1 : 0) } }
        // Higher is better: a language they learn in, a format that suits them, the more gaps.
        func score(_ entry: Entry) -> Int {
            var score = reads(entry) ? 1000 : 0
            if flexible && entry.isTakenAnywhere { score += 100 }
            // Colleagues who can be there learn more in the room than from its recording.
            if !flexible && entry.isLiveInPerson { score += 20 }
            return score + 10 * covers(entry)
        }
        func why(_ other: Entry, lost best: Entry) -> PassedOver.Why {
            if reads(best) && !reads(other) { return .otherLanguage }
            if flexible && best.isTakenAnywhere && !other.isTakenAnywhere { return .formatSuitsLess }
            if covers(other) < covers(best) { return .coversLess }
            if other.offering.durationMinutes > best.offering.durationMinutes { return .longer }
            return .formatSuitsLess
        }

        var chosen: [(entry: Int, reason: RoadmapReason, passedOver: [PassedOver])] = []
        for gap in ordered {
            guard let competency = competencyIndex[gap.competencyCode] else { continue }
            let reached = Int(gap.current.rounded(.down))
            var ranked: [(entry: Int, score: Int)] = []
            for candidate in candidates[competency]
            where candidate.fromLevel <= reached && candidate.toLevel > reached && !taken[candidate.entry] {
                ranked.append((candidate.entry, score(entries[candidate.entry])))
            }
            ranked.sort {
                let left = entries[$0.entry].offering
                let right = entries[$1.entry].offering
                return ($0.score, right.durationMinutes, left.code) > ($1.score, left.durationMinutes, right.code)
            }
            guard let best = ranked.first?.entry else { continue }
            let passedOver = ranked.dropFirst().prefix(3).map { other in
                PassedOver(
                    offeringCode: entries[other.entry].offering.code,
                    why: why(entries[other.entry], lost: entries[best]))
            }
            // What the chosen offering needs first, not yet done nor planned, goes before it.
            for prerequisite in prerequisites(of: best, taken: &taken) {
                chosen.append((prerequisite, .prerequisite(ofCode: entries[best].offering.code), []))
            }
            taken[best] = true
            chosen.append(
                (
                    best, .closesGap(competencyCode: gap.competencyCode, current: gap.current, target: gap.target),
                    passedOver
                ))
        }

        // Technical grounding before relationship building; within a phase, the order chosen,
        // which already puts prerequisites first. A prerequisite takes the earlier phase of its
        // own and its dependant's, so it never comes after what needs it.
        var phases = chosen.map { entries[$0.entry].offering.phase }
        var phaseOfEntry: [Int: LearningPhase] = [:]
        for position in chosen.indices.reversed() {
            if case .prerequisite(let code) = chosen[position].reason, let dependant = entryByCode[code.lowercased()],
                let later = phaseOfEntry[dependant]
            {
                phases[position] = min(phases[position], later)
            }
            phaseOfEntry[chosen[position].entry] = phases[position]
        }
        let scheduled = chosen.indices.sorted { (phases[$0], $0) < (phases[$1], $1) }

        var items: [DraftedItem] = []
        items.reserveCapacity(scheduled.count)
        var month = 0
        var used = 0
        let budget = max(1, terms.monthlyMinutes)
        for position in scheduled {
            let (index, reason, passedOver) = chosen[position]
            let offering = entries[index].offering
            if used > 0 && used + offering.durationMinutes > budget {
                month += 1
                used = 0
            }
            used += offering.durationMinutes
            // An item longer than a month's budget runs into the following months; it is due
            // at the end of its last one, and the next item starts there.
            let spilled = (used - 1) / budget
            month += spilled
            used -= spilled * budget
            var also: [String] = []
            for target in offering.targets {
                guard let competency = competencyIndex[target.competencyCode], isGap[competency] else { continue }
                if case .closesGap(let main, _, _) = reason, main == target.competencyCode { continue }
                if !also.contains(target.competencyCode) { also.append(target.competencyCode) }
            }
            items.append(
                DraftedItem(
                    offering: offering, reason: reason, alsoDevelops: also, passedOver: passedOver, month: month,
                    due: terms.start.adding(months: month + 1).adding(days: -1)))
        }
        return items
    }

    /// The offering's prerequisites not yet taken, deepest first, each once; marks them taken.
    private func prerequisites(of entry: Int, taken: inout [Bool]) -> [Int] {
        var result: [Int] = []
        func visit(_ index: Int, depth: Int) {
            guard depth < 20, !taken[index] else { return }
            taken[index] = true
            for deeper in entries[index].prerequisites { visit(deeper, depth: depth + 1) }
            result.append(index)
        }
        for index in entries[entry].prerequisites { visit(index, depth: 0) }
        return result
    }
}
