import AcumenCore
import AcumenStore
import Foundation
import XCTVapor
import XCTest

@testable import AcumenWeb

/// Taking a knowledge check through the pages: the paper never carries its answers, answers
/// are saved as they are given and scored on the server, a submitted attempt is final, and
/// whatever an honest page cannot send is refused and recorded.
final class KnowledgeCheckRoutesTests: XCTestCase {
    /// Text as a page writes it.
    private func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    private func policyCheck(_ app: Application) async throws -> KnowledgeCheckRepository.StoredCheck {
        try await KnowledgeCheckRepository(database: app.db).check(id: DemoKnowledgeChecks.checks[0].check.id)
    }

    /// The form fields of the right answer to every question of a paper.
    private func rightFields(_ attempt: KnowledgeCheckRepository.Attempt, app: Application) async throws -> [String:
        String]
    {
        let loaded = try await KnowledgeCheckUseCases(database: app.db).load(attempt)
        var fields: [String: String] = [:]
        for question in loaded.asked {
            let answer: GivenAnswer =
                switch question.kind {
                case .numeric: .number(question.numericAnswer ?? 0)
                case .ordering: .order(question.options.map(\.key))
                default: .choices(question.options.filter(\.isCorrect).map(\.key))
                }
            fields.merge(AttemptForm.fields(for: answer, question: question)) { _, new in new }
        }
        return fields
    }

