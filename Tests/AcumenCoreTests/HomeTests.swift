import AcumenCore
import XCTest

final class AgendaTests: XCTestCase {
    let today = CalendarDate("2026-12-02")!

    func item(_ kind: AgendaItem.Kind, _ title: String, due: String? = nil) -> AgendaItem {
        AgendaItem(kind: kind, title: title, dueOn: due.flatMap(CalendarDate.init), target: .outbox)
    }

    func test_lateItemsComeFirst_thenTheSoonestDue_thenUndated() {
        let ordered = AgendaItem.ordered(
            [
                item(.reviewFramework, "undated"), item(.form, "in a week", due: "2026-12-09"),
                item(.form, "tomorrow", due: "2026-12-03"), item(.calibration, "late", due: "2026-11-30"),
                item(.failedMail, "mail, undated"),
            ], on: today)
        XCTAssertEqual(ordered.map(\.title), ["late", "tomorrow", "in a week", "mail, undated", "undated"])
    }

    func test_sameDay_breaksTiesByKind_soThatWhatBlocksOthersComesFirst() {
        let ordered = AgendaItem.ordered(
            [item(.form, "a form", due: "2026-12-05"), item(.approvePeers, "approve", due: "2026-12-05")], on: today)
        XCTAssertEqual(ordered.map(\.title), ["approve", "a form"])
    }

}

final class ReportGlanceTests: XCTestCase {
    let framework = GlobalMobilityAccountManagerFramework.content
    let questionnaire = GlobalMobilityQuestionnaire.questionnaire

    /// A report in which the supervisor rated each competency at the level given.
    func report(_ levels: [String: Int], targets: [String: Int] = [:]) -> PersonReport {
        buildReport(
            framework: framework, targets: targets,
            internalResponses: [InternalResponseRecord(source: .supervisor, levels: levels, comments: [:])],
            customers: [], questionnaire: questionnaire, rules: .standard)
    }

    func test_withoutTargets_strengthsAreTheHighestLevels_andAreasTheLowest() {
        let glance = ReportGlance(
            report: report(["OM.1": 2, "OM.2": 2, "OM.3": 1, "OM.4": 0, "OM.5": 1]), previous: nil)
        XCTAssertEqual(glance.strengths, ["OM.1", "OM.2", "OM.3"])
        XCTAssertEqual(glance.developmentAreas, ["OM.4", "OM.5"], "never a strength and an area at once")
        XCTAssertFalse(glance.hasPrevious)
        XCTAssertEqual(glance.changes, [])
    }

    func test_withTargets_areasAreTheLargestShortfalls_andStrengthsMeetTheirTarget() {
        let glance = ReportGlance(
            report: report(["OM.1": 2, "OM.2": 0, "OM.3": 1], targets: ["OM.1": 1, "OM.2": 2, "OM.3": 2]),
            previous: nil)
        XCTAssertEqual(glance.developmentAreas, ["OM.2", "OM.3"])
        XCTAssertEqual(glance.strengths, ["OM.1"])
    }

    func test_changes_leaveOutSmallMoves_andPutTheLargestFirst() {
        let glance = ReportGlance(
            report: report(["OM.1": 2, "OM.2": 0, "OM.3": 1]),
            previous: report(["OM.1": 0, "OM.2": 1, "OM.3": 1]))
        XCTAssertTrue(glance.hasPrevious)
        XCTAssertEqual(glance.changes.map(\.competencyCode), ["OM.1", "OM.2"])
        XCTAssertEqual(glance.changes.map(\.levels), [2, -1])
    }
}

final class CycleProgressTests: XCTestCase {
    func test_ratesBySource_daysLeft_andSubjectsBelowTheAnonymityMinimum() {
        let cycleID = UUID()
        let (ana, ben) = (UUID(), UUID())
        let cycle = AssessmentCycle(
            id: cycleID, frameworkID: UUID(), frameworkName: "F",
            settings: CycleSettings(
                name: "Spring", sources: [.self, .peer], opensOn: CalendarDate("2026-12-01")!,
                closesOn: CalendarDate("2026-12-12")!, rules: AnonymityRules(minimumPeers: 3)),
            status: .open, questionnaireTitle: "Q")
        func invitation(_ subject: UUID, _ source: RaterSource, _ status: Invitation.Status = .approved) -> Invitation {
            Invitation(
                id: UUID(), cycleID: cycleID, subjectID: subject, subjectName: "", source: source,
                raterPersonID: UUID(),
                raterName: "", raterEmail: "", accountID: nil, status: status, issuedOn: nil, lastRemindedOn: nil,
                hasSubmitted: false)
        }
        let invitations =
            [invitation(ana, .self), invitation(ben, .self)] + (0..<3).map { _ in invitation(ana, .peer) }
            + [invitation(ben, .peer), invitation(ben, .peer), invitation(ben, .peer, .nominated)]
        let progress = CycleProgress(
            cycle: cycle, subjectIDs: [ana, ben], invitations: invitations, answered: [.self: 1, .peer: 0],
            today: CalendarDate("2026-12-02")!)
        XCTAssertEqual(progress.daysLeft, 10)
        XCTAssertEqual(progress.rates.map(\.source), [.self, .peer])
        XCTAssertEqual(progress.rates.map(\.invited), [2, 5], "a nominated peer is not invited yet")
        XCTAssertEqual(progress.rates[0].rate, 0.5)
        XCTAssertEqual(progress.subjectsShortOfRaters, 1, "Ben has two approved peers of the three needed")
    }
}
