import Foundation

/// One account manager rated a second time in a cycle, by a calibrated rater.
public struct DoubleRatingAssignment: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var cycleID: UUID
    public var cycleName: String
    public var subjectID: UUID
    public var subjectName: String
    public var raterUserID: UUID
    public var raterEmail: String
    public var assignedOn: CalendarDate?
    public var submittedOn: CalendarDate?

    public init(
        id: UUID, cycleID: UUID, cycleName: String, subjectID: UUID, subjectName: String, raterUserID: UUID,
        raterEmail: String, assignedOn: CalendarDate? = nil, submittedOn: CalendarDate? = nil
    ) {
        self.id = id
        self.cycleID = cycleID
        self.cycleName = cycleName
        self.subjectID = subjectID
        self.subjectName = subjectName
        self.raterUserID = raterUserID
        self.raterEmail = raterEmail
        self.assignedOn = assignedOn
        self.submittedOn = submittedOn
    }
}
