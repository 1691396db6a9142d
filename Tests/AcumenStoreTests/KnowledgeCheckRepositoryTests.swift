import AcumenCore
import AcumenStore
import FluentKit
import SQLKit
import XCTest

final class KnowledgeCheckRepositoryTests: XCTestCase {
    func test_anAnsweredQuestion_isRevisedAsANewVersion_andAttemptsKeepTheirs() async throws {
        try await StoreHarness.onSQLite(versionsAndAttempts)
    }

    func test_anAnsweredQuestion_isRevisedAsANewVersion_andAttemptsKeepTheirs_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(versionsAndAttempts)
    }

    private func question(_ prompt: String) -> BankQuestion {
        BankQuestion(
            competencyCode: "KE.1", level: 0, kind: .singleChoice, prompt: prompt, explanation: "Because.",
            options: [.init(key: "a", text: "Right", isCorrect: true), .init(key: "b", text: "Wrong")])
    }

    private func versionsAndAttempts(database: any Database, label: String) async throws {
        _ = try await PeopleRepository(database: database).store(
            [
                PersonRecord(
                    name: "Ana Silva", email: "ana@x.example", jobTitle: "Account Manager",
                    hireDate: CalendarDate(year: 2024, month: 1, day: 1)!)
            ], events: [])
        let found = try await PeopleRepository(database: database).personID(email: "ana@x.example")
        let personID = try XCTUnwrap(found)
        let bank = QuestionBankRepository(database: database)
        var first = question("How many days of temporary housing?")
        let second = question("Who approves an exception?")
        let saved = try await bank.save([first, second], at: Date())
        XCTAssertEqual(saved.added, 2, label)

        // Nobody has been asked it: revised in place.
        first.prompt = "How many days of temporary housing does the policy give?"
        let revised = try await bank.save([first, second], at: Date())
        XCTAssertEqual([revised.revised, revised.unchanged, revised.newVersions], [1, 1, 0], label)
        var latest = try await bank.latest()
        XCTAssertEqual(latest.first { $0.id == first.id }?.version, 1, label)

        let checks = KnowledgeCheckRepository(database: database)
        let check = KnowledgeCheck(title: "Policy", selection: .fixed([first.id, second.id]), passMark: 0.5)
        try await checks.save(.init(check: check, offeringID: nil, isVerbal: false), at: Date())
        let paper = try XCTUnwrap(AttemptPaper.draw(for: check, bank: latest, seed: 7))
        let attemptID = UUID()
        let started = try await checks.start(
            id: attemptID, checkID: check.id, personID: personID, number: 1, paper: paper, at: Date())
        XCTAssertTrue(started, label)
        let twice = try await checks.start(
            id: UUID(), checkID: check.id, personID: personID, number: 1, paper: paper, at: Date())
        XCTAssertFalse(twice, "\(label): the same attempt started twice (two tabs) is written once")

        // Asked now: a revision is a new version, and the attempt still reads the one it asked.
        first.prompt = "How many calendar days of temporary housing does the policy give?"
        let again = try await bank.save([first], at: Date())
        XCTAssertEqual(again.newVersions, 1, label)
        latest = try await bank.latest()
        XCTAssertEqual(latest.first { $0.id == first.id }?.version, 2, label)
        let asked = try await bank.versions([QuestionVersion(id: first.id, version: 1)])
        XCTAssertEqual(
            asked[QuestionVersion(id: first.id, version: 1)]?.prompt,
            "How many days of temporary housing does the policy give?", label)

        // Answers are kept as fields until submitted; a submitted attempt is final.
        let fields = [AttemptForm.fieldName(first.id): "a", AttemptForm.fieldName(second.id): "b"]
        let kept = try await checks.save(fields: fields, attemptID: attemptID)
        XCTAssertTrue(kept, label)
        let changed = try await checks.save(fields: [AttemptForm.fieldName(second.id): "a"], attemptID: attemptID)
        XCTAssertTrue(changed, label)
        let read = try await checks.fields(attemptID: attemptID)
        XCTAssertEqual(read[AttemptForm.fieldName(second.id)], "a", "\(label): the later answer replaces the earlier")
        let attempt = try await checks.attempt(id: attemptID)
        let versions = try await bank.versions(
            Set(attempt.paper.items.map { QuestionVersion(id: $0.questionID, version: $0.version) }))
        let questions = Dictionary(uniqueKeysWithValues: versions.values.map { ($0.id, $0) })
        let answers = AttemptForm.answers(from: read, paper: attempt.paper, questions: questions)
        let settlement = KnowledgeCheckRepository.Settlement.scoring(
            attempt.paper, questions: questions, answers: answers, assessed: [:], passMark: 0.5, completes: nil,
            source: KnowledgeCheckRepository.completionSource)
        let submitted = try await checks.submit(attemptID: attemptID, settlement: settlement, on: .today, at: Date())
        XCTAssertTrue(submitted, label)
        let resubmitted = try await checks.submit(attemptID: attemptID, settlement: settlement, on: .today, at: Date())
        XCTAssertFalse(resubmitted, "\(label): a second submission changes nothing")
        let late = try await checks.save(fields: fields, attemptID: attemptID)
        XCTAssertFalse(late, "\(label): nothing is saved to a submitted attempt")
        let final = try await checks.attempt(id: attemptID)
        XCTAssertEqual(final.score, 1, label)
        XCTAssertEqual(final.passed, true, label)

        let rows = try await checks.scoredAnswers(checkID: check.id)
        XCTAssertEqual(rows.map(\.questionVersion).sorted(), [1, 1], "\(label): tied to the versions answered")
        XCTAssertEqual(rows.map(\.chosenKeys), attempt.paper.items.map { _ in ["a"] }, label)
    }
}
