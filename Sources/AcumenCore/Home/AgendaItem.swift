import Foundation

/// One thing a person is asked to do, as their home page lists it: what, about whom, by when,
/// and where it is done.
public struct AgendaItem: Hashable, Sendable {
    public enum Kind: Int, Hashable, Sendable, Comparable {
        // Declared in the order that breaks ties between items due on the same day: what
        // stops others from working first (e-mails that did not go out, cycles waiting on a
        // step), then one's own forms.
        case failedMail
        case releaseResults
        case closeCycle
        case openCycle
        case shortOfRaters
        case approvePeers
        case form
        case proposePeers
        case secondRating
        case reobservation
        case calibration
        case reviewFramework
        case learning
        case refresher

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Where the item is done; the web layer turns it into an address.
    public enum Target: Hashable, Sendable {
        case form(invitationID: UUID)
        case cycle(UUID)
        case cycleSubject(cycleID: UUID, personID: UUID)
        case calibrationExercise(UUID)
        case calibrationList
        case calibrationDue
        case secondRating(assignmentID: UUID)
        case outbox
        case framework(UUID)
        case roadmap(personID: UUID)
    }

    public var kind: Kind
    public var title: String
    public var detail: String
    public var dueOn: CalendarDate?
    public var target: Target

    public init(kind: Kind, title: String, detail: String = "", dueOn: CalendarDate? = nil, target: Target) {
        self.kind = kind
        self.title = title
        self.detail = detail
        self.dueOn = dueOn
        self.target = target
    }

    public func isOverdue(on today: CalendarDate) -> Bool {
        dueOn.map { $0 < today } ?? false
    }

    /// Late items first, then by due date (undated last), then by kind, then by title, so that
    /// the first item is always the one to do next.
    public static func ordered(_ items: [AgendaItem], on today: CalendarDate) -> [AgendaItem] {
        let far = CalendarDate(year: 2200, month: 12, day: 31)!
        return items.sorted { left, right in
            return (left.isOverdue(on: today) ? 0 : 1, left.dueOn ?? far, left.kind.rawValue, left.title)
                < (right.isOverdue(on: today) ? 0 : 1, right.dueOn ?? far, right.kind.rawValue, right.title)
        }
    }
}
