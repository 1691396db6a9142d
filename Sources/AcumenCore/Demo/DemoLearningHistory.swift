/// The year of learning before the demo's past review, so that the programme's results have
/// something to count: most account managers completed a few offerings (online and recorded
/// formats, videos, some live sessions), on days they were employed, in every month of the year.
/// The same members and catalogue give the same history.
public enum DemoLearningHistory {
    /// Roughly this share of account managers took some training in the year.
    static let takeUp = 0.85

    public static func completions(
        of members: [ProgrammeFigures.Member], offerings: [Offering], yearEndingOn last: CalendarDate
    ) -> [ProgrammeFigures.Completion] {
        let choices = offerings.filter { $0.format != .coaching && $0.format != .mentoring }
            .sorted { $0.code < $1.code }
        guard !choices.isEmpty else { return [] }
        let year = ReportingPeriod.year(endingOn: last)
        var random = SeededGenerator(seed: 2026_12)
        var completions: [ProgrammeFigures.Completion] = []
        for member in members.sorted(by: { ($0.hireDate, $0.id.uuidString) < ($1.hireDate, $1.id.uuidString) }) {
            let first = max(year.from, member.hireDate)
            let end = min(year.to, member.endDate ?? year.to)
            guard first <= end, Double.random(in: 0..<1, using: &random) < takeUp else { continue }
            let span = first.days(until: end)
            var taken: Set<Int> = []
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let index = Int.random(in: 0..<choices.count, using: &random)
                guard taken.insert(index).inserted else { continue }
                let offering = choices[index]
                completions.append(
                    .init(
                        personID: member.id, offeringID: offering.id,
                        day: first.adding(days: Int.random(in: 0...span, using: &random)), format: offering.format,
                        category: offering.category))
            }
        }
        return completions
    }
}
