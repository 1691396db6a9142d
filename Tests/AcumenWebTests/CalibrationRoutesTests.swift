import AcumenCore
import AcumenStore
import SQLKit
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

final class CalibrationRoutesTests: XCTestCase {
    /// The demo exercise, its first case and the demo supervisor signed in.
    private func demoExercise(_ app: Application, _ demo: DemoOrganisation) async throws -> (
        id: UUID, cases: [ReferenceCase], supervisor: BrowserSession
    ) {
        let repository = CalibrationRepository(database: app.db)
        let summaries = try await repository.summaries()
        let exercise = try XCTUnwrap(summaries.first { $0.exercise.title == DemoCalibration.title }?.exercise)
        let supervisor = BrowserSession(app: app)
        try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
        return (exercise.id, try await repository.cases(exerciseID: exercise.id), supervisor)
    }

    func test_participant_ratesBlind_cannotSubmitIncomplete_andSeesFeedbackAfterwards() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let (id, cases, supervisor) = try await demoExercise(app, demo)
            let firstCase = try await supervisor.get("/calibration/\(id)/cases/\(cases[0].id)")
            XCTAssertEqual(firstCase.status, .ok)
            let rationale = String(DemoCalibration.cases[0].masters[0].rationale.prefix(40))
            XCTAssertFalse(
                firstCase.body.string.contains(rationale), "the master's rationale is hidden before submitting")

            // A field of another case's competency, a behaviour that does not exist, a level off the scale.
            for (name, value) in [("none:OM.2", "on"), ("b:0:99:OM.7", "on"), ("override:OM.7", "7"), ("x", "y")] {
                let refused = try await supervisor.post(
                    "/calibration/\(id)/cases/\(cases[0].id)/autosave", form: ["name": name, "value": value])
                XCTAssertEqual(refused.status, .unprocessableEntity, name)
            }
            let repository = CalibrationRepository(database: app.db)
            let participant = try await UserRepository(database: app.db).user(
                email: WebHarness.email(of: .supervisor, in: demo))!
            let nothing = try await repository.ratings(exerciseID: id, userID: participant.id)
            XCTAssertEqual(nothing, [], "refused fields store nothing")

            let saved = try await supervisor.post(
                "/calibration/\(id)/cases/\(cases[0].id)/autosave", form: ["name": "b:0:0:OM.7", "value": "on"])
            XCTAssertEqual(saved.status, .ok)
            XCTAssertEqual(try saved.content.get(String.self, at: "competency"), "OM.7")
            // The level the ticks show is explained in the participant's language.
            try await supervisor.post("/preferences/language", form: ["language": "fr", "back": "/"])
            let french = try await supervisor.post(
                "/calibration/\(id)/cases/\(cases[0].id)/autosave", form: ["name": "b:0:1:OM.7", "value": "on"])
            let explanation = try french.content.get(String.self, at: "derivedLevel")
            XCTAssertTrue(explanation.contains("comportements observés"), explanation)
            try await supervisor.post("/preferences/language", form: ["language": "", "back": "/"])

            let incomplete = try await supervisor.post("/calibration/\(id)/submit", form: [:])
            XCTAssertEqual(incomplete.status, .unprocessableEntity)
            XCTAssertTrue(incomplete.body.string.contains("Case 2"), "the unrated case is named")
            let stillOpen = try await repository.participants(exerciseID: id).first { $0.userID == participant.id }
            XCTAssertNil(stillOpen?.submittedOn, "an incomplete attempt is not submitted")

            // Rate every competency of both cases at the master's level, through the plain form.
            let frameworks = FrameworkRepository(database: app.db)
            let summary = try await frameworks.latestPublished(named: GlobalMobilityAccountManagerFramework.name)!
            let framework = try await frameworks.version(id: summary.id).content
            for (demoCase, referenceCase) in zip(DemoCalibration.cases, cases) {
                var form: [String: String] = [:]
                for master in demoCase.masters {
                    let competency = framework.competencies.first { $0.code == master.code }!
                    for (level, positions) in DemoCalibration.ticks(showing: master.level, competency: competency) {
                        for position in positions {
                            form[RaterFormFields.behaviour(master.code, level: level, position: position)] = "on"
                        }
                    }
                }
                let page = try await supervisor.post("/calibration/\(id)/cases/\(referenceCase.id)", form: form)
                XCTAssertEqual(page.status, .seeOther)
            }
            let submitted = try await supervisor.post("/calibration/\(id)/submit", form: [:])
            XCTAssertEqual(submitted.status, .seeOther)
            let feedback = try await supervisor.get("/calibration/\(id)")
            XCTAssertTrue(feedback.body.string.contains(rationale))
            XCTAssertTrue(feedback.body.string.contains("You are calibrated until"))
            XCTAssertTrue(feedback.body.string.contains("Other participants: Baseline"))
            let status = try await repository.statuses()[participant.id]
            XCTAssertEqual(status?.isCalibrated, true)

