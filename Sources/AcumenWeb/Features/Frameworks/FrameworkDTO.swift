import AcumenCore
import AcumenStore
import Vapor

/// The JSON form of a framework version: nested categories, competencies, levels and behaviours.
struct FrameworkDTO: Content {
    struct Level: Content {
        var position: Int
        var name: String
        var behaviours: [String]
    }
    /// An item kept below a competency from an imported framework; `parentId` is nil directly under it.
    struct Indicator: Content {
        var id: UUID
        var parentId: UUID?
        var code: String
        var title: String
        var description: String
    }
    struct Competency: Content {
        var id: UUID
        var code: String
        var title: String
        var description: String
        var levels: [Level]
        var indicators: [Indicator]
    }
    struct Category: Content {
        var id: UUID
        var code: String
        var title: String
        var description: String
        var competencies: [Competency]
    }
    /// Where an imported version came from and what its import generated or adapted.
    struct Origin: Content {
        var source: FrameworkOrigin.Source
        var url: String?
        var importedAt: Date
        var notes: [String]
    }
    struct Profile: Content {
        var name: String
        var jobRole: String
        var minimumTenureMonths: Int
        var maximumTenureMonths: Int?
        var targets: [String: String]
    }

    var id: UUID
    var lineageId: UUID
    var name: String
    var description: String
    var owner: String
    var version: Int
    var status: FrameworkStatus
    var levels: [String]
    var categories: [Category]
    var roleProfiles: [Profile]
    var createdAt: Date
    var updatedAt: Date
    var publishedAt: Date?
    /// Only for an imported version.
    var origin: Origin?

    init(_ version: FrameworkVersion, origin: FrameworkOrigin? = nil) {
        self.origin = origin.map { Origin(source: $0.source, url: $0.url, importedAt: $0.importedAt, notes: $0.notes) }
        let content = version.content
        let summary = version.summary
        id = summary.id
        lineageId = summary.lineageID
        name = summary.name
        description = summary.description
        owner = summary.owner
        self.version = summary.version
        status = summary.status
        levels = content.levels.names
        categories = content.categories.map { category in
            Category(
                id: category.identifier, code: category.code, title: category.title,
                description: category.description,
                competencies: category.competencies.map { competency in
                    Competency(
                        id: competency.identifier, code: competency.code, title: competency.title,
                        description: competency.description,
                        levels: content.levels.names.enumerated().map { position, name in
                            Level(
                                position: position + 1, name: name,
                                behaviours: competency.standard(at: position)?.behaviours ?? [])
                        },
                        indicators: competency.indicators.map { indicator in
                            Indicator(
                                id: indicator.identifier, parentId: indicator.parent, code: indicator.code,
                                title: indicator.title, description: indicator.description)
                        })
                })
        }
        roleProfiles = version.roleProfiles.map { profile in
            Profile(
                name: profile.name, jobRole: profile.jobRole, minimumTenureMonths: profile.minimumTenureMonths,
                maximumTenureMonths: profile.maximumTenureMonths,
                targets: profile.targets.compactMapValues { content.levels.name(at: $0) })
        }
        createdAt = summary.createdAt
        updatedAt = summary.updatedAt
        publishedAt = summary.publishedAt
    }
}

/// One row of `GET /api/v1/frameworks`.
struct FrameworkSummaryDTO: Content {
    var id: UUID
    var lineageId: UUID
    var name: String
    var owner: String
    var version: Int
    var status: FrameworkStatus
    var updatedAt: Date
    var publishedAt: Date?

    init(_ summary: FrameworkSummary) {
        id = summary.id
        lineageId = summary.lineageID
        name = summary.name
        owner = summary.owner
        version = summary.version
        status = summary.status
        updatedAt = summary.updatedAt
        publishedAt = summary.publishedAt
    }
}

struct FrameworkListDTO: Content {
    var frameworks: [FrameworkSummaryDTO]
}
