import Foundation

/// An interview scorecard: candidates rated side by side on one framework's competencies.
public struct Scorecard: Sendable, Hashable, Identifiable {
    /// An interview compares at most this many candidates.
    public static let maximumCandidates = 6

    public var id: UUID
    public var frameworkID: UUID
    public var title: String
    public var interviewerUserID: UUID
    public var candidates: [String]
    public var createdOn: CalendarDate?
    /// Level per candidate position and competency code; nil means not seen in the interview.
    public var levels: [Int: [String: Int]]
    public var notes: [Int: [String: String]]

    public init(
        id: UUID, frameworkID: UUID, title: String, interviewerUserID: UUID, candidates: [String],
        createdOn: CalendarDate? = nil, levels: [Int: [String: Int]], notes: [Int: [String: String]]
    ) {
        self.id = id
        self.frameworkID = frameworkID
        self.title = title
        self.interviewerUserID = interviewerUserID
        self.candidates = candidates
        self.createdOn = createdOn
        self.levels = levels
        self.notes = notes
    }
}
