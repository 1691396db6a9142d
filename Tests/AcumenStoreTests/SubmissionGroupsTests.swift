import AcumenCore
import AcumenStore
import FluentKit
import SQLKit
import XCTest

/// Submissions arriving together are written together on SQLite (and each on its own on
/// PostgreSQL): whichever way, each is acknowledged only when stored, a second submission of
/// one invitation is refused, and a submission the database refuses costs the others nothing.
final class SubmissionGroupsTests: XCTestCase {
    func test_simultaneousSubmissions_eachStoredOnce_aFaultyOneRefusedAlone() async throws {
        try await StoreHarness.onSQLite(simultaneousSubmissions)
    }

    func test_simultaneousSubmissions_eachStoredOnce_aFaultyOneRefusedAlone_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(simultaneousSubmissions)
    }

    private func simultaneousSubmissions(database: any Database, label: String) async throws {
        let fixture = try await AssessmentFixture.make(on: database)
        let cycles = CycleRepository(database: database)
        _ = try await cycles.advance(cycleID: fixture.cycleID, from: .draft, today: fixture.today)
        let cycle = try await cycles.cycle(id: fixture.cycleID)
        let invitations = try await InvitationRepository(database: database).invitations(cycleID: fixture.cycleID)
            .filter { $0.status == .approved }
        let faulty = try XCTUnwrap(invitations.first { $0.source == .customer }, label)
        let sound = invitations.filter { $0.id != faulty.id }
        XCTAssertGreaterThanOrEqual(sound.count, 2, label)

        func record(_ invitation: Invitation, answers: [AnswerRecord]) -> SubmissionRecord {
            SubmissionRecord(
                invitation: invitation, content: .answers(answers),
                attribution: ResponseAttribution(
                    invitation: invitation, raterKey: "key-\(invitation.id)", today: fixture.today,
                    settings: cycle.settings, calibration: nil))
        }
        let answer = AnswerRecord(questionCode: "OM.1-a", answer: .often, comment: "")
        // Each sound invitation is submitted twice at once; the faulty submission answers one
        // question twice, which the database refuses.
        var records = sound.flatMap { [record($0, answers: [answer]), record($0, answers: [answer])] }
        records.insert(record(faulty, answers: [answer, answer]), at: records.count / 2)

        let groups = SubmissionGroups()
        let outcomes: [UUID: [Bool]] = await withTaskGroup(of: (UUID, Bool).self) { tasks in
            for submission in records {
                tasks.addTask {
                    let stored = (try? await groups.submit(submission, on: database)) != nil
                    return (submission.invitation.id, stored)
                }
            }
            var outcomes: [UUID: [Bool]] = [:]
            for await (invitation, stored) in tasks { outcomes[invitation, default: []].append(stored) }
            return outcomes
        }

        for invitation in sound {
            let acknowledged = outcomes[invitation.id]?.filter { $0 }.count
            XCTAssertEqual(outcomes[invitation.id]?.count, 2, label)
            XCTAssertEqual(acknowledged, 1, "one of two simultaneous submissions is acknowledged (\(label))")
        }
        XCTAssertEqual(outcomes[faulty.id], [false], "the faulty submission is refused (\(label))")

        let sql = database as! any SQLDatabase
        let stored = try await sql.raw(
            """
            SELECT r.rater_key, COUNT(a.question_code) AS answers FROM responses r
            LEFT JOIN response_answers a ON a.response_id = r.id GROUP BY r.rater_key
            """
        ).all()
        let answersByKey = try Dictionary(
            uniqueKeysWithValues: stored.map {
                (try $0.decode(column: "rater_key", as: String.self), try $0.decode(column: "answers", as: Int.self))
            })
        XCTAssertEqual(
            answersByKey, Dictionary(uniqueKeysWithValues: sound.map { ("key-\($0.id)", 1) }),
            "each acknowledged submission is stored once, whole, and the refused one not at all (\(label))")
        let marked = try await InvitationRepository(database: database).invitations(cycleID: fixture.cycleID)
            .filter(\.hasSubmitted).map(\.id)
        XCTAssertEqual(Set(marked), Set(sound.map(\.id)), "the refused submission left its invitation open (\(label))")
    }
}
