import AcumenCore
import AcumenStore
import FluentKit
import SQLKit
import XCTest

final class CalibrationRepositoryTests: XCTestCase {
    func test_exercise_fromDraftToSubmittedAttempt() async throws {
        try await StoreHarness.onSQLite(exerciseFromDraftToSubmittedAttempt)
    }

    func test_exercise_fromDraftToSubmittedAttempt_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(exerciseFromDraftToSubmittedAttempt)
    }

    private func exerciseFromDraftToSubmittedAttempt(database: any Database, label: String) async throws {
        let frameworks = FrameworkRepository(database: database)
        let created = try await frameworks.create(GlobalMobilityAccountManagerFramework.content)
        _ = try await frameworks.publish(id: created.id)
        let framework = try await frameworks.version(id: created.id).content
        let users = UserRepository(database: database)
        let lea = try await users.create(email: "lea@x.example", passwordHash: "x", role: .supervisor)
        let max = try await users.create(email: "max@x.example", passwordHash: "x", role: .supervisor)
        let today = CalendarDate(year: 2026, month: 11, day: 23)!
        let repository = CalibrationRepository(database: database)
        let codes = Array(framework.competencies.prefix(2).map(\.code))

        do {
            _ = try await repository.create(
                title: " ", framework: try await FrameworkRepository(database: database).summary(id: created.id),
                panel: "",
                thresholds: CalibrationThresholds(
                    minimumAdjacentAgreement: 2, maximumAbsoluteBias: 0.3, validForMonths: 12),
                today: today)
            XCTFail("an untitled exercise with a 200 % threshold was created (\(label))")
        } catch StoreError.invalid(let problems) {
            XCTAssertEqual(problems.map(\.location).sorted(), ["adjacent agreement", "title"], label)
        }
        let id = try await repository.create(
            title: "Spring calibration",
            framework: try await FrameworkRepository(database: database).summary(id: created.id),
            panel: "Programme panel", thresholds: .standard,
            today: today)
        do {
            try await repository.setStatus(.open, exerciseID: id)
            XCTFail("an empty exercise opened (\(label))")
        } catch StoreError.invalid(let problems) {
            XCTAssertEqual(problems.map(\.location), ["cases", "participants"], label)
        }
        let caseID = try await repository.addCase(
            exerciseID: id, title: "Renewal call", kind: .transcript, material: "AM: Good morning…", link: "",
            competencyCodes: codes.reversed(), framework: framework)
        let storedCodes = try await repository.cases(exerciseID: id).first?.competencyCodes
        XCTAssertEqual(storedCodes, codes, "framework order")
        let staff = try await users.create(email: "pm@x.example", passwordHash: "x", role: .programmeManager)
        do {
            try await repository.addParticipants(
                exerciseID: id, userIDs: [lea.id, staff.id], users: try await users.users())
            XCTFail("a programme manager, who can read the master ratings, was added (\(label))")
        } catch StoreError.invalid {}
        let nobodyYet = try await repository.participants(exerciseID: id)
        XCTAssertEqual(nobodyYet, [], "nothing added (\(label))")
        try await repository.addParticipants(exerciseID: id, userIDs: [lea.id, max.id], users: try await users.users())
        do {
            try await repository.setStatus(.open, exerciseID: id)
            XCTFail("opened without master ratings (\(label))")
        } catch StoreError.invalid(let problems) {
            XCTAssertTrue(problems[0].message.contains(codes[0]), "\(problems) (\(label))")
        }
        for code in codes {
            let competency = framework.competencies.first { $0.code == code }!
            let baseline = Set(competency.standard(at: 0)!.behaviours.indices)
            try await repository.setMasterRating(
                exerciseID: id, caseID: caseID,
                rating: CompetencyRatingInput(competencyCode: code, observed: [0: baseline]),
                rationale: "Every Baseline behaviour and nothing more.", framework: framework)
        }
        let masterLevel = try await repository.masterRatings(exerciseID: id)[caseID]?[codes[0]]?.level
        XCTAssertEqual(masterLevel, 0, label)
        try await repository.setStatus(.open, exerciseID: id)
        do {
            _ = try await repository.addCase(
                exerciseID: id, title: "Late", kind: .scenario, material: "x", link: "", competencyCodes: codes,
                framework: framework)
            XCTFail("a case was added to an open exercise (\(label))")
        } catch StoreError.conflict {}

        let ratings = codes.map {
            CompetencyRatingInput(competencyCode: $0, overrideLevel: 1, overrideReason: "Saw more")
        }
        try await repository.saveRatings(
            exerciseID: id, userID: lea.id, caseID: caseID, ratings: ratings, framework: framework)
        try await repository.saveRatings(
            exerciseID: id, userID: lea.id, caseID: caseID, ratings: ratings, framework: framework)
        let saved = try await repository.ratings(exerciseID: id, userID: lea.id)
        XCTAssertEqual(saved.map(\.level), [1, 1], "saving again replaces (\(label))")
        let submittedBeforehand = try await repository.ratings(exerciseID: id, userID: nil)
        XCTAssertEqual(submittedBeforehand, [], "nobody submitted yet")

        let status = CalibrationStatus(assessedOn: today, isCalibrated: true, calibratedUntil: today.adding(months: 12))
        try await repository.submit(exerciseID: id, userID: lea.id, status: status)
        let leaStatus = try await repository.statuses()[lea.id]
        XCTAssertEqual(leaStatus, status, label)
        let submitted = try await repository.ratings(exerciseID: id, userID: nil)
        XCTAssertEqual(submitted.count, 2, label)
        do {
            try await repository.saveRatings(
                exerciseID: id, userID: lea.id, caseID: caseID, ratings: [], framework: framework)
            XCTFail("ratings changed after submission (\(label))")
        } catch StoreError.conflict {}
        let afterRefusal = try await repository.ratings(exerciseID: id, userID: lea.id)
        XCTAssertEqual(afterRefusal.count, 2, "unchanged (\(label))")
        let summaries = try await repository.summaries(participantUserID: max.id)
        XCTAssertEqual(summaries.map(\.submitted), [1], label)
        XCTAssertEqual(summaries.map(\.participants), [2], label)
    }
}

