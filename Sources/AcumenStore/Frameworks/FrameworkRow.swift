import AcumenCore
import FluentKit
import Foundation

/// One version of a competency framework. Versions of the same framework share a lineage.
/// The id is the CASE identifier of the version's CFDocument.
final class FrameworkRow: Model, @unchecked Sendable {
    static let schema = "frameworks"

    @ID(custom: .id, generatedBy: .user) var id: UUID?
    @Field(key: "lineage_id") var lineageID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "status") var status: FrameworkStatus
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    @Field(key: "owner") var owner: String
    /// The level scale, lowest first, as a JSON array of names.
    @Field(key: "levels") var levels: [String]
    /// The BCP 47 tag of the language the framework is written in; empty is English.
    @OptionalField(key: "language") var language: String?
    /// Its texts in other languages: a JSON object from language tag to part key to text.
    @OptionalField(key: "translations") var translations: String?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "retired_at") var retiredAt: Date?
    /// Where an imported version came from (`FrameworkOrigin` as JSON); nil for one written here.
    @OptionalField(key: "origin") var origin: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Timestamp(key: "archived_at", on: .delete) var archivedAt: Date?

    init() {}
}

final class FrameworkCategoryRow: Model, @unchecked Sendable {
    static let schema = "framework_categories"

    @ID(custom: .id, generatedBy: .user) var id: UUID?
    @Parent(key: "framework_id") var framework: FrameworkRow
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "position") var position: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Timestamp(key: "archived_at", on: .delete) var archivedAt: Date?

    init() {}
}

final class CompetencyRow: Model, @unchecked Sendable {
    static let schema = "competencies"

    @ID(custom: .id, generatedBy: .user) var id: UUID?
    @Parent(key: "framework_id") var framework: FrameworkRow
    @Parent(key: "category_id") var category: FrameworkCategoryRow
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "position") var position: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Timestamp(key: "archived_at", on: .delete) var archivedAt: Date?

    init() {}
}

/// An item an imported framework had below a competency. Nothing refers to indicators, so a
/// draft's are replaced whole when it is saved rather than archived like behaviours.
final class IndicatorRow: Model, @unchecked Sendable {
    static let schema = "competency_indicators"

    @ID(custom: .id, generatedBy: .user) var id: UUID?
    @Parent(key: "framework_id") var framework: FrameworkRow
    @Parent(key: "competency_id") var competency: CompetencyRow
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "position") var position: Int

    init() {}
}

/// One observable behaviour of a competency at one level. Later ratings tick these by id.
final class BehaviourRow: Model, @unchecked Sendable {
    static let schema = "behaviours"

    @ID(key: .id) var id: UUID?
    @Parent(key: "competency_id") var competency: CompetencyRow
    @Field(key: "level") var level: Int
    @Field(key: "position") var position: Int
    @Field(key: "text") var text: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Timestamp(key: "archived_at", on: .delete) var archivedAt: Date?

    init() {}
}

final class RoleProfileRow: Model, @unchecked Sendable {
    static let schema = "role_profiles"

    @ID(key: .id) var id: UUID?
    @Parent(key: "framework_id") var framework: FrameworkRow
    @Field(key: "name") var name: String
    @Field(key: "job_role") var jobRole: String
    @Field(key: "minimum_tenure_months") var minimumTenureMonths: Int
    @OptionalField(key: "maximum_tenure_months") var maximumTenureMonths: Int?
    /// Target level position per competency code.
    @Field(key: "targets") var targets: [String: Int]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// Named champions asked to review a draft.
final class FrameworkReviewerRow: Model, @unchecked Sendable {
    static let schema = "framework_reviewers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "framework_id") var framework: FrameworkRow
    @Parent(key: "user_id") var user: UserRow
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

final class ReviewCommentRow: Model, @unchecked Sendable {
    static let schema = "review_comments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "framework_id") var framework: FrameworkRow
    @Parent(key: "competency_id") var competency: CompetencyRow
    @Parent(key: "author_id") var author: UserRow
    @Field(key: "body") var body: String
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @OptionalParent(key: "resolved_by_id") var resolvedBy: UserRow?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
