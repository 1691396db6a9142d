/// When raters who have not submitted are reminded, and how anonymous responses are dated.
public enum ReminderSchedule {
    /// The reminder dates still to come for a rater: the cycle's days before closing, from
    /// `today` on, none once the rater has submitted and none outside the open period.
    public static func remindersDue(
        settings: CycleSettings, today: CalendarDate, hasSubmitted: Bool
    ) -> [CalendarDate] {
        guard !hasSubmitted else { return [] }
        return Set(settings.reminderDaysBeforeClose).map { settings.closesOn.adding(days: -$0) }
            .filter { $0 >= today && $0 >= settings.opensOn && $0 < settings.closesOn }
            .sorted()
    }

    /// Anonymous responses are stored as submitted on the closing day, whatever the real day:
    /// the order in which people answered must not point to who they are.
    public static func recordedSubmissionDay(for source: RaterSource, actual: CalendarDate, settings: CycleSettings)
        -> CalendarDate
    {
        source.isAnonymous ? settings.closesOn : actual
    }
}

extension CalendarDate {
    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `dayNumber` (civil_from_days).
    public init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days) ?? self
    }
}
