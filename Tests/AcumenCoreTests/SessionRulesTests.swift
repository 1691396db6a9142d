import AcumenCore
import Foundation
import XCTest

final class SessionRulesTests: XCTestCase {
    func test_seatsGoFirstComeFirstServed_andTheWaitingMoveUpAsSeatsFree() {
        XCTAssertEqual(SeatRules.status(forNewRequestWith: 11, seats: 12), .enrolled)
        XCTAssertEqual(SeatRules.status(forNewRequestWith: 12, seats: 12), .waiting)
        XCTAssertEqual(SeatRules.promotions(taken: 11, seats: 12, waiting: 3), 1)
        XCTAssertEqual(SeatRules.promotions(taken: 12, seats: 12, waiting: 3), 0)
        XCTAssertEqual(SeatRules.promotions(taken: 5, seats: 12, waiting: 3), 3)
        XCTAssertTrue(SeatStatus.attended.takesSeat)
        XCTAssertFalse(SeatStatus.waiting.takesSeat)
    }

    func test_aSession_namesEveryProblemByItsField() {
        let today = CalendarDate(year: 2027, month: 3, day: 1)!
        XCTAssertEqual(
            ScheduledSession.problems(
                startsOn: CalendarDate("2027-03-08"), startTime: "09:30", durationMinutes: 180,
                place: "Singapore, Singapore", timeZone: "Asia/Singapore", seats: 12, trainerEmail: "t@example.com",
                today: today), [])
        let problems = ScheduledSession.problems(
            startsOn: CalendarDate("2027-02-01"), startTime: "9.30", durationMinutes: 0, place: " ",
            timeZone: "Mars/Olympus", seats: 0, trainerEmail: "nobody", today: today)
        XCTAssertEqual(
            problems.map(\.location),
            ["startsOn", "startTime", "durationMinutes", "place", "timeZone", "seats", "trainerEmail"])
    }
}
