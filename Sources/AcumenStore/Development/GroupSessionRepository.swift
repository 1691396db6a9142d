import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Group sessions: one offering for the people of a group who are below target on a competency,
/// put on each of their roadmaps.
public struct GroupSessionRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public enum GroupKind: String, Sendable, CaseIterable {
        case team, location, supervisor
    }

    public struct Session: Sendable, Hashable, Identifiable {
        public var id: UUID
        public var offeringTitle: String
        public var competencyCode: String
        public var groupKind: GroupKind
        public var groupName: String
        public var createdBy: String
        public var createdAt: Date
        public var enrolled: Int
    }

    /// What creating a session did: who is enrolled, and who was already taking the offering.
    public struct Enrolment: Sendable, Hashable {
        public var enrolled: [UUID]
        public var alreadyPlanned: [UUID]
    }

    /// Creates the session and, in the same transaction, an enrolled item on each person's
    /// roadmap (every person must have one): the item drafting had planned for the offering if
    /// there is one, else a new one at the end. Someone already taking the offering keeps it.
    /// The session was decided for the roadmap by a supervisor or programme staff, so an approved
    /// roadmap stays approved.
    public func create(
        offering: Offering, competencyCode: String, groupKind: GroupKind, groupName: String, people: [UUID],
        byUserID: UUID, at: Date
    ) async throws -> Enrolment {
        try await database.writeTransaction { database in
            let sql = database.sql
            let id = UUID()
            try await sql.raw(
                """
                INSERT INTO group_sessions (id, offering_id, competency_code, group_kind, group_name, created_by, created_at)
                VALUES (\(bind: id), \(bind: offering.id), \(bind: competencyCode), \(bind: groupKind.rawValue),
                    \(bind: groupName), \(bind: byUserID), \(bind: at.formatted(.iso8601)))
                """
            ).run()
            var enrolment = Enrolment(enrolled: [], alreadyPlanned: [])
            for personID in people {
                guard
                    let roadmap = try await sql.raw(
                        "SELECT framework_id FROM roadmaps WHERE person_id = \(bind: personID)"
                    ).first()
                else { throw StoreError.notFound("A roadmap of the group") }
                let open = try await sql.raw(
                    """
                    SELECT id, status FROM roadmap_items WHERE person_id = \(bind: personID)
                    AND offering_id = \(bind: offering.id) AND status NOT IN ('completed', 'waived')
                    """
                ).first()
                let itemID: UUID
                if let open, try open.decode(column: "status", as: String.self) == RoadmapItemStatus.inProgress.rawValue
                {
                    itemID = try open.decode(column: "id", as: UUID.self)
                    enrolment.alreadyPlanned.append(personID)
                } else if let open {
                    // Drafting had planned it alone: it becomes the group session, kept by later drafts.
                    itemID = try open.decode(column: "id", as: UUID.self)
                    try await sql.raw(
                        """
                        UPDATE roadmap_items SET reason_kind = 'group', reason_code = \(bind: competencyCode),
                            status = \(bind: RoadmapItemStatus.enrolled.rawValue), note = \(bind: groupName)
                        WHERE id = \(bind: itemID)
                        """
                    ).run()
                    enrolment.enrolled.append(personID)
                } else {
                    let frameworkID = try roadmap.decode(column: "framework_id", as: UUID.self)
                    let item = RoadmapItem(
                        offeringID: offering.id, offeringCode: offering.code, offeringTitle: offering.title,
                        reason: .groupSession(competencyCode: competencyCode),
                        alsoDevelops: offering.targets.filter {
                            $0.frameworkID == frameworkID && $0.competencyCode != competencyCode
                        }.map(\.competencyCode),
                        due: nil, status: .enrolled, note: groupName)
                    let top = try await RoadmapRepository.lastPosition(personID: personID, on: sql)
                    try await RoadmapRepository.insert(item, personID: personID, position: top + 1, on: sql)
                    itemID = item.id
                    enrolment.enrolled.append(personID)
                }
                if !enrolment.alreadyPlanned.contains(personID) {
                    try await RoadmapRepository.record(
                        .added, personID: personID, byUserID: byUserID, at: at,
                        detail: "\(offering.code) (\(groupName))", on: sql)
                }
                try await sql.raw(
                    """
                    INSERT INTO group_session_members (session_id, person_id, item_id)
                    VALUES (\(bind: id), \(bind: personID), \(bind: itemID))
                    """
                ).run()
            }
            return enrolment
        }
    }

    private struct Row: Decodable {
        var id: UUID
        var title: String
        var competencyCode: String
        var groupKind: String
        var groupName: String
        var email: String
        var createdAt: String
        var enrolled: Int
    }

    /// Every session, newest first, with how many it enrolled.
    public func sessions() async throws -> [Session] {
        try await database.sql.raw(
            """
            SELECT s.id, o.title, s.competency_code, s.group_kind, s.group_name, u.email, s.created_at,
                (SELECT COUNT(*) FROM group_session_members m WHERE m.session_id = s.id) AS enrolled
            FROM group_sessions s JOIN offerings o ON o.id = s.offering_id JOIN users u ON u.id = s.created_by
            ORDER BY s.created_at DESC
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap { row in
            GroupKind(rawValue: row.groupKind).map {
                Session(
                    id: row.id, offeringTitle: row.title, competencyCode: row.competencyCode, groupKind: $0,
                    groupName: row.groupName, createdBy: row.email,
                    createdAt: (try? Date(row.createdAt, strategy: .iso8601)) ?? .distantPast, enrolled: row.enrolled)
            }
        }
    }
}
