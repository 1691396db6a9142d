import AcumenCore
import XCTest

final class PeopleImportTests: XCTestCase {
    let header = "name,email,job_title,hire_date,location,country,team,supervisor_email,employment_status,end_date\n"

    func test_validFile_givesRecords_withSupervisorsLaterInTheFile() throws {
        let csv =
            header + "Ana Ruiz,ana@x.example,Account Manager,2024-02-01,Madrid,Spain,Iberia,lead@x.example,,\n"
            + "Lea Lead,lead@x.example,Team Lead,2019-05-06,remote,,Iberia,,,\n"
        let records = try PeopleImport.records(fromCSV: csv, existingEmails: [])
        XCTAssertEqual(records.map(\.email), ["ana@x.example", "lead@x.example"])
        XCTAssertEqual(records[0].hireDate, CalendarDate(year: 2024, month: 2, day: 1))
        XCTAssertTrue(records[1].isRemote)
    }

    func test_everyBadRow_isReported_withItsLineNumber() {
        let csv =
            header + "Ana,ana@x.example,AM,2024-02-01,,,,,,\n" + "Bo,not-an-email,AM,2024-13-01,,,,,,\n"
            + "Cy,ana@x.example,AM,2024-01-01,,,,ghost@x.example,left,\n"
        XCTAssertThrowsError(try PeopleImport.records(fromCSV: csv, existingEmails: [])) { error in
            let report = error as! ImportReport
            let lines = report.problems.map(\.line)
            XCTAssertEqual(Set(lines), [3, 4])
            let text = report.description
            XCTAssertTrue(text.contains("Line 3: email 'not-an-email' is not an email address"), text)
            XCTAssertTrue(text.contains("hire_date '2024-13-01' is not a date (expected YYYY-MM-DD)"), text)
            XCTAssertTrue(text.contains("Line 4: email 'ana@x.example' already appears on line 2"), text)
            XCTAssertTrue(text.contains("end_date is required when employment_status is left"), text)
        }
    }

    func test_aLeaversReason_isRead_andRefusedWhereItCannotApply() throws {
        let columns = "name,email,job_title,hire_date,employment_status,end_date,leaving_reason\n"
        let records = try PeopleImport.records(
            fromCSV: columns + "Ana,ana@x.example,AM,2020-01-01,left,2025-06-30,Voluntary\n"
                + "Bo,bo@x.example,AM,2020-01-01,left,2025-07-31,involuntary\n"
                + "Cy,cy@x.example,AM,2020-01-01,left,2025-08-31,\n",
            existingEmails: [])
        XCTAssertEqual(records.map(\.leavingReason), [.voluntary, .involuntary, nil])
        XCTAssertThrowsError(
            try PeopleImport.records(
                fromCSV: columns + "Ana,ana@x.example,AM,2020-01-01,left,2025-06-30,retired\n"
                    + "Bo,bo@x.example,AM,2020-01-01,active,,voluntary\n",
                existingEmails: [])
        ) { error in
            let text = (error as! ImportReport).description
            XCTAssertTrue(text.contains("Line 2: leaving_reason 'retired' must be voluntary or involuntary"), text)
            XCTAssertTrue(
                text.contains("Line 3: leaving_reason is only for someone whose employment_status is left"), text)
        }
    }

    func test_unknownSupervisor_isAnError_butAStoredOneIsFine() throws {
        let csv = header + "Ana,ana@x.example,AM,2024-02-01,,,,boss@x.example,,\n"
        XCTAssertThrowsError(try PeopleImport.records(fromCSV: csv, existingEmails: []))
        XCTAssertEqual(try PeopleImport.records(fromCSV: csv, existingEmails: ["boss@x.example"]).count, 1)
    }

    func test_missingColumns_areNamed() {
        XCTAssertThrowsError(try PeopleImport.records(fromCSV: "name,email\nA,a@x.example\n", existingEmails: [])) {
            error in
            XCTAssertTrue("\(error)".contains("missing columns job_title, hire_date"), "\(error)")
        }
    }

    func test_quotedFields_andByteOrderMark_areRead() throws {
        let csv = "\u{FEFF}" + header + "\"Ruiz, Ana\",ana@x.example,\"Account Manager, Senior\",2024-02-01,,,,,,\n"
        let records = try PeopleImport.records(fromCSV: csv, existingEmails: [])
        XCTAssertEqual(records.first?.name, "Ruiz, Ana")
    }

    func test_calendarDates_rejectImpossibleDays() {
        XCTAssertNil(CalendarDate("2025-02-29"))
        XCTAssertNotNil(CalendarDate("2024-02-29"))
        XCTAssertNil(CalendarDate("24-02-01"))
        XCTAssertEqual(CalendarDate("2024-01-31")!.adding(months: 1).description, "2024-02-29")
    }
}
