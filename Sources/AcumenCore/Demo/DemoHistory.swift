/// The demo's past: an annual review of every account manager on the Global Mobility model,
/// closed and released a few months before the demo starts, so that reports, gaps and roadmaps
/// have results to start from, and the round a year before it, so that trends and the effect of
/// training have two cycles to compare. Its ratings are made up but steady: the same person
/// always gets the same levels, and about three competencies in seven sit below the usual
/// Advanced target in the last round.
public enum DemoHistory {
    public static let cycleName = "Annual review, last round"
    public static let earlierCycleName = "Annual review, the year before"

    /// The review opened 130 days before `today` and closed 100 days before it.
    public static func dates(today: CalendarDate) -> (opensOn: CalendarDate, closesOn: CalendarDate) {
        (today.adding(days: -130), today.adding(days: -100))
    }

    /// The round before opened and closed a year earlier.
    public static func earlierDates(today: CalendarDate) -> (opensOn: CalendarDate, closesOn: CalendarDate) {
        (today.adding(days: -495), today.adding(days: -465))
    }

    /// The supervisor's level a year before the last round: lower on about three competencies in
    /// five for those who took training in between, on about one in seven for the others, and
    /// now and then higher, so that the year's change is a spread and not a rule.
    public static func earlierSupervisorLevel(subject: Int, competency: Int, trained: Bool, top: Int) -> Int {
        let later = supervisorLevel(subject: subject, competency: competency)
        if (subject + 7 * competency) % 11 == 0 { return min(top, later + 1) }
        let dropped = trained ? (subject + 2 * competency) % 5 < 3 : (subject + 2 * competency) % 7 == 0
        return max(0, later - (dropped ? 1 : 0))
    }

    /// The supervisor's level (position on a three-level scale) for the account manager at
    /// `subject` in the demo's list and the competency at `competency` in the framework.
    public static func supervisorLevel(subject: Int, competency: Int) -> Int {
        // Mixed so that people of one location or team (every 25th in the demo's list) differ too.
        [0, 1, 0, 1, 2, 0, 1][(subject * 3 + competency * 5 + subject * competency) % 7]
    }

    /// People tend to see themselves a step higher than their supervisor does, now and then.
    public static func selfLevel(supervisor: Int, subject: Int, competency: Int, top: Int) -> Int {
        min(top, supervisor + ((subject + competency) % 3 == 0 ? 1 : 0))
    }

    /// A customer's answer to a question about a competency the supervisor put at `level`:
    /// mostly in line with it, one step lower for some reviewers and questions.
    public static func customerAnswer(level: Int, reviewer: Int, question: Int) -> FrequencyAnswer {
        let scale: [FrequencyAnswer] = [.rarely, .sometimes, .often, .always]
        let position = min(level + 1, scale.count - 1) - ((reviewer + question) % 4 == 0 ? 1 : 0)
        return scale[max(0, position)]
    }
}
