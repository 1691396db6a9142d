import AcumenCore
import AcumenStore
import Foundation
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

final class OutboxTests: XCTestCase {
    struct Unreachable: MailDelivery {
        struct Failure: Error {}
        func deliver(_ message: OutgoingMessage, id: UUID) throws { throw Failure() }
    }

    func test_reminders_goOnlyToRatersWhoHaveNotSubmitted_onceADay() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycleText = try await AssessmentRoutesTests.openCycle(manager)
            let cycle = try await CycleRepository(database: app.db).cycle(id: UUID(uuidString: cycleText)!)
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let token = try await AssessmentRoutesTests.link(to: customer, app: app)
            let count = try await CycleRepository(database: app.db).questionnaire(cycleID: cycle.id).questions.count
            try await AssessmentRoutesTests.Client(app: app, token: nil).call(
                .POST, "/api/v1/rater/\(token)/submit",
                json: try await AssessmentRoutesTests.answers("often", count: count, app: app, cycle: cycleText),
                expect: .created)

            let outbox = OutboxRepository(database: app.db)
            let before = try await outbox.recent(limit: 10_000).count
            let reminderDay = cycle.settings.closesOn.adding(days: -7)
            // Two app servers run the day's reminders at the same moment.
            async let first: Void = BackgroundWork.sendReminders(
                database: app.db, baseURL: "http://acumen.test", today: reminderDay)
            async let second: Void = BackgroundWork.sendReminders(
                database: app.db, baseURL: "http://acumen.test", today: reminderDay)
            _ = try await (first, second)
            let afterFirst = try await outbox.recent(limit: 10_000)
            let reminders = afterFirst.filter { $0.message.subject.hasPrefix("Reminder:") }
            let waiting = try await InvitationRepository(database: app.db).invitations(cycleID: cycle.id)
                .filter { $0.status == .approved && !$0.hasSubmitted }
            XCTAssertEqual(reminders.count, waiting.count, "each waiting rater reminded once")
            XCTAssertEqual(afterFirst.count, before + waiting.count)
            XCTAssertFalse(reminders.contains { $0.message.recipient == customer }, "never after submitting")

            try await BackgroundWork.sendReminders(database: app.db, baseURL: "http://acumen.test", today: reminderDay)
            let afterSecond = try await outbox.recent(limit: 10_000).count
            XCTAssertEqual(afterSecond, afterFirst.count, "no second reminder the same day")
            try await BackgroundWork.sendReminders(
                database: app.db, baseURL: "http://acumen.test", today: reminderDay.adding(days: 1))
            let offDay = try await outbox.recent(limit: 10_000).count
            XCTAssertEqual(offDay, afterFirst.count, "6 days before closing is not a reminder day")
        }
    }

    func test_failedDelivery_isRetriedWithBackoff_andNeverMarkedSent() async throws {
        try await WebHarness.withDemoApp { app, _ in
            let outbox = OutboxRepository(database: app.db)
            let start = Date()
            try await outbox.enqueue(
                OutgoingMessage(recipient: "a@x.example", subject: "Hello", body: "Text"), at: start)
            try await BackgroundWork.deliverOutbox(database: app.db, delivery: Unreachable())
            var entry = try await outbox.recent().first!
            XCTAssertEqual(entry.status, .pending)
            XCTAssertEqual(entry.attempts, 1)
            XCTAssertGreaterThanOrEqual(entry.nextAttemptAt.timeIntervalSince(start), 59)
            let notDue = try await outbox.claimDue(at: start.addingTimeInterval(30))
            XCTAssertEqual(notDue.count, 0, "waits before retrying")
            for attempt in 2...OutboxEntry.maximumAttempts {
                try await outbox.markFailed(entry, error: "attempt \(attempt)")
                entry = try await outbox.recent().first!
            }
            XCTAssertEqual(entry.status, .failed)
            let counts = try await outbox.counts()
            XCTAssertEqual(counts[.failed], 1)
        }
    }

    func test_pickupFolder_andSendmail_deliverTheSameMessage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        let message = OutgoingMessage(recipient: "a@x.example", subject: "Über", body: "Line one\nLine two")
        let id = UUID()
        try PickupFolderDelivery(directory: folder.path, sender: "acumen@x.example").deliver(message, id: id)
        let written = try String(
            contentsOf: folder.appendingPathComponent("\(id.uuidString.lowercased()).eml"), encoding: .utf8)
        XCTAssertTrue(written.contains("To: a@x.example\r\n"))
        XCTAssertTrue(written.contains("Subject: =?UTF-8?B?"), "non-ASCII subjects are encoded")
        XCTAssertTrue(written.hasSuffix("Line one\r\nLine two"))

        // A stand-in for sendmail that keeps what it is given, and one that fails.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("sent.eml").path
        let script = folder.appendingPathComponent("sendmail").path
        try "#!/bin/sh\ncat > '\(copy)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        try SendmailDelivery(path: script, sender: "acumen@x.example").deliver(message, id: id)
        func withoutDate(_ text: String) -> [Substring] {
            text.split(separator: "\r\n").filter { !$0.hasPrefix("Date:") }
        }
        XCTAssertEqual(withoutDate(try String(contentsOfFile: copy, encoding: .utf8)), withoutDate(written))
        let failing = folder.appendingPathComponent("broken").path
        try "#!/bin/sh\necho 'no route' >&2\nexit 75\n".write(toFile: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing)
        XCTAssertThrowsError(try SendmailDelivery(path: failing, sender: "acumen@x.example").deliver(message, id: id))
    }
}
