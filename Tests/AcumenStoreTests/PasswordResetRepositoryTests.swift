import AcumenCore
import AcumenStore
import FluentKit
import XCTest

final class PasswordResetRepositoryTests: XCTestCase {
    func test_aLink_worksOnce_withinItsLifetime_forAnEnabledUser() async throws {
        try await StoreHarness.onSQLite(linksWorkOnce)
    }

    func test_aLink_worksOnce_withinItsLifetime_forAnEnabledUser_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(linksWorkOnce)
    }

    private func linksWorkOnce(database: any Database, label: String) async throws {
        let users = UserRepository(database: database)
        let user = try await users.create(email: "reset@x.example", passwordHash: "old", role: .supervisor)
        let other = try await users.create(email: "other@x.example", passwordHash: "theirs", role: .supervisor)
        let resets = PasswordResetRepository(database: database)
        let now = Date()
        for (hash, owner) in [("first", user.id), ("second", user.id), ("others", other.id)] {
            let issued = try await resets.issue(
                userID: owner, tokenHash: hash, lifetime: 3600, limit: 3, window: 3600, now: now)
            XCTAssertTrue(issued, label)
        }
        try await users.storeToken(hash: "api", userID: user.id, expiresAt: now.addingTimeInterval(600))

        let expired = try await resets.redeem(tokenHash: "first", passwordHash: "x", now: now.addingTimeInterval(3601))
        XCTAssertNil(expired, "an hour later the link is dead (\(label))")
        let redeemed = try await resets.redeem(tokenHash: "first", passwordHash: "new", now: now)
        XCTAssertEqual(redeemed, user.id, label)
        let stored = try await users.user(id: user.id)
        XCTAssertEqual(stored?.passwordHash, "new", label)
        let again = try await resets.redeem(tokenHash: "first", passwordHash: "again", now: now)
        XCTAssertNil(again, "a link works once (\(label))")
        let sibling = try await resets.isUsable(tokenHash: "second", now: now)
        XCTAssertFalse(sibling, "setting a password retires the user's other links (\(label))")
        let token = try await users.user(tokenHash: "api", now: now)
        XCTAssertNil(token, "the user's API tokens end (\(label))")
        let othersLink = try await resets.isUsable(tokenHash: "others", now: now)
        XCTAssertTrue(othersLink, "another user's link is untouched (\(label))")
        let untouched = try await users.user(id: other.id)
        XCTAssertEqual(untouched?.passwordHash, "theirs", label)

        try await users.setDisabled(userID: other.id, true)
        let disabled = try await resets.redeem(tokenHash: "others", passwordHash: "x", now: now)
        XCTAssertNil(disabled, "a disabled account's link sets nothing (\(label))")
    }

    func test_linksPerUser_areLimitedWithinTheWindow() async throws {
        try await StoreHarness.onSQLite(linksAreLimited)
    }

    func test_linksPerUser_areLimitedWithinTheWindow_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(linksAreLimited)
    }

    private func linksAreLimited(database: any Database, label: String) async throws {
        let user = try await UserRepository(database: database).create(
            email: "many@x.example", passwordHash: "h", role: .accountManager)
        let resets = PasswordResetRepository(database: database)
        let now = Date()
        var issued: [Bool] = []
        for index in 0..<4 {
            issued.append(
                try await resets.issue(
                    userID: user.id, tokenHash: "t\(index)", lifetime: 3600, limit: 3, window: 3600,
                    now: now.addingTimeInterval(Double(index))))
        }
        XCTAssertEqual(issued, [true, true, true, false], label)
        let later = try await resets.issue(
            userID: user.id, tokenHash: "later", lifetime: 3600, limit: 3, window: 3600,
            now: now.addingTimeInterval(3700))
        XCTAssertTrue(later, "after the window another link may be sent (\(label))")
    }

    /// Requests for links at the same moment count each other: no more than the limit is issued.
    func test_linksAskedForAtOnce_stayWithinTheLimit_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL { database, label in
            let user = try await UserRepository(database: database).create(
                email: "burst@x.example", passwordHash: "h", role: .accountManager)
            let resets = PasswordResetRepository(database: database)
            let issued = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await resets.issue(
                            userID: user.id, tokenHash: "burst\(index)", lifetime: 3600, limit: 3, window: 3600)
                    }
                }
                return try await group.reduce(into: 0) { count, issued in count += issued ? 1 : 0 }
            }
            XCTAssertEqual(issued, 3, label)
        }
    }

    /// Two requests racing with one link: exactly one sets its password.
    func test_oneLinkUsedTwiceAtOnce_setsOnePassword_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL { database, label in
            let user = try await UserRepository(database: database).create(
                email: "race@x.example", passwordHash: "h", role: .accountManager)
            let resets = PasswordResetRepository(database: database)
            _ = try await resets.issue(userID: user.id, tokenHash: "race", lifetime: 3600, limit: 3, window: 3600)
            let winners = try await withThrowingTaskGroup(of: UUID?.self) { group in
                for index in 0..<8 {
                    group.addTask { try await resets.redeem(tokenHash: "race", passwordHash: "p\(index)") }
                }
                return try await group.reduce(into: 0) { count, result in count += result == nil ? 0 : 1 }
            }
            XCTAssertEqual(winners, 1, label)
        }
    }
}
