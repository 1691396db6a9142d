import AcumenCore
import Foundation
import XCTest

final class PolicyTests: XCTestCase {
    private let me = UUID()
    private let colleague = UUID()

    private func viewer(_ role: Role, person: UUID? = nil) -> Viewer {
        Viewer(userID: UUID(), email: "x@example.com", role: role, personID: person)
    }

    func test_reports_followTheCycleAndTheLine() {
        let own = AssessmentPolicy.Resource.subject(personID: me, cycleStatus: .closed, inViewersLine: true)
        XCTAssertFalse(AssessmentPolicy.allows(.readReport, viewer(.accountManager, person: me), own))
        XCTAssertTrue(
            AssessmentPolicy.allows(
                .readReport, viewer(.accountManager, person: me),
                .subject(personID: me, cycleStatus: .released, inViewersLine: true)))
        let report = AssessmentPolicy.Resource.subject(personID: colleague, cycleStatus: .closed, inViewersLine: true)
        XCTAssertTrue(AssessmentPolicy.allows(.readReport, viewer(.supervisor, person: me), report))
        XCTAssertFalse(
            AssessmentPolicy.allows(
                .readReport, viewer(.supervisor, person: me),
                .subject(personID: colleague, cycleStatus: .open, inViewersLine: true)),
            "not while the cycle is open")
        XCTAssertFalse(
            AssessmentPolicy.allows(
                .readReport, viewer(.supervisor, person: me),
                .subject(personID: colleague, cycleStatus: .closed, inViewersLine: false)),
            "not outside their line")
        XCTAssertFalse(AssessmentPolicy.allows(.readReport, viewer(.customerReviewer), report))
        XCTAssertTrue(AssessmentPolicy.allows(.readReport, viewer(.programmeManager), report))
    }

    func test_approvingPeers_isNeverTheSubjects() {
        let ownNomination = AssessmentPolicy.Resource.subject(personID: me, cycleStatus: .open, inViewersLine: true)
        XCTAssertFalse(AssessmentPolicy.allows(.approvePeers, viewer(.supervisor, person: me), ownNomination))
        XCTAssertTrue(AssessmentPolicy.allows(.nominatePeers, viewer(.accountManager, person: me), ownNomination))
        XCTAssertFalse(AssessmentPolicy.mayAttempt(.approvePeers, viewer(.accountManager, person: me)))
    }

    func test_allows_neverExceedsMayAttempt() {
        let resources: [AssessmentPolicy.Resource] = [
            .subject(personID: me, cycleStatus: .released, inViewersLine: true), .cycle(.released),
            .scorecard(interviewerUserID: UUID()),
        ]
        for role in Role.allCases {
            let someone = viewer(role, person: me)
            for action in AssessmentPolicy.Action.allCases where !AssessmentPolicy.mayAttempt(action, someone) {
                for resource in resources {
                    XCTAssertFalse(AssessmentPolicy.allows(action, someone, resource), "\(role) \(action)")
                }
            }
            for action in FrameworkPolicy.Action.allCases where !FrameworkPolicy.mayAttempt(action, someone) {
                XCTAssertFalse(FrameworkPolicy.allows(action, someone, .init(status: .draft, viewerIsReviewer: true)))
            }
        }
    }

    func test_drafts_areForEditorsAndTheirReviewers() {
        let draft = FrameworkPolicy.Resource(status: .draft, viewerIsReviewer: false)
        XCTAssertFalse(FrameworkPolicy.allows(.read, viewer(.supervisor), draft))
        XCTAssertTrue(FrameworkPolicy.allows(.read, viewer(.supervisor), .init(status: .draft, viewerIsReviewer: true)))
        XCTAssertTrue(
            FrameworkPolicy.allows(.comment, viewer(.supervisor), .init(status: .draft, viewerIsReviewer: true)))
        XCTAssertFalse(
            FrameworkPolicy.allows(.comment, viewer(.supervisor), .init(status: .published, viewerIsReviewer: true)))
        XCTAssertTrue(FrameworkPolicy.allows(.read, viewer(.accountManager), .init(status: .published)))
        XCTAssertFalse(FrameworkPolicy.isPublic(.draft))
    }

    func test_calibration_isBlindForProgrammeStaff() {
        let open = CalibrationPolicy.Resource.exercise(status: .open, viewerTakesPart: true)
        XCTAssertFalse(CalibrationPolicy.allows(.rate, viewer(.programmeManager), open))
        XCTAssertTrue(CalibrationPolicy.allows(.see, viewer(.programmeManager), open))
        XCTAssertTrue(CalibrationPolicy.allows(.rate, viewer(.supervisor), open))
        XCTAssertFalse(
            CalibrationPolicy.allows(.see, viewer(.supervisor), .exercise(status: .draft, viewerTakesPart: true)))
        XCTAssertFalse(CalibrationPolicy.canTakePart(.administrator))
        let someone = viewer(.supervisor)
        XCTAssertTrue(CalibrationPolicy.allows(.secondRate, someone, .secondRating(raterUserID: someone.userID)))
        XCTAssertFalse(CalibrationPolicy.allows(.secondRate, someone, .secondRating(raterUserID: UUID())))
    }

    func test_aPersonsDashboard_isTheirs_theirSupervisorsAndProgrammeStaffs() {
        let me = UUID()
        let own = AnalyticsPolicy.Resource(isOwn: true)
        let inLine = AnalyticsPolicy.Resource(inViewersLine: true)
        let stranger = AnalyticsPolicy.Resource()
        XCTAssertTrue(AnalyticsPolicy.allows(.readIndividual, viewer(.accountManager, person: me), own))
        XCTAssertFalse(AnalyticsPolicy.allows(.readIndividual, viewer(.accountManager, person: me), stranger))
        XCTAssertTrue(AnalyticsPolicy.allows(.readIndividual, viewer(.supervisor, person: me), inLine))
        XCTAssertFalse(AnalyticsPolicy.allows(.readIndividual, viewer(.supervisor, person: me), stranger))
        XCTAssertTrue(AnalyticsPolicy.allows(.readIndividual, viewer(.programmeManager), stranger))
        XCTAssertFalse(AnalyticsPolicy.allows(.readIndividual, viewer(.customerReviewer), own), "not even when named")
    }

    func test_programmeFigures_areForThoseWhoRunTheProgramme() {
        for role in Role.allCases {
            XCTAssertEqual(
                AnalyticsPolicy.mayAttempt(.readProgramme, viewer(role)),
                role == .administrator || role == .programmeManager,
                role.rawValue)
        }
    }

    func test_groupResults_areForProgrammeStaffAndSupervisors() {
        for role in Role.allCases {
            XCTAssertEqual(
                AnalyticsPolicy.mayAttempt(.readGroups, viewer(role)),
                role == .administrator || role == .programmeManager || role == .supervisor,
                role.rawValue)
        }
    }
}
