import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// The learning catalogue's rows: categories and offerings with what they develop and need.
public struct CatalogueRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    /// The catalogue's revision: it moves on with every change to offerings or categories.
    public func revision() async throws -> Int {
        try await sql.raw("SELECT revision FROM catalogue_revision WHERE id = 1").first()?
            .decode(column: "revision", as: Int.self) ?? 0
    }

    private static func moveOn(_ sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1").run()
    }

    public func categories() async throws -> [String] {
        struct Row: Decodable { var name: String }
        return try await sql.raw("SELECT name FROM catalogue_categories ORDER BY position, name")
            .all(decoding: Row.self).map(\.name)
    }

    /// Adds a category at the end, unless one of that name (in any capitals) exists.
    public func addCategory(_ name: String) async throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= TextLimits.name else {
            throw StoreError.invalid([
                ValidationProblem(location: "name", .tooLong, ["limit": "\(TextLimits.name)"])
            ])
        }
        try await database.writeTransaction { database in
            let existing = try await CatalogueRepository(database: database).categories()
            guard !existing.contains(where: { $0.caseInsensitiveCompare(trimmed) == .orderedSame }) else { return }
            try await database.sql.raw(
                "INSERT INTO catalogue_categories (name, position) VALUES (\(bind: trimmed), \(bind: existing.count))"
            ).run()
            try await Self.moveOn(database.sql)
        }
    }

    /// Every offering, with its targets and prerequisites, by code.
    public func offerings() async throws -> [Offering] {
        try await offerings(where: "")
    }

    public func offering(id: UUID) async throws -> Offering {
        guard let offering = try await offerings(where: "WHERE id = \(bind: id)").first else {
            throw StoreError.notFound("That offering")
        }
        return offering
    }

    private struct OfferingRow: Decodable {
        var id: UUID
        var code: String
        var title: String
        var summary: String
        var category: String
        var format: String
        var durationMinutes: Int
        var language: String
        var provider: String
        var link: String
        var owner: String
        var phase: String
        var xapiActivityId: String
    }

    private struct TargetRow: Decodable {
        var offeringId: UUID
        var frameworkId: UUID
        var competencyCode: String
        var fromLevel: Int
        var toLevel: Int
    }

    private struct PrerequisiteRow: Decodable {
        var offeringId: UUID
        var prerequisiteCode: String
    }

    private func offerings(where condition: SQLQueryString) async throws -> [Offering] {
        let rows = try await sql.raw(
            """
            SELECT id, code, title, summary, category, format, duration_minutes, language, provider, link, owner,
                phase, xapi_activity_id
            FROM offerings \(condition) ORDER BY code_key
            """
        ).all(decoding: OfferingRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !rows.isEmpty else { return [] }
        let only: SQLQueryString = rows.count == 1 ? "WHERE offering_id = \(bind: rows[0].id)" : ""
        let targets = Dictionary(
            grouping: try await sql.raw(
                """
                SELECT offering_id, framework_id, competency_code, from_level, to_level FROM offering_targets \(only)
                ORDER BY position
                """
            ).all(decoding: TargetRow.self, keyDecodingStrategy: .convertFromSnakeCase), by: \.offeringId)
        let prerequisites = Dictionary(
            grouping: try await sql.raw(
                "SELECT offering_id, prerequisite_code FROM offering_prerequisites \(only) ORDER BY position"
            ).all(decoding: PrerequisiteRow.self, keyDecodingStrategy: .convertFromSnakeCase), by: \.offeringId)
        return rows.map { row in
            Offering(
                id: row.id, code: row.code, title: row.title, summary: row.summary, category: row.category,
                format: OfferingFormat(rawValue: row.format) ?? .selfStudy, durationMinutes: row.durationMinutes,
                language: row.language, provider: row.provider, link: row.link, owner: row.owner,
                phase: LearningPhase(rawValue: row.phase) ?? .technical,
                prerequisites: prerequisites[row.id]?.map(\.prerequisiteCode) ?? [],
                targets: targets[row.id]?.map {
                    CompetencyTarget(
                        frameworkID: $0.frameworkId, competencyCode: $0.competencyCode, fromLevel: $0.fromLevel,
                        toLevel: $0.toLevel)
                } ?? [],
                xapiActivityID: row.xapiActivityId)
        }
    }

    /// Adds or replaces offerings (by id), with their targets and prerequisites, in one
    /// transaction; the caller has checked them (`OfferingRules`).
    public func save(_ offerings: [Offering]) async throws {
        guard !offerings.isEmpty else { return }
        try await database.writeTransaction { database in
            let sql = database.sql
            try await Self.moveOn(sql)
            // Offerings already stored are updated in place: roadmap items refer to them.
            var stored: Set<UUID> = []
            for chunk in offerings.chunked(into: 200) {
                let ids = chunk.map(\.id)
                try await sql.delete(from: "offering_targets").where("offering_id", .in, ids).run()
                try await sql.delete(from: "offering_prerequisites").where("offering_id", .in, ids).run()
                struct Row: Decodable { var id: UUID }
                stored.formUnion(
                    try await sql.select().column("id").from("offerings").where("id", .in, ids).all(decoding: Row.self)
                        .map(\.id))
            }
            for offering in offerings where stored.contains(offering.id) {
                try await sql.raw(
                    """
                    UPDATE offerings SET code = \(bind: offering.code), code_key = \(bind: offering.code.lowercased()),
                        title = \(bind: offering.title), summary = \(bind: offering.summary),
                        category = \(bind: offering.category), format = \(bind: offering.format.rawValue),
                        duration_minutes = \(bind: offering.durationMinutes), language = \(bind: offering.language),
                        provider = \(bind: offering.provider), link = \(bind: offering.link),
                        owner = \(bind: offering.owner), phase = \(bind: offering.phase.rawValue),
                        xapi_activity_id = \(bind: offering.xapiActivityID)
                    WHERE id = \(bind: offering.id)
                    """
                ).run()
            }
            try await sql.insertRows(
                into: "offerings",
                columns: [
                    "id", "code", "code_key", "title", "summary", "category", "format", "duration_minutes",
                    "language", "provider", "link", "owner", "phase", "xapi_activity_id",
                ],
                rows: offerings.filter { !stored.contains($0.id) }.map { offering in
                    [
                        SQLBind(offering.id), SQLBind(offering.code), SQLBind(offering.code.lowercased()),
                        SQLBind(offering.title), SQLBind(offering.summary), SQLBind(offering.category),
                        SQLBind(offering.format.rawValue), SQLBind(offering.durationMinutes),
                        SQLBind(offering.language), SQLBind(offering.provider), SQLBind(offering.link),
                        SQLBind(offering.owner), SQLBind(offering.phase.rawValue), SQLBind(offering.xapiActivityID),
                    ]
                })
            try await sql.insertRows(
                into: "offering_targets",
                columns: ["offering_id", "position", "framework_id", "competency_code", "from_level", "to_level"],
                rows: offerings.flatMap { offering in
                    offering.targets.enumerated().map { position, target in
                        [
                            SQLBind(offering.id), SQLBind(position), SQLBind(target.frameworkID),
                            SQLBind(target.competencyCode), SQLBind(target.fromLevel), SQLBind(target.toLevel),
                        ]
                    }
                })
            try await sql.insertRows(
                into: "offering_prerequisites", columns: ["offering_id", "position", "prerequisite_code"],
                rows: offerings.flatMap { offering in
                    offering.prerequisites.enumerated().map { position, code in
                        [SQLBind(offering.id), SQLBind(position), SQLBind(code)]
                    }
                })
        }
    }

    /// Imports a catalogue CSV file, all or nothing; returns how many offerings were added and
    /// how many updated.
    public func importCSV(_ text: String, frameworks: [KnownFramework], baseURL: String) async throws -> (
        added: Int, updated: Int
    ) {
        try await database.writeTransaction { database in
            let repository = CatalogueRepository(database: database)
            let existing = try await repository.offerings()
            let read = try OfferingsCSV.offerings(
                fromCSV: text, categories: try await repository.categories(), frameworks: frameworks,
                existing: existing, baseURL: baseURL)
            let known = Set(existing.map(\.id))
            // An activity id names one offering: a file must not give one another offering has.
            let idsByActivity = Dictionary(
                existing.map { ($0.xapiActivityID, $0.id) }, uniquingKeysWith: { first, _ in first })
            let taken = read.filter { offering in
                idsByActivity[offering.xapiActivityID].map { $0 != offering.id } ?? false
            }
            if !taken.isEmpty {
                throw StoreError.invalid(
                    taken.map {
                        ValidationProblem(
                            location: $0.code,
                            wording: CatalogueText(CatalogueMessage.activityIDTaken, ["id": $0.xapiActivityID]))
                    })
            }
            try await repository.save(read)
            let updated = read.filter { known.contains($0.id) }.count
            return (read.count - updated, updated)
        }
    }
}
