import AcumenCore
import Foundation

/// One framework version as lists show it.
public struct FrameworkSummary: Sendable, Hashable {
    public var id: UUID
    public var lineageID: UUID
    public var name: String
    public var description: String
    public var owner: String
    public var version: Int
    public var status: FrameworkStatus
    public var createdAt: Date
    public var updatedAt: Date
    public var publishedAt: Date?
}

/// One framework version with everything it says and the targets set against it.
public struct FrameworkVersion: Sendable {
    public var summary: FrameworkSummary
    public var content: FrameworkContent
    public var roleProfiles: [RoleProfile]
}

/// A champion's remark on one competency of a draft.
public struct ReviewComment: Sendable, Hashable {
    public var id: UUID
    public var competencyID: UUID
    public var competencyCode: String
    public var authorEmail: String
    public var body: String
    public var createdAt: Date
    public var resolvedAt: Date?
    public var resolvedByEmail: String?

    public var isOpen: Bool { resolvedAt == nil }
}
