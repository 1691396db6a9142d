import Foundation

/// The demo's calendar: each workshop runs in two offices over the coming weeks and once in an
/// office a month ago (whose register waits for the trainer and whose recording waits to be
/// attached); each live online course runs once, online. Trainers are the printed programme
/// manager and supervisor, so both have registers to keep.
public enum DemoSessions {
    static let offices: [(place: String, timeZone: String)] = [
        ("London, United Kingdom", "Europe/London"), ("Singapore, Singapore", "Asia/Singapore"),
        ("New York, United States", "America/New_York"), ("Frankfurt, Germany", "Europe/Berlin"),
        ("São Paulo, Brazil", "America/Sao_Paulo"), ("Tokyo, Japan", "Asia/Tokyo"),
        ("Dubai, United Arab Emirates", "Asia/Dubai"), ("Sydney, Australia", "Australia/Sydney"),
    ]

    public static func sessions(for offerings: [Offering], trainers: [String], today: CalendarDate)
        -> [ScheduledSession]
    {
        var sessions: [ScheduledSession] = []
        let live = offerings.filter { $0.format == .classroom || $0.format == .virtualClassroom }
            .sorted { $0.code < $1.code }
        for (index, offering) in live.enumerated() {
            let trainer = trainers.isEmpty ? "trainer@example.com" : trainers[index % trainers.count]
            func session(_ days: Int, _ office: (place: String, timeZone: String), seats: Int) -> ScheduledSession {
                ScheduledSession(
                    offeringID: offering.id, startsOn: today.adding(days: days),
                    startTime: index % 2 == 0 ? "09:30" : "14:00",
                    durationMinutes: offering.durationMinutes, place: office.place, timeZone: office.timeZone,
                    seats: seats, trainerEmail: trainer)
            }
            if offering.format == .virtualClassroom {
                sessions.append(session(10 + index % 20, (ScheduledSession.online, "Europe/London"), seats: 20))
            } else {
                sessions.append(session(7 + index % 14, offices[index % offices.count], seats: 12))
                sessions.append(session(21 + index % 14, offices[(index + 3) % offices.count], seats: 12))
                sessions.append(session(-30 - index % 10, offices[(index + 1) % offices.count], seats: 12))
            }
        }
        return sessions
    }
}
