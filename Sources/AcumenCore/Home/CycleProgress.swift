import Foundation

/// How a running cycle is doing, for the programme manager's home page: how many raters of each
/// source answered, how long is left, and how many account managers have too few raters of an
/// anonymous source to be shown at all.
///
/// Answer counts come in as the cycle page shows them (anonymous totals rounded down to tens
/// while the cycle is open), so that this summary tells no more than that page.
public struct CycleProgress: Hashable, Sendable {
    public struct SourceRate: Hashable, Sendable {
        public var source: RaterSource
        public var invited: Int
        public var answered: Int
        /// Answered over invited, nil when nobody was invited.
        public var rate: Double? { invited == 0 ? nil : min(1, Double(answered) / Double(invited)) }
    }

    public var rates: [SourceRate]
    /// Days until the cycle closes; negative once its closing day has passed.
    public var daysLeft: Int
    /// Account managers with fewer approved raters of a peer or customer source than the
    /// anonymity minimum: their results for that source cannot be shown, however many answer.
    public var subjectsShortOfRaters: Int

    public init(
        cycle: AssessmentCycle, subjectIDs: [UUID], invitations: [Invitation], answered: [RaterSource: Int],
        today: CalendarDate
    ) {
        let approved = invitations.filter { $0.status == .approved }
        rates = cycle.settings.sources.sorted().map { source in
            SourceRate(
                source: source, invited: approved.filter { $0.source == source }.count,
                answered: answered[source] ?? 0)
        }
        daysLeft = today.days(until: cycle.settings.closesOn)
        let bySubject = Dictionary(grouping: approved, by: \.subjectID)
        let rules = cycle.settings.rules
        subjectsShortOfRaters =
            subjectIDs.filter { subject in
                cycle.settings.sources.contains { source in
                    source.isAnonymous
                        && (bySubject[subject] ?? []).filter { $0.source == source }.count < rules.minimum(for: source)
                }
            }.count
    }
}
