import Foundation

/// An action of an account's plan as stored, with the cycle whose review agreed it.
public struct StoredAction: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var accountID: UUID
    public var cycleID: UUID?
    public var item: ActionItem
    public var createdOn: CalendarDate?

    public init(id: UUID, accountID: UUID, cycleID: UUID? = nil, item: ActionItem, createdOn: CalendarDate? = nil) {
        self.id = id
        self.accountID = accountID
        self.cycleID = cycleID
        self.item = item
        self.createdOn = createdOn
    }
}