            let again = try await supervisor.post("/calibration/\(id)/submit", form: [:])
            XCTAssertEqual(again.status, .conflict, "one submission per participant")
            let changed = try await supervisor.post(
                "/calibration/\(id)/cases/\(cases[0].id)/autosave", form: ["name": "b:0:0:OM.7", "value": ""])
            XCTAssertEqual(changed.status, .conflict, "ratings are fixed once submitted")
        }
    }

    func test_resultsPage_readsAgreementInWords_andChartsEachParticipantAgainstTheMaster() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let (id, cases, _) = try await demoExercise(app, demo)
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let page = try await manager.get("/calibration/\(id)").body.string
            XCTAssertTrue(
                page.contains("Raters agree") && page.contains("0.8 is the usual bar for relying on ratings"), page)
            XCTAssertContains(page, "Levels against the master, by participant and case")
            // The demo's four earlier participants, one row each, a cell per case competency.
            let units = cases.map(\.competencyCodes.count).reduce(0, +)
            XCTAssertEqual(page.components(separatedBy: #"<td class="deviation"#).count - 1, 4 * units)
            XCTAssertContains(page, "deviation-same")
            // Participants by name, not by address.
            let first = try XCTUnwrap(DemoLoader.calibrationParticipants(demo).first)
            let name = try XCTUnwrap(demo.people.first { $0.email == first }?.name)
            XCTAssertContains(page, "<th scope=\"row\">\(name)</th>")
        }
    }

    func test_dueList_includesThoseWhoRateOthersWithoutALogin() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let page = try await manager.get("/calibration/due").body.string
            let withoutLogin = try await PeopleRepository(database: app.db).ratersWithoutLogin()
            XCTAssertFalse(withoutLogin.isEmpty, "most demo team leads have no login")
            XCTAssertContains(page, "Raters without a login")
            for rater in withoutLogin { XCTAssertContains(page, rater.email) }
            let supervisor = WebHarness.email(of: .supervisor, in: demo)
            XCTAssertFalse(withoutLogin.contains { $0.email == supervisor }, "the demo supervisor has a login")
            let home = try await manager.get("/").body.string
            XCTAssertContains(home, "rate others without a login")
            XCTAssertFalse(page.contains("a login</a>"), "a programme manager cannot give logins")

            // An administrator follows a row's link to the Users page, filled in for that rater.
            let administrator = BrowserSession(app: app)
            try await administrator.signIn(WebHarness.email(of: .administrator, in: demo))
            let adminPage = try await administrator.get("/calibration/due").body.string
            let rater = withoutLogin[0]
            let link = CalibrationDuePage.loginAddress(for: rater.email)
            XCTAssertContains(adminPage, "href=\"\(link)\"")
            let users = try await administrator.get(String(link.prefix { $0 != "#" })).body.string
            XCTAssertContains(users, #"value="\#(rater.email)""#)
            XCTAssertContains(users, #"<option value="supervisor" selected="selected">"#)
            let created = try await administrator.post(
                "/users", form: ["email": rater.email, "role": "supervisor", "password": "a-good-long-password"])
            XCTAssertEqual(created.status, .seeOther)
            let remaining = try await PeopleRepository(database: app.db).ratersWithoutLogin()
            XCTAssertFalse(remaining.contains { $0.email == rater.email })
        }
    }

    func test_onlyParticipantsSeeAnExercise_andOnlyProgrammeStaffPrepareIt() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let (id, cases, supervisor) = try await demoExercise(app, demo)
            let accountManager = BrowserSession(app: app)
            try await accountManager.signIn(WebHarness.email(of: .accountManager, in: demo))
            let hidden = try await accountManager.get("/calibration/\(id)")
            XCTAssertEqual(hidden.status, .notFound, "not a participant")
            let hiddenCase = try await accountManager.get("/calibration/\(id)/cases/\(cases[0].id)")
            XCTAssertEqual(hiddenCase.status, .notFound)
            _ = try await supervisor.get("/calibration")
            let masterPage = try await supervisor.get("/calibration/\(id)/cases/\(cases[0].id)/master")
            XCTAssertEqual(masterPage.status, .forbidden)
            let forged = try await supervisor.post(
                "/calibration/\(id)/cases", form: ["title": "Mine", "kind": "scenario", "material": "x"])
            XCTAssertEqual(forged.status, .forbidden)
            let results = try await supervisor.get("/calibration/due")
            XCTAssertEqual(results.status, .forbidden)
            let unknown = try await supervisor.get("/calibration/\(UUID())")
            XCTAssertEqual(unknown.status, .notFound)
            let malformed = try await supervisor.get("/calibration/not-an-id/cases/also-not")
            XCTAssertEqual(malformed.status, .notFound)
        }
    }

    func test_programmeManager_preparesAnExercise_andBadInputChangesNothing() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let framework = try await FrameworkRepository(database: app.db).latestPublished(
                named: GlobalMobilityAccountManagerFramework.name)!
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            _ = try await manager.get("/calibration")
            let repository = CalibrationRepository(database: app.db)
            let before = try await repository.summaries().count
            for thresholds in [("80", "0.3", "0"), ("180", "0.3", "12"), ("eighty", "0.3", "12")] {
                let refused = try await manager.post(
                    "/calibration",
                    form: [
                        "title": "Spring", "frameworkID": framework.id.uuidString, "minimumAdjacent": thresholds.0,
                        "maximumBias": thresholds.1, "validMonths": thresholds.2,
                    ])
                XCTAssertTrue([.badRequest, .unprocessableEntity].contains(refused.status), "\(thresholds)")
            }
            let afterRefusals = try await repository.summaries().count
            XCTAssertEqual(afterRefusals, before)
            let created = try await manager.post(
                "/calibration",
                form: [
                    "title": "Spring", "frameworkID": framework.id.uuidString, "minimumAdjacent": "80",
                    "maximumBias": "0.3", "validMonths": "12",
                ])
            let path = try XCTUnwrap(created.headers.first(name: .location))
            _ = try await manager.get(path)
            let noCompetency = try await manager.post(
                "\(path)/cases", form: ["title": "Call", "kind": "transcript", "material": "AM: Hello"])
            XCTAssertEqual(noCompetency.status, .unprocessableEntity)
            let badKind = try await manager.post(
                "\(path)/cases", form: ["title": "Call", "kind": "podcast", "material": "x", "competency:OM.1": "on"])
            XCTAssertEqual(badKind.status, .badRequest)
            let noLink = try await manager.post(
                "\(path)/cases", form: ["title": "Call", "kind": "recording", "material": "", "competency:OM.1": "on"])
            XCTAssertEqual(noLink.status, .unprocessableEntity)
            let id = UUID(uuidString: String(path.split(separator: "/").last!))!
            let noCases = try await repository.cases(exerciseID: id)
            XCTAssertEqual(noCases, [])

            _ = try await manager.post(
                "\(path)/cases",
                form: ["title": "Call", "kind": "transcript", "material": "AM: Hello", "competency:OM.1": "on"])
            let referenceCase = try await repository.cases(exerciseID: id)[0]
            _ = try await manager.get("\(path)/cases/\(referenceCase.id)/master")
            let noRationale = try await manager.post(
                "\(path)/cases/\(referenceCase.id)/master", form: ["b:0:0:OM.1": "on", "b:0:1:OM.1": "on"])
            XCTAssertEqual(noRationale.status, .unprocessableEntity)
            XCTAssertTrue(noRationale.body.string.contains("write the rationale"))
            let opening = try await manager.post("\(path)/open", form: [:])
            XCTAssertEqual(opening.status, .unprocessableEntity, "no master rating and no participants yet")
            let still = try await repository.exercise(id: id)
            XCTAssertEqual(still.status, .draft)

            // Ready: a master rating with its rationale and one participant; opening e-mails them.
            let saved = try await manager.post(
                "\(path)/cases/\(referenceCase.id)/master",
                form: ["b:0:0:OM.1": "on", "b:0:1:OM.1": "on", "rationale:OM.1": "Owns every request."])
            XCTAssertEqual(saved.status, .seeOther)
            let users = try await UserRepository(database: app.db).users()
            let supervisor = try XCTUnwrap(users.first { $0.email == WebHarness.email(of: .supervisor, in: demo) })
            let customer = try XCTUnwrap(users.first { $0.email == WebHarness.email(of: .customerReviewer, in: demo) })
            _ = try await manager.post("\(path)/participants", form: ["user:\(supervisor.id)": "on"])
            _ = try await manager.get(path)
            let opened = try await manager.post("\(path)/open", form: [:])
            XCTAssertEqual(opened.status, .seeOther)
            let outbox = OutboxRepository(database: app.db)
            let invited = try await outbox.recent().filter { $0.message.subject == "Calibration exercise: Spring" }
            XCTAssertEqual(invited.map(\.message.recipient), [supervisor.email])
            XCTAssertTrue(invited[0].message.body.contains("/calibration/\(id)"))
            // A newcomer who reads Acumen in Japanese is invited in Japanese; nobody is invited twice.
            try await UserRepository(database: app.db).setLanguage(userID: customer.id, .japanese)
            _ = try await manager.get(path)
            _ = try await manager.post(
                "\(path)/participants", form: ["user:\(supervisor.id)": "on", "user:\(customer.id)": "on"])
            let afterAdding = try await outbox.recent().filter { $0.message.subject.hasSuffix("Spring") }
            XCTAssertEqual(
                afterAdding.map(\.message.recipient).sorted(), [customer.email, supervisor.email].sorted(),
                "only the newcomer is e-mailed again")
            let japanese = try XCTUnwrap(afterAdding.first { $0.message.recipient == customer.email }).message
            XCTAssertEqual(japanese.subject, "キャリブレーション演習：Spring")
            XCTAssertTrue(japanese.body.contains("参照ケース 1 件"), japanese.body)
            XCTAssertTrue(japanese.body.contains("/calibration/\(id)"))

            let due = try await manager.get("/calibration/due")
            XCTAssertEqual(due.status, .ok)
            XCTAssertTrue(due.body.string.contains(WebHarness.email(of: .supervisor, in: demo)), "never calibrated")
        }
    }

    func test_resultsAPI_givesEveryRaterAndTheGroup_toProgrammeStaffOnly() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let (id, _, _) = try await demoExercise(app, demo)
            let token = try await WebHarness.token(for: .programmeManager, app: app, demo: demo)
            try await app.send(
                .GET, "/api/v1/calibration/\(id)/results", headers: ["Authorization": "Bearer \(token)"],
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    let json = try XCTUnwrap(
                        try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
                    let raters = try XCTUnwrap(json["raters"] as? [[String: Any]])
                    XCTAssertEqual(raters.count, DemoCalibration.earlierParticipants)
                    XCTAssertTrue(raters.allSatisfy { $0.keys.contains("weightedKappa") && $0["calibrated"] is Bool })
                    // The lenient team lead (+1 on four of six ratings) is not calibrated.
                    XCTAssertTrue(raters.contains { ($0["calibrated"] as? Bool) == false })
                    let group = try XCTUnwrap(json["group"] as? [String: Any])
                    let agreement = try XCTUnwrap(group["agreement"] as? [String: Any])
                    XCTAssertEqual(agreement["raters"] as? Int, DemoCalibration.earlierParticipants)
                    XCTAssertNotNil(agreement["icc"] as? [String: Any])
                    let competencies = try XCTUnwrap(group["competencies"] as? [[String: Any]])
                    let shares = competencies.compactMap { $0["pairAgreement"] as? Double }
                    XCTAssertEqual(shares, shares.sorted(), "hardest first")
                })
            let supervisorToken = try await WebHarness.token(for: .supervisor, app: app, demo: demo)
            try await app.send(
                .GET, "/api/v1/calibration/\(id)/results", headers: ["Authorization": "Bearer \(supervisorToken)"],
                afterResponse: { response in XCTAssertEqual(response.status, .forbidden) })
            try await app.send(
                .GET, "/api/v1/calibration/due", headers: ["Authorization": "Bearer \(token)"],
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    XCTAssertTrue(response.body.string.contains(WebHarness.email(of: .supervisor, in: demo)))
                })
        }
    }
}

