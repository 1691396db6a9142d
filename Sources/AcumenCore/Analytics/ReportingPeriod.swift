/// The days a programme figure is counted over, both ends included.
public struct ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    public let from: CalendarDate
    public let to: CalendarDate

    /// Nil when the period would end before it starts.
    public init?(from: CalendarDate, to: CalendarDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// The period a form or query asks for (`from`, `to` as YYYY-MM-DD); either left out is the
    /// default's. Returns the problem, in words a reader can act on, when the days cannot be read.
    public static func read(from: String?, to: String?, default fallback: ReportingPeriod) -> Result<
        ReportingPeriod, PeriodProblem
    > {
        func day(_ text: String?, _ fallback: CalendarDate) -> CalendarDate?? {
            let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? ""
            return trimmed.isEmpty ? .some(fallback) : .some(CalendarDate(trimmed))
        }
        guard case .some(.some(let start)) = day(from, fallback.from) else { return .failure(.unreadable("from")) }
        guard case .some(.some(let end)) = day(to, fallback.to) else { return .failure(.unreadable("to")) }
        guard let period = ReportingPeriod(from: start, to: end) else { return .failure(.endsBeforeItStarts) }
        guard period.days <= 366 * 10 else { return .failure(.tooLong) }
        return .success(period)
    }

    /// The twelve months up to and including `day`.
    public static func year(endingOn day: CalendarDate) -> ReportingPeriod {
        let start = day.adding(months: -12).adding(days: 1)
        return ReportingPeriod(from: start, to: day)!
    }

    /// How many days it covers.
    public var days: Int { from.days(until: to) + 1 }

    public func contains(_ day: CalendarDate) -> Bool { from <= day && day <= to }

    public var description: String { "\(from) to \(to)" }
}

/// Why a period cannot be read.
public enum PeriodProblem: Error, Hashable, Sendable {
    /// The named end is not a day written as YYYY-MM-DD.
    case unreadable(String)
    case endsBeforeItStarts
    /// More than ten years.
    case tooLong
}
