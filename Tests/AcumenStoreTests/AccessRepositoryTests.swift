import AcumenCore
import AcumenStore
import FluentKit
import XCTest

final class AccessRepositoryTests: XCTestCase {
    func test_sessions_expire() async throws {
        try await StoreHarness.onSQLite(sessionsExpire)
    }

    func test_sessions_expire_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(sessionsExpire)
    }

    private func sessionsExpire(database: any Database, label: String) async throws {
        let sessions = WebSessionRepository(database: database)
        let now = Date()
        try await sessions.create(tokenHash: "live", data: "{}", expiresAt: now.addingTimeInterval(60))
        try await sessions.create(tokenHash: "stale", data: "{}", expiresAt: now.addingTimeInterval(-1))
        let live = try await sessions.data(tokenHash: "live", now: now)
        let stale = try await sessions.data(tokenHash: "stale", now: now)
        XCTAssertEqual(live, "{}", label)
        XCTAssertNil(stale, label)
        try await sessions.deleteExpired(now: now)
        let later = try await sessions.data(tokenHash: "live", now: now.addingTimeInterval(120))
        XCTAssertNil(later, label)
    }

    func test_tokens_expire_andOnlyTheirHashFindsTheUser() async throws {
        try await StoreHarness.onSQLite(tokensExpireAndOnlyTheirHashFindsTheUser)
    }

    func test_tokens_expire_andOnlyTheirHashFindsTheUser_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(tokensExpireAndOnlyTheirHashFindsTheUser)
    }

    private func tokensExpireAndOnlyTheirHashFindsTheUser(database: any Database, label: String) async throws {
        let users = UserRepository(database: database)
        let user = try await users.create(email: "Api@X.example", passwordHash: "h", role: .supervisor)
        XCTAssertEqual(user.email, "api@x.example", "emails are stored lower-cased")
        let byID = try await users.user(id: user.id)
        XCTAssertEqual(byID, user, label)
        let missing = try await users.user(id: UUID())
        XCTAssertNil(missing, label)
        let now = Date()
        try await users.storeToken(hash: "digest", userID: user.id, expiresAt: now.addingTimeInterval(60))
        let found = try await users.user(tokenHash: "digest", now: now)
        XCTAssertEqual(found?.id, user.id, label)
        let expired = try await users.user(tokenHash: "digest", now: now.addingTimeInterval(61))
        XCTAssertNil(expired, label)
        let unknown = try await users.user(tokenHash: "other", now: now)
        XCTAssertNil(unknown, label)
    }

    func test_failedSignIns_countWithinTheWindow_andReset() async throws {
        try await StoreHarness.onSQLite(failedSignInsCountWithinTheWindowAndReset)
    }

    func test_failedSignIns_countWithinTheWindow_andReset_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(failedSignInsCountWithinTheWindowAndReset)
    }

    private func failedSignInsCountWithinTheWindowAndReset(database: any Database, label: String) async throws {
        let users = UserRepository(database: database)
        let start = Date()
        for _ in 0..<3 { try await users.recordFailedSignIn(subject: "s", now: start, window: 60) }
        let counted = try await users.failedSignIns(subject: "s", now: start.addingTimeInterval(30), window: 60)
        XCTAssertEqual(counted?.count, 3, label)
        let afterWindow = try await users.failedSignIns(subject: "s", now: start.addingTimeInterval(61), window: 60)
        XCTAssertNil(afterWindow, label)
        try await users.clearFailedSignIns(subject: "s")
        let cleared = try await users.failedSignIns(subject: "s", now: start, window: 60)
        XCTAssertNil(cleared, label)
    }

    func test_duplicateUser_isAConflict() async throws {
        try await StoreHarness.onSQLite(duplicateUserIsAConflict)
    }

    func test_duplicateUser_isAConflict_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(duplicateUserIsAConflict)
    }

    private func duplicateUserIsAConflict(database: any Database, _: String) async throws {
        let users = UserRepository(database: database)
        try await users.create(email: "a@x.example", passwordHash: "h", role: .administrator)
        do {
            try await users.create(email: "A@x.example", passwordHash: "h", role: .administrator)
            XCTFail("a second user with the same email was created")
        } catch StoreError.conflict {}
    }
}