final class MeasurementQualityRoutesTests: XCTestCase {
    typealias Client = AssessmentRoutesTests.Client

    func test_qualityPage_flagsStraightLining_andAdjustedLevelsAreAProgrammeChoice() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await AssessmentRoutesTests.openCycle(manager)
            let customer = WebHarness.email(of: .customerReviewer, in: demo)
            let token = try await AssessmentRoutesTests.link(to: customer, app: app)
            let questionCount = GlobalMobilityQuestionnaire.questionnaire.questions.count
            let allAlways = try await AssessmentRoutesTests.answers(
                "always", count: questionCount, app: app, cycle: cycle)
            try await Client(app: app, token: nil).call(
                .POST, "/api/v1/rater/\(token)/submit", json: allAlways, expect: .created)
            // Two more customers, who vary their answers, so that the cycle's customers can be shown.
            let questionnaire = try await CycleRepository(database: app.db).questionnaire(
                cycleID: UUID(uuidString: cycle)!)
            let varied =
                "{\"fields\": {"
                + questionnaire.questions.enumerated().map {
                    "\"q:\($0.element.code)\": \"\($0.offset % 2 == 0 ? "often" : "sometimes")\""
                }.joined(separator: ", ") + "}}"
            let others = try await InvitationRepository(database: app.db).invitations(cycleID: UUID(uuidString: cycle)!)
                .filter { $0.source == .customer && $0.raterEmail != customer }.prefix(2)
            for other in others {
                let link = try await AssessmentRoutesTests.link(
                    to: other.raterEmail, about: other.subjectName, app: app)
                try await Client(app: app, token: nil).call(
                    .POST, "/api/v1/rater/\(link)/submit", json: varied, expect: .created)
            }

            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let whileOpen = try await browser.get("/cycles/\(cycle)/quality")
            XCTAssertEqual(whileOpen.status, .ok)
            XCTAssertTrue(whileOpen.body.string.contains("0 responses"), "no customer figures while the cycle is open")
            try await manager.call(.POST, "/api/v1/cycles/\(cycle)/advance", json: #"{"from": "open"}"#, expect: .ok)
            let page = try await browser.get("/cycles/\(cycle)/quality")
            XCTAssertTrue(
                page.body.string.contains("3 responses; 1 gave the same answer"), "one straight-lined response")
            XCTAssertTrue(page.body.string.contains("Internal consistency by category"))
            try await manager.call(
                .PUT, "/api/v1/cycles/\(cycle)/rules",
                json: #"{"minimumPeers": 3, "minimumCustomers": 4, "minimumForComments": 3}"#, expect: .conflict)
            let export = try await browser.get("/cycles/\(cycle)/export.csv")
            XCTAssertTrue(export.body.string.hasPrefix(ResponseExport.header.joined(separator: ",")))

            _ = try await browser.get("/cycles/\(cycle)")
            let refused = try await browser.post("/cycles/\(cycle)/adjusted-levels", form: ["show": "maybe"])
            XCTAssertEqual(refused.status, .badRequest)
            let unchanged = try await CycleRepository(database: app.db).cycle(id: UUID(uuidString: cycle)!)
            XCTAssertFalse(unchanged.showsAdjustedScores)
            let turnedOn = try await browser.post("/cycles/\(cycle)/adjusted-levels", form: ["show": "yes"])
            XCTAssertEqual(turnedOn.status, .seeOther)
            let changed = try await CycleRepository(database: app.db).cycle(id: UUID(uuidString: cycle)!)
            XCTAssertTrue(changed.showsAdjustedScores)

            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let forbidden = try await supervisor.get("/cycles/\(cycle)/quality")
            XCTAssertEqual(forbidden.status, .forbidden)
        }
    }
}

