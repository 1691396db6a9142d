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
        awaitingApproval: Int, today: CalendarDate, text: Localizer = Localizer(.english)
    ) {
        guard let next = cycle.status.next else { return nil }
        self.next = next
        var effects: [String] = []
        var concerns: [String] = []
        let short = progress.subjectsShortOfRaters
        let closes = text.date(cycle.settings.closesOn)
        let ofSubjects = { (count: Int) in
            ["part": text.integer(count), "total": text.integer(subjectCount)]
        }
        switch next {
        case .open:
            effects.append(
                text.text(PreflightMessage.linksGoOut, count: progress.rates.reduce(0) { $0 + $1.invited }))
            effects.append(
                text.text(
                    PreflightMessage.answerWindow,
                    [
                        "opens": text.date(cycle.settings.opensOn), "closes": closes,
                        "days": text.list(cycle.settings.reminderDaysBeforeClose.map(text.integer)),
                    ]))
            effects.append(text.text(PreflightMessage.rulesTighten))
            if subjectCount == 0 { concerns.append(text.text(PreflightMessage.nobodyAssessed)) }
            if short > 0 { concerns.append(text.text(PreflightMessage.shortOfRaters, ofSubjects(short))) }
            if awaitingApproval > 0 {
                concerns.append(text.text(PreflightMessage.awaitingApproval, count: awaitingApproval))
            }
            if today > cycle.settings.closesOn {
                concerns.append(text.text(PreflightMessage.closingPassed, ["closes": closes]))
            }
        case .closed:
            effects.append(text.text(PreflightMessage.linksStop))
            effects.append(text.text(PreflightMessage.supervisorsRead))
            if today < cycle.settings.closesOn {
                concerns.append(
                    text.text(
                        PreflightMessage.closingEarly, count: today.days(until: cycle.settings.closesOn),
                        ["closes": closes]))
            }
            if subjectsWithoutResults > 0 {
                concerns.append(text.text(PreflightMessage.nothingNamed, ofSubjects(subjectsWithoutResults)))
            }
            for rate in progress.rates where rate.invited > 0 && (rate.rate ?? 0) < 0.5 {
                concerns.append(
                    text.text(
                        rate.source.isAnonymous ? PreflightMessage.answeredInTens : .answered,
                        [
                            "source": text.text(PreflightMessage(source: rate.source)),
                            "answered": text.integer(rate.answered), "invited": text.integer(rate.invited),
                        ]))
            }
        case .released:
            effects.append(text.text(PreflightMessage.everyoneReads))
            effects.append(text.text(PreflightMessage.releaseFinal))
            if subjectsWithoutResults > 0 {
                concerns.append(text.text(PreflightMessage.emptyReports, ofSubjects(subjectsWithoutResults)))
            }
        case .draft:
            return nil
        }
        self.effects = effects
        self.concerns = concerns
    }
}

/// The words of what a cycle's next step will do and what looks incomplete first.
public enum PreflightMessage: String, MessageKey, CaseIterable {
    case linksGoOut = "preflight.linksGoOut"
    case answerWindow = "preflight.answerWindow"
    case rulesTighten = "preflight.rulesTighten"
    case nobodyAssessed = "preflight.nobodyAssessed"
    case shortOfRaters = "preflight.shortOfRaters"
    case awaitingApproval = "preflight.awaitingApproval"
    case closingPassed = "preflight.closingPassed"
    case linksStop = "preflight.linksStop"
    case supervisorsRead = "preflight.supervisorsRead"
    case closingEarly = "preflight.closingEarly"
    case nothingNamed = "preflight.nothingNamed"
    case answered = "preflight.answered"
    case answeredInTens = "preflight.answeredInTens"
    case everyoneReads = "preflight.everyoneReads"
    case releaseFinal = "preflight.releaseFinal"
    case emptyReports = "preflight.emptyReports"
    case sourceSelf = "preflight.source.self"
    case sourceSupervisor = "preflight.source.supervisor"
    case sourcePeer = "preflight.source.peer"
    case sourceCustomer = "preflight.source.customer"

    /// Keys are `preflight.source.` and the source's raw value; the catalogue tests hold every source.
    public init(source: RaterSource) {
        self.init(rawValue: "preflight.source.\(source.rawValue)")!
    }
}
