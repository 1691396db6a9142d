import AcumenCore
import AcumenStore
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

/// The API lists that other operations take their ids from: accounts and calibration exercises.
final class ListingRoutesTests: XCTestCase {
    typealias Client = AssessmentRoutesTests.Client

    private struct Listed: Decodable {
        struct Item: Decodable {
            var id: UUID
            var name: String?
        }
        var accounts: [Item]?
        var exercises: [Item]?
    }

    /// Programme staff list every account; an account manager only the accounts they manage or
    /// serve, the same as the accounts page shows them.
    func test_accounts_areListedAsTheCallerMaySeeThem() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let all = try await manager.call(.GET, "/api/v1/accounts", expect: .ok)
            let everyAccount = try all.content.decode(Listed.self).accounts?.compactMap(\.name) ?? []
            let stored = try await AccountRepository(database: app.db).accounts(visibleTo: nil)
            XCTAssertEqual(everyAccount, stored.map(\.name))

            let accountManager = Client(
                app: app, token: try await WebHarness.token(for: .accountManager, app: app, demo: demo))
            let own = try await accountManager.call(.GET, "/api/v1/accounts", expect: .ok)
            let ownIDs = try own.content.decode(Listed.self).accounts?.map(\.id) ?? []
            let login = try XCTUnwrap(demo.logins.first { $0.role == .accountManager })
            let user = try await UserRepository(database: app.db).user(email: login.email)
            let visible = try await PeopleRepository(database: app.db).visiblePersonIDs(for: try XCTUnwrap(user).viewer)
            let expected = try await AccountRepository(database: app.db).accounts(visibleTo: visible).map(\.id)
            XCTAssertEqual(ownIDs, expected)
            XCTAssertFalse(ownIDs.isEmpty, "the demo account manager serves accounts")
            XCTAssertLessThan(ownIDs.count, everyAccount.count, "but not every one")
        }
    }

    /// Programme staff list the calibration exercises (ids that lead to their results); nobody
    /// else may.
    func test_calibrationExercises_areListedForProgrammeStaffOnly() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let listed = try await manager.call(.GET, "/api/v1/calibration/exercises", expect: .ok)
            let ids = try listed.content.decode(Listed.self).exercises?.map(\.id) ?? []
            let stored = try await CalibrationRepository(database: app.db).summaries().map(\.exercise.id)
            XCTAssertEqual(ids, stored)
            XCTAssertFalse(ids.isEmpty, "the demo has an exercise")
            try await manager.call(.GET, "/api/v1/calibration/\(ids[0])/results", expect: .ok)
            let supervisor = Client(
                app: app, token: try await WebHarness.token(for: .supervisor, app: app, demo: demo))
            try await supervisor.call(.GET, "/api/v1/calibration/exercises", expect: .forbidden)
        }
    }
}