final class DoubleRatingRoutesTests: XCTestCase {
    typealias Client = AssessmentRoutesTests.Client

    /// Fields that rate every competency at one level, chosen with a reason.
    static func everyCompetency(at level: Int, framework: FrameworkContent) -> [String: String] {
        var fields: [String: String] = [:]
        for competency in framework.competencies {
            fields[RaterFormFields.overrideLevel(competency.code)] = "\(level)"
            fields[RaterFormFields.overrideReason(competency.code)] = "Seen in the quarterly review"
        }
        return fields
    }

    func test_secondRatersAreCalibrated_notTheOwnSupervisor_andDriftIsShown() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await AssessmentRoutesTests.openCycle(manager)
            let cycleID = UUID(uuidString: cycle)!
            let browser = BrowserSession(app: app)
            try await browser.signIn(WebHarness.email(of: .programmeManager, in: demo))
            _ = try await browser.get("/cycles/\(cycle)/double-ratings")
            let tooMuch = try await browser.post("/cycles/\(cycle)/double-ratings/percent", form: ["percent": "80"])
            XCTAssertEqual(tooMuch.status, .unprocessableEntity)
            _ = try await browser.post("/cycles/\(cycle)/double-ratings/percent", form: ["percent": "5"])
            let assigned = try await browser.post("/cycles/\(cycle)/double-ratings/assign", form: [:])
            XCTAssertEqual(assigned.status, .seeOther)

