import Foundation

/// One line of a cycle's raw export: one rating or answer of one response.
public struct ExportedResponseRow: Sendable, Hashable {
    public var responseID: UUID
    public var subjectID: UUID
    public var subjectName: String
    public var source: RaterSource
    public var status: String
    public var submittedOn: String
    public var replaces: UUID?
    /// Blank for anonymous sources.
    public var rater: String
    public var item: String
    public var value: String
    public var comment: String

    public init(
        responseID: UUID, subjectID: UUID, subjectName: String, source: RaterSource, status: String,
        submittedOn: String, replaces: UUID? = nil, rater: String, item: String, value: String, comment: String
    ) {
        self.responseID = responseID
        self.subjectID = subjectID
        self.subjectName = subjectName
        self.source = source
        self.status = status
        self.submittedOn = submittedOn
        self.replaces = replaces
        self.rater = rater
        self.item = item
        self.value = value
        self.comment = comment
    }
}

/// One level a supervisor gave in a cycle.
public struct SupervisorLevel: Sendable, Hashable {
    public var raterPersonID: UUID
    public var raterName: String
    public var level: Int

    public init(raterPersonID: UUID, raterName: String, level: Int) {
        self.raterPersonID = raterPersonID
        self.raterName = raterName
        self.level = level
    }
}
