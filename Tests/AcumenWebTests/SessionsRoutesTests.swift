import AcumenCore
import AcumenStore
import XCTVapor
import XCTest

@testable import AcumenWeb

/// Sessions as programme staff, account managers and trainers use them.
final class SessionsRoutesTests: XCTestCase {
    func test_seats_waitingList_attendance_andRecording() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let catalogue = try await CatalogueRepository(database: app.db).offerings()
            let workshop = try XCTUnwrap(catalogue.first { $0.format == .classroom })
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let offeringPath = "/catalogue/offerings/\(workshop.id)"
            try await manager.get(offeringPath)
            let refused = try await manager.post(
                "\(offeringPath)/sessions",
                form: [
                    "startsOn": "2001-01-01", "startTime": "25:00", "durationMinutes": "60", "place": "Online",
                    "timeZone": "Europe/London", "seats": "1", "trainerEmail": "x@example.com",
                ])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertContains(refused.body.string, "The session was not scheduled")
            let supervisorEmail = WebHarness.email(of: .supervisor, in: demo)
            let day = CalendarDate.today.adding(days: 14).description
            let scheduled = try await manager.post(
                "\(offeringPath)/sessions",
                form: [
                    "startsOn": day, "startTime": "09:30", "durationMinutes": "180", "place": "London, United Kingdom",
                    "timeZone": "Europe/London", "seats": "1", "trainerEmail": supervisorEmail,
                ])
            XCTAssertEqual(scheduled.status, .seeOther)
            let offeringSessions = try await SessionRepository(database: app.db).sessions(offeringID: workshop.id)
            let session = try XCTUnwrap(offeringSessions.first { $0.startsOn.description == day && $0.seats == 1 })

            // One seat: the account manager takes it, a colleague waits, and moves up when it frees.
            let accountManager = BrowserSession(app: app)
            try await accountManager.signIn(WebHarness.email(of: .accountManager, in: demo))
            try await accountManager.get(offeringPath)
            _ = try await accountManager.post("/sessions/\(session.id)/enrol", form: [:])
            let colleague = try XCTUnwrap(
                demo.people.first {
                    $0.jobTitle == "Account Manager" && $0.email != WebHarness.email(of: .accountManager, in: demo)
                })
            _ = try await UserRepository(database: app.db).create(
                email: colleague.email, passwordHash: DemoOrganisation.password, role: .accountManager)
            let other = BrowserSession(app: app)
            try await other.signIn(colleague.email)
            try await other.get(offeringPath)
            _ = try await other.post("/sessions/\(session.id)/enrol", form: [:])
            var seats = try await SessionRepository(database: app.db).seats(sessionID: session.id)
            XCTAssertEqual(seats.map(\.status), [.enrolled, .waiting])
            let page = try await other.get(offeringPath).body.string
            XCTAssertContains(page, "You are on the waiting list.")
            try await accountManager.get(offeringPath)
            _ = try await accountManager.post("/sessions/\(session.id)/cancel", form: [:])
            seats = try await SessionRepository(database: app.db).seats(sessionID: session.id)
            XCTAssertEqual(seats.first { $0.email == colleague.email }?.status, .enrolled)

            // Only the trainer and staff keep the register.
            let notTrainer = try await accountManager.get("/sessions/\(session.id)")
            XCTAssertEqual(notTrainer.status, .forbidden)
            let customer = BrowserSession(app: app)
            try await customer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            let noSeat = try await customer.post("/sessions/\(session.id)/enrol", form: [:])
            XCTAssertEqual(noSeat.status, .forbidden)

            // A past session of the demo: its trainer takes attendance; attending completes the offering.
            let allSessions = try await SessionRepository(database: app.db).sessions()
            let seated = SessionRepository(database: app.db)
            var past: ScheduledSession?
            for candidate in allSessions where candidate.startsOn < .today && candidate.trainerEmail == supervisorEmail
            {
                if try await !seated.seats(sessionID: candidate.id).isEmpty {
                    past = candidate
                    break
                }
            }
            let pastSession = try XCTUnwrap(past)
            let trainer = BrowserSession(app: app)
            try await trainer.signIn(supervisorEmail)
            let register = try await trainer.get("/sessions/\(pastSession.id)")
            XCTAssertEqual(register.status, .ok)
            let holders = try await SessionRepository(database: app.db).seats(sessionID: pastSession.id)
            let present = try XCTUnwrap(holders.first)
            _ = try await trainer.post(
                "/sessions/\(pastSession.id)/attendance", form: ["attended:\(present.personID.uuidString)": "on"])
            let marked = try await SessionRepository(database: app.db).seats(sessionID: pastSession.id)
            XCTAssertEqual(marked.first { $0.personID == present.personID }?.status, .attended)
            XCTAssertTrue(marked.filter { $0.personID != present.personID }.allSatisfy { $0.status == .absent })
            let completions = try await CompletionRepository(database: app.db).count(personID: present.personID)
            XCTAssertEqual(completions, 1)

            try await trainer.get("/sessions/\(pastSession.id)")
            let badLink = try await trainer.post(
                "/sessions/\(pastSession.id)/recording", form: ["link": "javascript:alert(1)"])
            XCTAssertEqual(badLink.status, .badRequest)
            _ = try await trainer.post(
                "/sessions/\(pastSession.id)/recording", form: ["link": "https://video.example/r/1"])
            let after = try await CatalogueRepository(database: app.db).offerings()
            let recording = try XCTUnwrap(after.first { $0.link == "https://video.example/r/1" })
            let source = try XCTUnwrap(after.first { $0.id == pastSession.offeringID })
            XCTAssertEqual(recording.format, .recordedSession)
            XCTAssertEqual(recording.targets, source.targets)
            let again = try await trainer.post(
                "/sessions/\(pastSession.id)/recording", form: ["link": "https://video.example/r/2"])
            XCTAssertEqual(again.status, .conflict)
        }
    }
}
