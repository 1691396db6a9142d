import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Community content under review, and the views and ratings of offerings.
public struct CommunityRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    public func submit(_ submission: CommunitySubmission, at: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO community_submissions (id, title, summary, format, link, duration_minutes, category,
                framework_id, competency_code, from_level, to_level, contributor_person_id, status, review_note,
                offering_id, submitted_at)
            VALUES (\(bind: submission.id), \(bind: submission.title), \(bind: submission.summary),
                \(bind: submission.format.rawValue), \(bind: submission.link), \(bind: submission.durationMinutes),
                \(bind: submission.category), \(bind: submission.target.frameworkID),
                \(bind: submission.target.competencyCode), \(bind: submission.target.fromLevel),
                \(bind: submission.target.toLevel), \(bind: submission.contributorPersonID), 'submitted', '', NULL,
                \(bind: at.formatted(.iso8601)))
            """
        ).run()
    }

    private struct Row: Decodable {
        var id: UUID
        var title: String
        var summary: String
        var format: String
        var link: String
        var durationMinutes: Int
        var category: String
        var frameworkId: UUID
        var competencyCode: String
        var fromLevel: Int
        var toLevel: Int
        var contributorPersonId: UUID
        var name: String
        var status: String
        var reviewNote: String
        var offeringId: UUID?
    }

    /// Submissions, oldest first; those of one contributor, or all.
    public func submissions(contributor: UUID? = nil) async throws -> [CommunitySubmission] {
        let condition: SQLQueryString = contributor.map { "WHERE s.contributor_person_id = \(bind: $0)" } ?? ""
        return try await sql.raw(
            """
            SELECT s.*, p.name FROM community_submissions s JOIN people p ON p.id = s.contributor_person_id
            \(condition) ORDER BY s.submitted_at
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap { row in
            guard let format = OfferingFormat(rawValue: row.format),
                let status = CommunitySubmission.Status(rawValue: row.status)
            else { return nil }
            return CommunitySubmission(
                id: row.id, title: row.title, summary: row.summary, format: format, link: row.link,
                durationMinutes: row.durationMinutes, category: row.category,
                target: CompetencyTarget(
                    frameworkID: row.frameworkId, competencyCode: row.competencyCode, fromLevel: row.fromLevel,
                    toLevel: row.toLevel), contributorPersonID: row.contributorPersonId, contributorName: row.name,
                status: status, reviewNote: row.reviewNote, offeringID: row.offeringId)
        }
    }

    /// Publishes a submission as an offering with the submission's id (publishing again updates
    /// it rather than adding a second), crediting its contributor.
    public func publish(_ submission: CommunitySubmission, as offering: Offering, note: String) async throws {
        try await CatalogueRepository(database: database).save([offering])
        try await sql.raw(
            """
            UPDATE community_submissions SET status = 'published', review_note = \(bind: note),
                offering_id = \(bind: offering.id) WHERE id = \(bind: submission.id)
            """
        ).run()
    }

    public func returnToContributor(_ submissionID: UUID, note: String) async throws {
        try await sql.raw(
            """
            UPDATE community_submissions SET status = 'returned', review_note = \(bind: note)
            WHERE id = \(bind: submissionID) AND status = 'submitted'
            """
        ).run()
    }

    /// A person opened the offering: counted once a day per person.
    public func recordView(offeringID: UUID, personID: UUID, on day: CalendarDate) async throws {
        try await sql.raw(
            """
            INSERT INTO offering_views (offering_id, person_id, viewed_on)
            VALUES (\(bind: offeringID), \(bind: personID), \(bind: day.description)) ON CONFLICT DO NOTHING
            """
        ).run()
    }

    /// One rating per person and offering; rating again replaces it.
    public func rate(offeringID: UUID, personID: UUID, stars: Int) async throws {
        try await sql.raw(
            """
            INSERT INTO offering_ratings (offering_id, person_id, stars)
            VALUES (\(bind: offeringID), \(bind: personID), \(bind: stars))
            ON CONFLICT (offering_id, person_id) DO UPDATE SET stars = excluded.stars
            """
        ).run()
    }

    public struct Usage: Hashable, Sendable {
        /// People who opened it (each once a day).
        public var views: Int
        public var ratings: Int
        public var averageStars: Double?
        /// The viewer's own rating.
        public var mine: Int?
    }

    public func usage(offeringID: UUID, personID: UUID?) async throws -> Usage {
        let views =
            try await sql.raw("SELECT COUNT(*) AS n FROM offering_views WHERE offering_id = \(bind: offeringID)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let ratings = try await sql.raw(
            "SELECT COUNT(*) AS n, AVG(stars * 1.0) AS average FROM offering_ratings WHERE offering_id = \(bind: offeringID)"
        ).first()
        var mine: Int?
        if let personID {
            mine = try await sql.raw(
                """
                SELECT stars FROM offering_ratings WHERE offering_id = \(bind: offeringID) AND person_id = \(bind: personID)
                """
            ).first()?.decode(column: "stars", as: Int.self)
        }
        return Usage(
            views: views, ratings: try ratings?.decode(column: "n", as: Int.self) ?? 0,
            averageStars: try ratings?.decode(column: "average", as: Double?.self), mine: mine)
    }
}