            let repository = DoubleRatingRepository(database: app.db)
            let assignments = try await repository.assignments(cycleID: cycleID)
            XCTAssertEqual(assignments.count, (demo.accountManagers.count * 5 + 99) / 100)
            let statuses = try await CalibrationRepository(database: app.db).statuses()
            let subjects = try await CycleRepository(database: app.db).subjects(cycleID: cycleID)
            let users = try await UserRepository(database: app.db).users()
            for assignment in assignments {
                XCTAssertEqual(statuses[assignment.raterUserID]?.isValid(on: .today), true, "a calibrated rater")
                let rater = users.first { $0.id == assignment.raterUserID }
                let subject = subjects.first { $0.id == assignment.subjectID }
                XCTAssertNotEqual(rater?.personID, subject?.supervisorID, "never the own supervisor")
            }
            _ = try await browser.get("/cycles/\(cycle)/double-ratings")
            let again = try await browser.post("/cycles/\(cycle)/double-ratings/assign", form: [:])
            XCTAssertEqual(again.status, .seeOther)
            let unchanged = try await repository.assignments(cycleID: cycleID)
            XCTAssertEqual(unchanged.count, assignments.count, "assigning again adds no one")

            // The supervisor rates every competency Expert; the second rater says Advanced.
            let assignment = assignments[0]
            let framework = try await FrameworkRepository(database: app.db).version(
                id: try await CycleRepository(database: app.db).cycle(id: cycleID).frameworkID
            ).content
            let subject = try XCTUnwrap(subjects.first { $0.id == assignment.subjectID })
            // By id, not by name: the demo may give two people the same name.
            let supervisorID = try XCTUnwrap(subject.supervisorID)
            let supervisorEmail = try await (app.db as! any SQLDatabase).raw(
                "SELECT email FROM people WHERE id = \(bind: supervisorID)"
            ).first()!.decode(column: "email", as: String.self)
            let token = try await AssessmentRoutesTests.link(to: supervisorEmail, about: subject.name, app: app)
            let fields = try String(
                data: JSONEncoder().encode(["fields": Self.everyCompetency(at: 2, framework: framework)]),
                encoding: .utf8)!
            try await Client(app: app, token: nil).call(
                .POST, "/api/v1/rater/\(token)/submit", json: fields, expect: .created)

