import Foundation

/// Something to do after an item is completed so that what was learned stays: a refresher
/// for the account manager, or a re-observation by the supervisor of the competency it developed.
public struct FollowUp: Hashable, Sendable, Identifiable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The account manager goes over the material again (a summary, a short quiz, a video).
        case refresher
        /// The supervisor watches the competency at work again and records an observation.
        case reobservation
    }

    public var id: UUID
    public var itemID: UUID
    public var offeringTitle: String
    public var kind: Kind
    /// Which refresher this is (1, 2, 3 ...); 0 for a re-observation.
    public var number: Int
    public var competencyCode: String
    public var due: CalendarDate
    public var doneOn: CalendarDate?

    public init(
        id: UUID = UUID(), itemID: UUID, offeringTitle: String, kind: Kind, number: Int, competencyCode: String,
        due: CalendarDate, doneOn: CalendarDate? = nil
    ) {
        self.id = id
        self.itemID = itemID
        self.offeringTitle = offeringTitle
        self.kind = kind
        self.number = number
        self.competencyCode = competencyCode
        self.due = due
        self.doneOn = doneOn
    }
}

/// When follow-ups fall after an item is completed. Spacing the refreshers wider each time
/// (two, six and twelve weeks) is what keeps learning from fading; the re-observation comes
/// when the second refresher is done, once there has been time to use the skill.
public enum Reinforcement {
    public static let refresherWeeks = [2, 6, 12]
    public static let reobservationWeeks = 6

    /// The follow-ups for an item completed on `day`; none for an item that develops no
    /// competency (there is nothing to re-observe or refresh against).
    public static func followUps(afterCompleting item: RoadmapItem, on day: CalendarDate) -> [FollowUp] {
        guard let competency = item.competencyCode else { return [] }
        let refreshers = refresherWeeks.enumerated().map { index, weeks in
            FollowUp(
                itemID: item.id, offeringTitle: item.offeringTitle, kind: .refresher, number: index + 1,
                competencyCode: competency, due: day.adding(days: weeks * 7))
        }
        return refreshers + [
            FollowUp(
                itemID: item.id, offeringTitle: item.offeringTitle, kind: .reobservation, number: 0,
                competencyCode: competency, due: day.adding(days: reobservationWeeks * 7))
        ]
    }
}

extension RoadmapItem {
    /// Put there by a person (the supervisor, a group session) rather than by drafting, so
    /// drafting again keeps it.
    public var isChosenByHand: Bool {
        switch reason {
        case .addedBySupervisor, .groupSession: true
        case .closesGap, .prerequisite: false
        }
    }

    /// The competency the item is there for: the gap it closes, else the first it also develops.
    public var competencyCode: String? {
        switch reason {
        case .closesGap(let code, _, _), .groupSession(let code): return code
        case .prerequisite, .addedBySupervisor: return alsoDevelops.first
        }
    }
}
