import Foundation

/// How far along an item of a roadmap is.
public enum RoadmapItemStatus: String, Codable, Sendable, CaseIterable {
    case planned
    case enrolled
    case inProgress
    case completed
    /// Set aside by the supervisor, with a reason.
    case waived

    public var isClosed: Bool { self == .completed || self == .waived }
}

/// One item of a stored roadmap.
public struct RoadmapItem: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var offeringID: UUID
    public var offeringCode: String
    public var offeringTitle: String
    public var reason: RoadmapReason
    public var alsoDevelops: [String]
    public var passedOver: [PassedOver]
    public var due: CalendarDate?
    public var status: RoadmapItemStatus
    public var note: String

    public init(
        id: UUID = UUID(), offeringID: UUID, offeringCode: String, offeringTitle: String, reason: RoadmapReason,
        alsoDevelops: [String] = [], passedOver: [PassedOver] = [], due: CalendarDate?,
        status: RoadmapItemStatus = .planned, note: String = ""
    ) {
        self.id = id
        self.offeringID = offeringID
        self.offeringCode = offeringCode
        self.offeringTitle = offeringTitle
        self.reason = reason
        self.alsoDevelops = alsoDevelops
        self.passedOver = passedOver
        self.due = due
        self.status = status
        self.note = note
    }

    public init(drafted: DraftedItem) {
        self.init(
            offeringID: drafted.offering.id, offeringCode: drafted.offering.code, offeringTitle: drafted.offering.title,
            reason: drafted.reason, alsoDevelops: drafted.alsoDevelops, passedOver: drafted.passedOver,
            due: drafted.due)
    }
}

/// A person's roadmap: its items in order, whether the supervisor approved it, and every change
/// with who made it and when.
public struct Roadmap: Hashable, Sendable {
    public struct Change: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable, CaseIterable {
            case drafted, approved, statusChanged, removed, prioritiesSet, moved, added, dueSet, followUpDone
        }

        public var kind: Kind
        /// Who made it: a user's e-mail address, or the system that reported it (an LRS source).
        public var madeBy: String
        public var at: Date
        /// What changed, in the words of the data: an offering code and a status.
        public var detail: String

        public init(kind: Kind, madeBy: String, at: Date, detail: String) {
            self.kind = kind
            self.madeBy = madeBy
            self.at = at
            self.detail = detail
        }
    }

    public var personID: UUID
    public var frameworkID: UUID
    /// The released cycle whose gaps it was drafted from.
    public var cycleName: String
    public var approvedOn: CalendarDate?
    /// Competencies the supervisor put first, in their order; drafting takes them before the largest gaps.
    public var priorities: [String]
    public var items: [RoadmapItem]
    /// Refreshers and re-observations scheduled after items were completed, soonest first.
    public var followUps: [FollowUp]
    public var history: [Change]

    public init(
        personID: UUID, frameworkID: UUID, cycleName: String, approvedOn: CalendarDate?, priorities: [String] = [],
        items: [RoadmapItem], followUps: [FollowUp] = [], history: [Change]
    ) {
        self.personID = personID
        self.frameworkID = frameworkID
        self.cycleName = cycleName
        self.approvedOn = approvedOn
        self.priorities = priorities
        self.items = items
        self.followUps = followUps
        self.history = history
    }

    /// What the person should turn to now: open items due within `days` and follow-ups not yet
    /// done that fall due within them, each by its date (overdue ones included).
    public func due(within days: Int, of today: CalendarDate) -> (items: [RoadmapItem], followUps: [FollowUp]) {
        let horizon = today.adding(days: days)
        return (
            items.filter { !$0.status.isClosed && ($0.due.map { $0 <= horizon } ?? false) },
            followUps.filter { $0.doneOn == nil && $0.due <= horizon }
        )
    }
}
