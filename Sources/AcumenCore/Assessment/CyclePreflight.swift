import Foundation

/// What moving a cycle one step on will do, and what is missing first, shown before the
/// programme manager confirms: opening, closing and releasing cannot be undone.
public struct CyclePreflight: Hashable, Sendable {
    public var next: CycleStatus
    /// What the step does, in the order it happens.
    public var effects: [String]
    /// What looks wrong or incomplete; none of it blocks the step.
    public var concerns: [String]

    /// - Parameters:
    ///   - progress: the cycle's answers and approved raters as its page shows them.
    ///   - subjectsWithoutResults: account managers with nothing the disclosure gate shows now:
    ///     while collecting, no named answer; once closed, no group shown.
    ///   - awaitingApproval: peers proposed and not yet approved (they get no link).
    public init?(
        cycle: AssessmentCycle, subjectCount: Int, progress: CycleProgress, subjectsWithoutResults: Int,
        awaitingApproval: Int, today: CalendarDate
    ) {
        guard let next = cycle.status.next else { return nil }
        self.next = next
        var effects: [String] = []
        var concerns: [String] = []
        let short = progress.subjectsShortOfRaters
        switch next {
        case .open:
            let links = progress.rates.reduce(0) { $0 + $1.invited }
            effects.append(
                "\(links) personal link\(links == 1 ? "" : "s") go out by e-mail now, one per approved rater.")
            effects.append(
                "Raters answer from \(cycle.settings.opensOn) to \(cycle.settings.closesOn); reminders follow \(cycle.settings.reminderDaysBeforeClose.map(String.init).joined(separator: ", ")) days before closing."
            )
            effects.append("Anonymity rules can then only be made stricter, and questions no longer change.")
            if subjectCount == 0 { concerns.append("Nobody is assessed in this cycle.") }
            if short > 0 {
                concerns.append(
                    "\(short) of \(subjectCount) account managers have fewer approved peers or customers than the anonymity minimum: that source cannot be shown in their reports unless more are added."
                )
            }
            if awaitingApproval > 0 {
                concerns.append(
                    "\(awaitingApproval) proposed peer\(awaitingApproval == 1 ? " is" : "s are") still waiting for approval and will get no link until approved."
                )
            }
            if today > cycle.settings.closesOn {
                concerns.append("The planned closing day, \(cycle.settings.closesOn), has already passed.")
            }
        case .closed:
            effects.append("Links stop taking answers at once; answers already submitted are kept.")
            effects.append(
                "Supervisors can read the reports of their people; account managers and customers wait for the release."
            )
            if today < cycle.settings.closesOn {
                let days = today.days(until: cycle.settings.closesOn)
                concerns.append(
                    "This is \(days) day\(days == 1 ? "" : "s") before the planned closing day, \(cycle.settings.closesOn): raters who have not answered yet will not be able to."
                )
            }
            if subjectsWithoutResults > 0 {
                concerns.append(
                    "Neither a self-assessment nor a supervisor's rating has arrived yet for \(subjectsWithoutResults) of the \(subjectCount) account managers."
                )
            }
            for rate in progress.rates where rate.invited > 0 && (rate.rate ?? 0) < 0.5 {
                concerns.append(
                    "\(rate.source.label): \(rate.answered) of \(rate.invited) answered so far\(rate.source.isAnonymous ? " (counted in tens)" : "")."
                )
            }
        case .released:
            effects.append("Each account manager can read their own report, and customers their account's results.")
            effects.append("Release cannot be taken back.")
            if subjectsWithoutResults > 0 {
                concerns.append(
                    "\(subjectsWithoutResults) of \(subjectCount) account managers will find a report with nothing that can be shown."
                )
            }
        case .draft:
            return nil
        }
        self.effects = effects
        self.concerns = concerns
    }
}
