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

    public init(
        id: UUID, lineageID: UUID, name: String, description: String, owner: String, version: Int,
        status: FrameworkStatus, createdAt: Date, updatedAt: Date, publishedAt: Date? = nil
    ) {
        self.id = id
        self.lineageID = lineageID
        self.name = name
        self.description = description
        self.owner = owner
        self.version = version
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.publishedAt = publishedAt
    }
}

/// One framework version with everything it says and the targets set against it.
public struct FrameworkVersion: Sendable {
    public var summary: FrameworkSummary
    public var content: FrameworkContent
    public var roleProfiles: [RoleProfile]

    public init(summary: FrameworkSummary, content: FrameworkContent, roleProfiles: [RoleProfile]) {
        self.summary = summary
        self.content = content
        self.roleProfiles = roleProfiles
    }
}

/// A champion's remark on one competency of a draft.
public struct ReviewComment: Sendable, Hashable {
    public var id: UUID
    public var competencyID: UUID
    public var competencyCode: String
    public var authorEmail: String
    /// The author's name from the people records; their e-mail address when there is none.
    public var authorName: String
    public var body: String
    public var createdAt: Date
    public var resolvedAt: Date?
    public var resolvedByEmail: String?

    public var isOpen: Bool { resolvedAt == nil }

    public init(
        id: UUID, competencyID: UUID, competencyCode: String, authorEmail: String, authorName: String? = nil,
        body: String, createdAt: Date, resolvedAt: Date? = nil, resolvedByEmail: String? = nil
    ) {
        self.id = id
        self.competencyID = competencyID
        self.competencyCode = competencyCode
        self.authorEmail = authorEmail
        self.authorName = authorName ?? authorEmail
        self.body = body
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
        self.resolvedByEmail = resolvedByEmail
    }
}

extension FrameworkSummary {
    /// Identifies this exact state of a version, for caches of anything derived from it.
    public var cacheKey: String { "\(id.uuidString)|\(updatedAt.timeIntervalSince1970)" }
}
