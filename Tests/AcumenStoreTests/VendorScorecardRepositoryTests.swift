import AcumenCore
import AcumenStore
import FluentKit
import XCTest

final class VendorScorecardRepositoryTests: XCTestCase {
    func test_aCustomersEntries_areItsOwn() async throws {
        try await StoreHarness.onSQLite(entriesAreTheCustomersOwn)
    }

    func test_aCustomersEntries_areItsOwn_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(entriesAreTheCustomersOwn)
    }

    private func entriesAreTheCustomersOwn(database: any Database, label: String) async throws {
        _ = try await AssessmentFixture.make(on: database)
        let people = PeopleRepository(database: database)
        _ = try await people.importPeople(
            csv: "name,email,job_title,hire_date,organisation\nOla Other,ola@other.example,Buyer,2020-01-01,Other Co\n")
        let repository = VendorScorecardRepository(database: database)
        let cy = try await people.personID(email: "cy@client.example")!
        let ola = try await people.personID(email: "ola@other.example")!
        let ana = try await people.personID(email: "ana@x.example")!
        let clientFound = try await repository.customer(ofPerson: cy)
        let otherFound = try await repository.customer(ofPerson: ola)
        let client = try XCTUnwrap(clientFound)
        let other = try XCTUnwrap(otherFound)
        XCTAssertEqual(client.name, "Client Co", label)
        let vendorStaff = try await repository.customer(ofPerson: ana)
        XCTAssertNil(vendorStaff, "\(label): the vendor's own people have no customer")

        let meridian = try await repository.addVendor(named: "Meridian", customerID: client.id)
        do {
            _ = try await repository.addVendor(named: "MERIDIAN", customerID: client.id)
            XCTFail("\(label): the same name in other capitals")
        } catch let error as StoreError {
            XCTAssertEqual(error, .conflict("MERIDIAN is already on the scorecard."), label)
        }
        _ = try await repository.addVendor(named: "Meridian", customerID: other.id)

        let user = try await UserRepository(database: database).create(
            email: "cy@client.example", passwordHash: "x", role: .customerReviewer)
        try await repository.addRating(
            vendorID: meridian, customerID: client.id, year: 2026,
            answers: [("q1", "OM.1", .always), ("q2", "OM.2", .dontKnow)], byUserID: user.id,
            on: CalendarDate("2026-06-30")!)
        do {
            try await repository.addRating(
                vendorID: meridian, customerID: other.id, year: 2026, answers: [("q1", "OM.1", .never)],
                byUserID: user.id, on: CalendarDate("2026-06-30")!)
            XCTFail("\(label): another customer's vendor")
        } catch let error as StoreError {
            XCTAssertEqual(error, .notFound("That vendor"), label)
        }
        let ratings = try await repository.ratings(customerID: client.id)
        XCTAssertEqual(ratings.count, 1, label)
        XCTAssertEqual(ratings.first?.answers, ["q1": .always, "q2": .dontKnow], label)
        XCTAssertEqual(ratings.first?.competencyOf, ["q1": "OM.1", "q2": "OM.2"], label)
        let othersRatings = try await repository.ratings(customerID: other.id)
        XCTAssertEqual(othersRatings, [], label)
        XCTAssertEqual(ratings.first?.ratedOn, CalendarDate("2026-06-30"), label)

        // Removing a questionnaire entered by mistake: another customer cannot, its own can.
        let rating = try XCTUnwrap(ratings.first).id
        let byID = try await repository.ratings(customerID: client.id, id: rating)
        XCTAssertEqual(byID, ratings, label)
        let byAnotherCustomer = try await repository.ratings(customerID: other.id, id: rating)
        XCTAssertEqual(byAnotherCustomer, [], "\(label): only the customer's own")
        let unknown = try await repository.ratings(customerID: client.id, id: UUID())
        XCTAssertEqual(unknown, [], label)
        do {
            try await repository.removeRating(id: rating, customerID: other.id)
            XCTFail("\(label): another customer's questionnaire")
        } catch let error as StoreError {
            XCTAssertEqual(error, .notFound("That questionnaire"), label)
        }
        let stillThere = try await repository.ratings(customerID: client.id)
        XCTAssertEqual(stillThere.count, 1, label)
        try await repository.removeRating(id: rating, customerID: client.id)
        let gone = try await repository.ratings(customerID: client.id)
        XCTAssertEqual(gone, [], label)

        let action = try await repository.addAction(
            vendorID: meridian, customerID: client.id, year: 2025, title: "Quarterly cost report", ownerName: "Lena",
            dueDate: CalendarDate("2026-03-31"))
        try await repository.setStatus(.done, actionID: action, customerID: client.id)
        do {
            try await repository.setStatus(.dropped, actionID: action, customerID: other.id)
            XCTFail("\(label): another customer's action")
        } catch let error as StoreError {
            XCTAssertEqual(error, .notFound("That action"), label)
        }
        let actions = try await repository.actions(customerID: client.id)
        XCTAssertEqual(actions.map(\.status), [.done], label)
        XCTAssertEqual(actions.first?.dueDate, CalendarDate("2026-03-31"), label)
        let host = try await repository.hostVendorName()
        XCTAssertFalse(host.isEmpty, label)
    }
}
