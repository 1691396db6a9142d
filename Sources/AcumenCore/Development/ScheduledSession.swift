import Foundation

/// A dated run of a classroom or virtual-classroom offering: where (a location, or online) and
/// when in which time zone, how many seats, and who trains. Once it has run, its recording can
/// be attached, which makes an offering of its own.
public struct ScheduledSession: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var offeringID: UUID
    public var startsOn: CalendarDate
    /// Local time of the start, HH:MM, in `timeZone`.
    public var startTime: String
    public var durationMinutes: Int
    /// A location as people's records name it ("Singapore, Singapore"), or "Online".
    public var place: String
    /// An IANA time zone, e.g. Asia/Singapore.
    public var timeZone: String
    public var seats: Int
    public var trainerEmail: String
    /// The offering made from its recording, once attached.
    public var recordingOfferingID: UUID?

    public init(
        id: UUID = UUID(), offeringID: UUID, startsOn: CalendarDate, startTime: String, durationMinutes: Int,
        place: String, timeZone: String, seats: Int, trainerEmail: String, recordingOfferingID: UUID? = nil
    ) {
        self.id = id
        self.offeringID = offeringID
        self.startsOn = startsOn
        self.startTime = startTime
        self.durationMinutes = durationMinutes
        self.place = place
        self.timeZone = timeZone
        self.seats = seats
        self.trainerEmail = trainerEmail
        self.recordingOfferingID = recordingOfferingID
    }

    public static let online = "Online"
    public static let largestClass = 500

    /// Every problem of a session as the form sends it, located by field.
    public static func problems(
        startsOn: CalendarDate?, startTime: String, durationMinutes: Int?, place: String, timeZone: String,
        seats: Int?, trainerEmail: String, today: CalendarDate
    ) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if let startsOn {
            if startsOn < today { problems.append(.init(location: "startsOn", message: "the day has passed")) }
        } else {
            problems.append(.init(location: "startsOn", message: "give the day as YYYY-MM-DD"))
        }
        let parts = startTime.split(separator: ":")
        if parts.count != 2 || parts[0].count != 2 || parts[1].count != 2
            || !(Int(parts[0]).map { (0..<24).contains($0) } ?? false)
            || !(Int(parts[1]).map { (0..<60).contains($0) } ?? false)
        {
            problems.append(.init(location: "startTime", message: "give the start as HH:MM, e.g. 09:30"))
        }
        if !(durationMinutes.map { (1...(7 * 24 * 60)).contains($0) } ?? false) {
            problems.append(.init(location: "durationMinutes", message: "give the length in minutes"))
        }
        if place.trimmingCharacters(in: .whitespaces).isEmpty || place.count > TextLimits.name {
            problems.append(.init(location: "place", message: "give a location, or Online"))
        }
        if TimeZone(identifier: timeZone) == nil {
            problems.append(.init(location: "timeZone", message: "give a time zone such as Europe/London"))
        }
        if !(seats.map { (1...largestClass).contains($0) } ?? false) {
            problems.append(.init(location: "seats", message: "give from 1 to \(largestClass) seats"))
        }
        let email = trainerEmail.trimmingCharacters(in: .whitespaces)
        if email.isEmpty || !email.contains("@") || email.count > TextLimits.name {
            problems.append(.init(location: "trainerEmail", message: "give the trainer's e-mail address"))
        }
        return problems
    }
}

/// A person's place on a session.
public enum SeatStatus: String, Hashable, Sendable, CaseIterable {
    case enrolled
    /// On the waiting list, in the order people asked.
    case waiting
    case attended
    case absent
    case cancelled

    /// Holds one of the session's seats.
    public var takesSeat: Bool { self == .enrolled || self == .attended || self == .absent }
}

/// Who has a seat, who waits, and who moves up when a seat frees.
public enum SeatRules {
    /// A new request takes a seat while one is free, else joins the waiting list.
    public static func status(forNewRequestWith taken: Int, seats: Int) -> SeatStatus {
        taken < seats ? .enrolled : .waiting
    }

    /// How many people waiting move up, given the seats now taken.
    public static func promotions(taken: Int, seats: Int, waiting: Int) -> Int {
        max(0, min(waiting, seats - taken))
    }
}