            let rater = BrowserSession(app: app)
            try await rater.signIn(assignment.raterEmail)
            let page = try await rater.get("/double-ratings/\(assignment.id)")
            XCTAssertEqual(page.status, .ok)
            let forged = try await rater.post(
                "/double-ratings/\(assignment.id)/autosave", form: ["name": "override:XX.9", "value": "1"])
            XCTAssertEqual(forged.status, .unprocessableEntity)
            let incomplete = try await rater.post("/double-ratings/\(assignment.id)/submit", form: [:])
            XCTAssertEqual(incomplete.status, .unprocessableEntity)
            let saved = try await rater.post(
                "/double-ratings/\(assignment.id)", form: Self.everyCompetency(at: 1, framework: framework))
            XCTAssertEqual(saved.status, .seeOther)
            let submitted = try await rater.post("/double-ratings/\(assignment.id)/submit", form: [:])
            XCTAssertEqual(submitted.status, .seeOther)
            let twice = try await rater.post("/double-ratings/\(assignment.id)/submit", form: [:])
            XCTAssertEqual(twice.status, .conflict)

            let stranger = BrowserSession(app: app)
            try await stranger.signIn(WebHarness.email(of: .supervisor, in: demo))
            let hidden = try await stranger.get("/double-ratings/\(assignment.id)")
            XCTAssertEqual(hidden.status, .notFound, "someone else's second rating")

            let drift = try await browser.get("/calibration/drift")
            XCTAssertEqual(drift.status, .ok)
            let supervisorName = try XCTUnwrap(demo.people.first { $0.email == supervisorEmail }?.name)
            XCTAssertTrue(drift.body.string.contains(supervisorName))
            XCTAssertTrue(drift.body.string.contains("Drifting: "), "one level above the second rater every time")
        }
    }
}