    func test_thePaperCarriesNoAnswers_andASubmittedAttemptIsScoredOnTheServerAndFinal() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let check = try await policyCheck(app)
            let member = BrowserSession(app: app)
            try await member.signIn(WebHarness.email(of: .accountManager, in: demo))
            let list = try await member.get("/checks")
            XCTAssertContains(list.body.string, DemoKnowledgeChecks.policyTitle)
            _ = try await member.get("/checks/\(check.check.id)")
            let started = try await member.post("/checks/\(check.check.id)/attempts", form: [:])
            XCTAssertEqual(started.status, .seeOther)
            let location = try XCTUnwrap(started.headers.first(name: .location))
            let attemptID = try XCTUnwrap(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
            let page = try await member.get(location)
            XCTAssertEqual(page.status, .ok)
            let attempt = try await KnowledgeCheckRepository(database: app.db).attempt(id: attemptID)
            let loaded = try await KnowledgeCheckUseCases(database: app.db).load(attempt)
            for question in loaded.asked {
                XCTAssertContains(page.body.string, html(question.prompt))
                XCTAssertFalse(
                    page.body.string.contains(html(question.explanation)),
                    "the explanation waits for the submission")
            }

            // Saved as given, one field at a time; a field off the paper is refused and recorded.
            let fields = try await rightFields(attempt, app: app)
            for (name, value) in fields {
                let saved = try await member.post(location + "/autosave", form: ["name": name, "value": value])
                XCTAssertEqual(saved.status, .noContent, name)
            }
            let stray = try await member.post(
                location + "/autosave", form: ["name": AttemptForm.fieldName(UUID()), "value": "a"])
            XCTAssertEqual(stray.status, .unprocessableEntity)
            let submitted = try await member.post(location, form: fields.merging(["action": "submit"]) { $1 })
            XCTAssertEqual(submitted.status, .seeOther)
            let final = try await KnowledgeCheckRepository(database: app.db).attempt(id: attemptID)
            XCTAssertEqual(final.score, 1)
            XCTAssertEqual(final.passed, true)
            let result = try await member.get(location)
            XCTAssertContains(result.body.string, html(loaded.asked[0].explanation))

            // Passing completes the check's offering on the person's learning record.
            let personID = try XCTUnwrap(final.personID as UUID?)
            let completed = try await CompletionRepository(database: app.db).offeringIDs(personID: personID)
            XCTAssertTrue(completed.contains(try XCTUnwrap(check.offeringID)))

            // Final: neither saved to nor submitted again.
            let late = try await member.post(location + "/autosave", form: ["name": fields.keys.first!, "value": "b"])
            XCTAssertEqual(late.status, .conflict)
            let again = try await member.post(location, form: ["action": "submit"])
            XCTAssertEqual(again.status, .conflict)
            let refusals = try await KnowledgeCheckRepository(database: app.db).refusalCounts(checkID: check.check.id)
            XCTAssertEqual(refusals, ["questionNotOnPaper": 1, "alreadySubmitted": 2])
        }
    }

    func test_someoneElsesAttempt_doesNotExistForThem() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let check = try await policyCheck(app)
            let member = BrowserSession(app: app)
            try await member.signIn(WebHarness.email(of: .accountManager, in: demo))
            _ = try await member.get("/checks/\(check.check.id)")
            let started = try await member.post("/checks/\(check.check.id)/attempts", form: [:])
            let location = try XCTUnwrap(started.headers.first(name: .location))
            let reviewer = BrowserSession(app: app)
            try await reviewer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            let forReviewer = try await reviewer.get(location)
            XCTAssertEqual(forReviewer.status, .forbidden, "customer reviewers take no checks")
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let underWay = try await staff.get(location)
            XCTAssertEqual(underWay.status, .notFound, "an attempt under way is its taker's alone")
            _ = try await staff.get("/checks")
            let saved = try await staff.post(location + "/autosave", form: ["name": "x", "value": "y"])
            XCTAssertEqual(saved.status, .notFound)
        }
    }

    func test_afterTheTimeLimit_answersAreRefused_andTheAttemptIsSubmittedAsItStands() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let check = try await policyCheck(app)
            let email = WebHarness.email(of: .accountManager, in: demo)
            let person = try await PeopleRepository(database: app.db).personID(email: email)
            let user = try await UserRepository(database: app.db).user(email: email)
            let personID = try XCTUnwrap(person)
            let userID = try XCTUnwrap(user?.id)
            let start = Date(timeIntervalSince1970: 2_000_000_000)
            let early = KnowledgeCheckUseCases(database: app.db, now: { start })
            let attempt = try await early.start(checkID: check.check.id, personID: personID, userID: userID)
            let fields = try await rightFields(attempt, app: app)
            try await early.save(fields: fields, to: try await early.load(attempt), userID: userID)
            let late = KnowledgeCheckUseCases(database: app.db, now: { start.addingTimeInterval(20 * 60 + 31) })
            do {
                try await late.save(fields: fields, to: try await late.load(attempt), userID: userID)
                XCTFail("answers after the time limit are refused")
            } catch let error as AppError {
                XCTAssertEqual(error.code, "after_time_limit")
            }
            let closed = try await late.closeIfExpired(try await late.load(attempt))
            XCTAssertEqual(closed?.attempt.isSubmitted, true)
            XCTAssertEqual(closed?.attempt.score, 1, "what was saved in time is scored")
        }
    }

    func test_everyAllowedAttemptUsed_noneMoreStarts() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let check = try await policyCheck(app)
            let member = BrowserSession(app: app)
            try await member.signIn(WebHarness.email(of: .accountManager, in: demo))
            _ = try await member.get("/checks/\(check.check.id)")
            for _ in 0..<(check.check.allowedAttempts ?? 0) {
                let started = try await member.post("/checks/\(check.check.id)/attempts", form: [:])
                let location = try XCTUnwrap(started.headers.first(name: .location))
                _ = try await member.get(location)
                let submitted = try await member.post(location, form: ["action": "submit"])
                XCTAssertEqual(submitted.status, .seeOther)
            }
            let refused = try await member.post("/checks/\(check.check.id)/attempts", form: [:])
            XCTAssertEqual(refused.status, .conflict)
            let refusals = try await KnowledgeCheckRepository(database: app.db).refusalCounts(checkID: check.check.id)
            XCTAssertEqual(refusals["noAttemptsLeft"], 1)
        }
    }

    func test_aSupervisorRunsAVerbalAssessment_whichIsEvidenceAndAResult() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let verbal = DemoKnowledgeChecks.checks.first { $0.isVerbal }!.check
            let lead = BrowserSession(app: app)
            try await lead.signIn(WebHarness.email(of: .supervisor, in: demo))
            let form = try await lead.get("/checks/\(verbal.id)/verbal")
            XCTAssertEqual(form.status, .ok)
            let person = try await PeopleRepository(database: app.db).personID(
                email: WebHarness.email(of: .accountManager, in: demo))
            let personID = try XCTUnwrap(person)
            guard case .fixed(let script) = verbal.selection else { return XCTFail("a verbal check has a script") }
            var fields = ["person": personID.uuidString, "heldOn": CalendarDate.today.description, "notes": "Clear"]
            let missing = try await lead.post("/checks/\(verbal.id)/verbal", form: fields)
            XCTAssertEqual(missing.status, .unprocessableEntity, "every answer is scored and something ticked")
            for id in script { fields["step.\(id.uuidString.lowercased())"] = "2" }
            fields[RaterFormFields.behaviour("KE.1", level: 0, position: 0)] = "on"
            let recorded = try await lead.post("/checks/\(verbal.id)/verbal", form: fields)
            XCTAssertEqual(recorded.status, .seeOther)
            let attempts = try await KnowledgeCheckRepository(database: app.db).attempts(
                checkID: verbal.id, personID: personID)
            XCTAssertEqual(attempts.map(\.passed), [true])
            let observations = try await ObservationRepository(database: app.db).observations(personID: personID)
            XCTAssertEqual(observations.map(\.setting), [.verbalAssessment])
            XCTAssertEqual(observations.first?.notes, "Clear")

            // An account manager cannot run one.
            let member = BrowserSession(app: app)
            try await member.signIn(WebHarness.email(of: .accountManager, in: demo))
            let refused = try await member.get("/checks/\(verbal.id)/verbal")
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func test_aBankImport_isAllOrNothing_withEveryProblemByLine() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            _ = try await staff.get("/question-bank")
            let before = try await QuestionBankRepository(database: app.db).latest().count
            let file = """
                competency,level,kind,prompt,explanation,options,correct
                KE.1,1,singleChoice,A fine question?,Because.,"a: Yes
                b: No",a
                KE.9,1,singleChoice,Unknown competency?,Because.,"a: Yes
                b: No",a
                """
            let refused = try await staff.upload("/question-bank/import", filename: "bank.csv", contents: file)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertContains(refused.body.string, "Line 4")
            let after = try await QuestionBankRepository(database: app.db).latest().count
            XCTAssertEqual(after, before, "nothing of a refused file is kept")
            let export = try await staff.get("/question-bank/export?format=gift")
            XCTAssertEqual(export.status, .ok)
            XCTAssertContains(export.body.string, "$CATEGORY: $course$/top/Acumen/KE.1/level 1")
        }
    }

    func test_programmeStaffAssembleACheck_andWhatTheBankCannotSupplyIsRefused() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let form = try await staff.get("/checks/new")
            XCTAssertEqual(form.status, .ok)
            let before = try await KnowledgeCheckRepository(database: app.db).checks().count
            let refused = try await staff.post(
                "/checks", form: ["title": "Too many", "kind": "written", "passMark": "70", "draw.KE.1.0": "99"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertContains(refused.body.string, "KE.1")
            let scenario = try XCTUnwrap(DemoQuestionBank.questions.first { $0.kind == .scenario })
            let single = try XCTUnwrap(DemoQuestionBank.questions.first { $0.kind == .singleChoice })
            let notAScript = try await staff.post(
                "/checks",
                form: [
                    "title": "Mixed script", "kind": "verbal", "passMark": "60",
                    "question.\(scenario.id.uuidString.lowercased())": "on",
                    "question.\(single.id.uuidString.lowercased())": "on",
                ])
            XCTAssertEqual(notAScript.status, .unprocessableEntity, "a verbal script is scenarios only")
            let unchanged = try await KnowledgeCheckRepository(database: app.db).checks().count
            XCTAssertEqual(unchanged, before, "nothing of a refused check is saved")
            let created = try await staff.post(
                "/checks",
                form: [
                    "title": "Policy in brief", "kind": "written", "passMark": "80", "timeLimit": "10", "attempts": "2",
                    "draw.KE.1.0": "4", "shuffle": "on",
                ])
            XCTAssertEqual(created.status, .seeOther)
            let checks = try await KnowledgeCheckRepository(database: app.db).checks()
            let check = try XCTUnwrap(checks.first { $0.check.title == "Policy in brief" }?.check)
            XCTAssertEqual(check.selection, .drawn([.init(competencyCode: "KE.1", level: 0, count: 4)]))
            XCTAssertEqual(check.passMark, 0.8, accuracy: 1e-12)
            XCTAssertEqual(check.timeLimitMinutes, 10)
            XCTAssertEqual(check.allowedAttempts, 2)

            let member = BrowserSession(app: app)
            try await member.signIn(WebHarness.email(of: .accountManager, in: demo))
            let forbidden = try await member.get("/checks/new")
            XCTAssertEqual(forbidden.status, .forbidden)
        }
    }
}