final class RaterCalibrationAtSubmissionTests: XCTestCase {
    func test_responsesKeepWhetherTheRaterWasCalibrated() async throws {
        try await StoreHarness.onSQLite(responsesKeepWhetherTheRaterWasCalibrated)
    }

    func test_responsesKeepWhetherTheRaterWasCalibrated_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(responsesKeepWhetherTheRaterWasCalibrated)
    }

    private func responsesKeepWhetherTheRaterWasCalibrated(database: any Database, label: String) async throws {
        let fixture = try await AssessmentFixture.make(on: database)
        let lead = try await UserRepository(database: database).create(
            email: "lead@x.example", passwordHash: "x", role: .supervisor)
        let cycles = CycleRepository(database: database)
        let cycle = try await cycles.cycle(id: fixture.cycleID)
        let calibration = CalibrationRepository(database: database)
        let exerciseID = try await calibration.create(
            title: "Calibration",
            framework: try await FrameworkRepository(database: database).summary(id: cycle.frameworkID),
            panel: "", thresholds: .standard, today: fixture.today)
        try await calibration.addParticipants(
            exerciseID: exerciseID, userIDs: [lead.id], users: try await UserRepository(database: database).users())
        let sql = database as! any SQLDatabase
        try await sql.raw(
            """
            INSERT INTO calibration_statuses (user_id, exercise_id, assessed_on, calibrated, calibrated_until, bias)
            VALUES (\(bind: lead.id), \(bind: exerciseID), \(bind: fixture.today.description), \(bind: true),
                \(bind: fixture.today.adding(months: 12).description), \(bind: 0.5))
            """
        ).run()

        let invitations = InvitationRepository(database: database)
        let peerID = try await invitations.nominate(
            cycle: try await CycleRepository(database: database).cycle(id: fixture.cycleID), subjectID: fixture.anaID,
            raterPersonID: fixture.benID, source: .peer,
            accountID: nil, nominatedBy: "lead@x.example", approved: true)
        _ = try await cycles.advance(cycleID: fixture.cycleID, from: .draft, today: .today)
        let open = try await cycles.cycle(id: fixture.cycleID)
        let framework = try await FrameworkRepository(database: database).version(id: open.frameworkID).content
        let supervisor = try await invitations.invitations(cycleID: fixture.cycleID, subjectID: fixture.anaID)
            .first { $0.source == .supervisor }!
        let responses = ResponseRepository(database: database)
        let rating = CompetencyRatingInput(competencyCode: "OM.1", overrideLevel: 2, overrideReason: "Saw it")
        try await responses.submit(
            invitation: supervisor, cycle: open, content: .ratings([rating], framework: framework), raterKey: "k1",
            today: fixture.today)
        try await responses.submit(
            invitation: try await invitations.invitation(id: peerID), cycle: open,
            content: .ratings([rating], framework: framework), raterKey: "k2", today: fixture.today)

        let stored = try await responses.internalResponses(cycleID: fixture.cycleID, subjectID: fixture.anaID)
        let bySource = Dictionary(uniqueKeysWithValues: stored.map { ($0.source, $0) })
        XCTAssertEqual(bySource[.supervisor]?.raterCalibrated, true, label)
        XCTAssertEqual(bySource[.supervisor]?.raterBias, 0.5, label)
        XCTAssertEqual(bySource[.peer]?.raterCalibrated, false, "Ben has never calibrated (\(label))")
        XCTAssertNil(bySource[.peer]?.raterBias, label)
    }
}

