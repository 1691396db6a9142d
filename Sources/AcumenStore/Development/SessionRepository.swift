import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Scheduled sessions, their seats and waiting lists, attendance and recordings.
public struct SessionRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    public struct Seat: Hashable, Sendable {
        public var personID: UUID
        public var name: String
        public var email: String
        public var status: SeatStatus
        public var requestedAt: String
    }

    private struct SessionRow: Decodable {
        var id: UUID
        var offeringId: UUID
        var startsOn: String
        var startTime: String
        var durationMinutes: Int
        var place: String
        var timeZone: String
        var seats: Int
        var trainerEmail: String
        var recordingOfferingId: UUID?

        var session: ScheduledSession? {
            CalendarDate(startsOn).map {
                ScheduledSession(
                    id: id, offeringID: offeringId, startsOn: $0, startTime: startTime,
                    durationMinutes: durationMinutes, place: place, timeZone: timeZone, seats: seats,
                    trainerEmail: trainerEmail, recordingOfferingID: recordingOfferingId)
            }
        }
    }

    public func create(_ session: ScheduledSession) async throws {
        try await sql.raw(
            """
            INSERT INTO scheduled_sessions (id, offering_id, starts_on, start_time, duration_minutes, place, time_zone,
                seats, trainer_email, recording_offering_id)
            VALUES (\(bind: session.id), \(bind: session.offeringID), \(bind: session.startsOn.description),
                \(bind: session.startTime), \(bind: session.durationMinutes), \(bind: session.place),
                \(bind: session.timeZone), \(bind: session.seats), \(bind: session.trainerEmail.lowercased()), NULL)
            """
        ).run()
    }

    /// Sessions of an offering (or all), soonest first.
    public func sessions(offeringID: UUID? = nil) async throws -> [ScheduledSession] {
        let condition: SQLQueryString = offeringID.map { "WHERE offering_id = \(bind: $0)" } ?? ""
        return try await sql.raw("SELECT * FROM scheduled_sessions \(condition) ORDER BY starts_on, start_time")
            .all(decoding: SessionRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.session)
    }

    public func session(id: UUID) async throws -> ScheduledSession {
        guard
            let session = try await sql.raw("SELECT * FROM scheduled_sessions WHERE id = \(bind: id)")
                .first(decoding: SessionRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.session
        else { throw StoreError.notFound("That session") }
        return session
    }

    /// Everyone who asked for a seat, seat holders first, then the waiting list in order.
    public func seats(sessionID: UUID) async throws -> [Seat] {
        try await sql.raw(
            """
            SELECT s.person_id, p.name, p.email, s.status, s.requested_at FROM session_seats s
            JOIN people p ON p.id = s.person_id WHERE s.session_id = \(bind: sessionID)
            ORDER BY s.requested_at, p.name
            """
        ).all().compactMap { row in
            guard let status = SeatStatus(rawValue: try row.decode(column: "status", as: String.self)) else {
                return nil
            }
            return Seat(
                personID: try row.decode(column: "person_id", as: UUID.self),
                name: try row.decode(column: "name", as: String.self),
                email: try row.decode(column: "email", as: String.self), status: status,
                requestedAt: try row.decode(column: "requested_at", as: String.self))
        }
    }

    /// Asks for a seat: one while any is free, else a place on the waiting list. Asking again
    /// while holding or waiting changes nothing; after cancelling, it is a new request.
    @discardableResult
    public func enrol(sessionID: UUID, personID: UUID, at: Date) async throws -> SeatStatus {
        try await database.writeTransaction { database in
            let sql = database.sql
            let session = try await SessionRepository(database: database).session(id: sessionID)
            let seats = try await SessionRepository(database: database).seats(sessionID: sessionID)
            if let mine = seats.first(where: { $0.personID == personID }), mine.status != .cancelled {
                return mine.status
            }
            let status = SeatRules.status(
                forNewRequestWith: seats.count { $0.status.takesSeat }, seats: session.seats)
            try await sql.raw(
                "DELETE FROM session_seats WHERE session_id = \(bind: sessionID) AND person_id = \(bind: personID)"
            )
            .run()
            try await sql.raw(
                """
                INSERT INTO session_seats (session_id, person_id, status, requested_at)
                VALUES (\(bind: sessionID), \(bind: personID), \(bind: status.rawValue),
                    \(bind: XAPIStatement.storedText(at)))
                """
            ).run()
            return status
        }
    }

    /// Gives up a seat or a place on the list; the first waiting take the seats that free.
    public func cancel(sessionID: UUID, personID: UUID) async throws {
        try await database.writeTransaction { database in
            let sql = database.sql
            try await sql.raw(
                """
                UPDATE session_seats SET status = 'cancelled'
                WHERE session_id = \(bind: sessionID) AND person_id = \(bind: personID) AND status IN ('enrolled', 'waiting')
                """
            ).run()
            let repository = SessionRepository(database: database)
            let session = try await repository.session(id: sessionID)
            let seats = try await repository.seats(sessionID: sessionID)
            let waiting = seats.filter { $0.status == .waiting }
            let moving = SeatRules.promotions(
                taken: seats.count { $0.status.takesSeat }, seats: session.seats, waiting: waiting.count)
            for seat in waiting.prefix(moving) {
                try await sql.raw(
                    """
                    UPDATE session_seats SET status = 'enrolled'
                    WHERE session_id = \(bind: sessionID) AND person_id = \(bind: seat.personID)
                    """
                ).run()
            }
        }
    }

    /// The trainer's register: each seat holder attended or was absent. Attending completes the
    /// offering on the person's learning record and roadmap, in the trainer's name.
    public func takeAttendance(
        sessionID: UUID, attended: Set<UUID>, takenBy trainer: String, at: Date
    ) async throws -> Int {
        try await database.writeTransaction { database in
            let sql = database.sql
            let repository = SessionRepository(database: database)
            let session = try await repository.session(id: sessionID)
            var completed = 0
            for seat in try await repository.seats(sessionID: sessionID) where seat.status.takesSeat {
                let status: SeatStatus = attended.contains(seat.personID) ? .attended : .absent
                try await sql.raw(
                    """
                    UPDATE session_seats SET status = \(bind: status.rawValue)
                    WHERE session_id = \(bind: sessionID) AND person_id = \(bind: seat.personID)
                    """
                ).run()
                if status == .attended && seat.status != .attended {
                    completed +=
                        try await CompletionRepository.record(
                            .init(
                                personID: seat.personID, offeringID: session.offeringID, completedOn: session.startsOn),
                            source: "attendance taken by \(trainer)", at: at, sql: sql
                        ).1
                }
            }
            return completed
        }
    }

    public func attachRecording(sessionID: UUID, offeringID: UUID) async throws {
        try await sql.raw(
            """
            UPDATE scheduled_sessions SET recording_offering_id = \(bind: offeringID) WHERE id = \(bind: sessionID)
            """
        ).run()
    }
}