final class DoubleRatingRepositoryTests: XCTestCase {
    func test_secondRatingsPairWithTheSupervisors() async throws {
        try await StoreHarness.onSQLite(secondRatingsPairWithTheSupervisors)
    }

    func test_secondRatingsPairWithTheSupervisors_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(secondRatingsPairWithTheSupervisors)
    }

    private func secondRatingsPairWithTheSupervisors(database: any Database, label: String) async throws {
        let fixture = try await AssessmentFixture.make(on: database)
        let users = UserRepository(database: database)
        let lead = try await users.create(email: "lead@x.example", passwordHash: "x", role: .supervisor)
        let checker = try await users.create(email: "checker@x.example", passwordHash: "x", role: .supervisor)
        let cycles = CycleRepository(database: database)
        let cycle = try await cycles.cycle(id: fixture.cycleID)
        let calibration = CalibrationRepository(database: database)
        let exerciseID = try await calibration.create(
            title: "Calibration",
            framework: try await FrameworkRepository(database: database).summary(id: cycle.frameworkID),
            panel: "", thresholds: .standard, today: fixture.today)
        try await calibration.addParticipants(
            exerciseID: exerciseID, userIDs: [lead.id, checker.id],
            users: try await UserRepository(database: database).users())
        let sql = database as! any SQLDatabase
        for user in [lead, checker] {
            try await sql.raw(
                """
                INSERT INTO calibration_statuses (user_id, exercise_id, assessed_on, calibrated, calibrated_until)
                VALUES (\(bind: user.id), \(bind: exerciseID), \(bind: fixture.today.description), \(bind: true),
                    \(bind: fixture.today.adding(months: 12).description))
                """
            ).run()
        }
        let repository = DoubleRatingRepository(database: database)
        do {
            try await repository.setPercent(60, cycle: try await cycles.cycle(id: fixture.cycleID))
            XCTFail("more than half double-rated (\(label))")
        } catch StoreError.invalid {}
        try await repository.setPercent(50, cycle: try await cycles.cycle(id: fixture.cycleID))
        _ = try await cycles.advance(cycleID: fixture.cycleID, from: .draft, today: .today)
        let assigned = try await repository.assign(
            cycle: try await cycles.cycle(id: fixture.cycleID),
            subjects: try await cycles.subjects(cycleID: fixture.cycleID),
            raters: DoubleRatingPlan.eligibleRaters(
                users: try await UserRepository(database: database).users(),
                statuses: try await CalibrationRepository(database: database).statuses(), today: fixture.today),
            today: fixture.today)
        XCTAssertEqual(assigned, 1, "half of Ana and Ben, rounded up (\(label))")
        let assignments = try await repository.assignments(cycleID: fixture.cycleID)
        let assignment = try XCTUnwrap(assignments.first)
        XCTAssertEqual(assignment.raterUserID, checker.id, "Lea supervises both, so the checker rates (\(label))")

        let open = try await cycles.cycle(id: fixture.cycleID)
        let framework = try await FrameworkRepository(database: database).version(id: open.frameworkID).content
        let supervisor = try await InvitationRepository(database: database).invitations(
            cycleID: fixture.cycleID, subjectID: assignment.subjectID
        ).first { $0.source == .supervisor }!
        try await ResponseRepository(database: database).submit(
            invitation: supervisor, cycle: open,
            content: .ratings(
                [CompetencyRatingInput(competencyCode: "OM.1", overrideLevel: 2, overrideReason: "x")],
                framework: framework), raterKey: "k", today: fixture.today)
        try await repository.saveRatings(
            assignmentID: assignment.id,
            ratings: [CompetencyRatingInput(competencyCode: "OM.1", overrideLevel: 1, overrideReason: "y")],
            framework: framework)
        let before = try await repository.pairs().pairs
        XCTAssertEqual(before, [], "nothing counts before the second rater submits (\(label))")
        try await repository.submit(assignmentID: assignment.id, today: fixture.today)
        let (pairs, order) = try await repository.pairs()
        XCTAssertEqual(pairs.map(\.level), [2], label)
        XCTAssertEqual(pairs.map(\.secondLevel), [1], label)
        XCTAssertEqual(order, [fixture.cycleID], label)
    }
}
