import AcumenCore
import FluentKit
import Foundation
import SQLKit

public struct UserRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Creates a login; the person with the same email, if any, is linked to it.
    @discardableResult
    public func create(email: String, passwordHash: String, role: Role) async throws -> UserAccount {
        let email = email.lowercased().trimmingCharacters(in: .whitespaces)
        guard EmailAddress.isValid(email) else {
            throw StoreError.invalid([
                ValidationProblem(location: "email", message: "'\(email)' is not an email address")
            ])
        }
        if try await UserRow.query(on: database).filter(\.$email == email).first() != nil {
            throw StoreError.conflict("A user with email \(email) already exists.")
        }
        let user = UserRow()
        user.email = email
        user.passwordHash = passwordHash
        user.role = role
        // The person with the same e-mail, if any: a login for a colleague sees their own records.
        user.$person.id = try await database.sql.raw("SELECT id FROM people WHERE email = \(bind: email)")
            .first(decodingColumn: "id", as: UUID.self)
        try await user.create(on: database)
        return user.account
    }

    public func user(email: String) async throws -> UserAccount? {
        try await UserRow.query(on: database).filter(\.$email == email.lowercased()).first()?.account
    }

    /// Read with plain SQL: every signed-in request looks its user up.
    public func user(id: UUID) async throws -> UserAccount? {
        guard
            let row = try await database.sql.select()
                .columns("id", "email", "password_hash", "role", "person_id", "disabled_at", "language")
                .from(UserRow.schema)
                .where("id", .equal, id).first()
        else { return nil }
        guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { return nil }
        return UserAccount(
            id: try row.decode(column: "id", as: UUID.self), email: try row.decode(column: "email", as: String.self),
            role: role, personID: try row.decode(column: "person_id", as: UUID?.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            isDisabled: try row.decode(column: "disabled_at", as: Date?.self) != nil,
            language: try row.decode(column: "language", as: String?.self).flatMap(Language.init(rawValue:)))
    }

    public func users() async throws -> [UserAccount] {
        try await UserRow.query(on: database).sort(\.$email).all().map(\.account)
    }

    /// Disables or re-enables a login. A disabled user's sessions and tokens stop working at
    /// once, because every request looks the user up.
    public func setDisabled(userID: UUID, _ disabled: Bool, at date: Date = Date()) async throws {
        guard let user = try await UserRow.find(userID, on: database) else { throw StoreError.notFound("That user") }
        user.disabledAt = disabled ? date : nil
        try await user.save(on: database)
    }

    /// The languages chosen by the users of these people, for e-mails to them; people without
    /// a login, or who chose none, are left out.
    public func languages(personIDs: Set<UUID>) async throws -> [UUID: Language] {
        var languages: [UUID: Language] = [:]
        for chunk in Array(personIDs).chunked(into: 500) {
            let rows = try await database.sql.select().columns("person_id", "language").from(UserRow.schema)
                .where("person_id", .in, SQLBind.group(Array(chunk))).where("language", .isNot, SQLLiteral.null).all()
            for row in rows {
                if let id = try row.decode(column: "person_id", as: UUID?.self),
                    let language = try row.decode(column: "language", as: String?.self).flatMap(
                        Language.init(rawValue:))
                {
                    languages[id] = language
                }
            }
        }
        return languages
    }

    /// Stores the user's language; nil returns them to their browser's.
    public func setLanguage(userID: UUID, _ language: Language?) async throws {
        try await database.sql.update(UserRow.schema).set("language", to: SQLBind(language?.rawValue))
            .where("id", .equal, SQLBind(userID)).run()
    }

    public func setPassword(userID: UUID, passwordHash: String) async throws {
        guard let user = try await UserRow.find(userID, on: database) else { throw StoreError.notFound("That user") }
        user.passwordHash = passwordHash
        try await user.save(on: database)
    }

    // MARK: API tokens

    public func storeToken(hash: String, userID: UUID, expiresAt: Date) async throws {
        let token = APITokenRow()
        token.$user.id = userID
        token.tokenHash = hash
        token.expiresAt = expiresAt
        try await token.create(on: database)
    }

    /// The user a bearer token belongs to, if the token exists, has not expired and the user is enabled.
    public func user(tokenHash: String, now: Date = Date()) async throws -> UserAccount? {
        guard
            let token = try await APITokenRow.query(on: database).filter(\.$tokenHash == tokenHash)
                .filter(\.$expiresAt > now).with(\.$user).first()
        else { return nil }
        let account = token.user.account
        return account.isDisabled ? nil : account
    }

    // MARK: Sign-in throttling

    /// Records a failed sign-in and returns how many failures the subject has in the current window.
    @discardableResult
    public func recordFailedSignIn(subject: String, now: Date = Date(), window: TimeInterval) async throws -> Int {
        let row =
            try await LoginThrottleRow.query(on: database).filter(\.$subject == subject).first()
            ?? LoginThrottleRow()
        if row.id == nil || now.timeIntervalSince(row.windowStartedAt) > window {
            row.subject = subject
            row.failures = 0
            row.windowStartedAt = now
        }
        row.failures += 1
        try await row.save(on: database)
        return row.failures
    }

    /// How many failures the subject has in the current window, and when the last one was.
    public func failedSignIns(subject: String, now: Date = Date(), window: TimeInterval) async throws -> (
        count: Int, last: Date
    )? {
        guard let row = try await LoginThrottleRow.query(on: database).filter(\.$subject == subject).first(),
            now.timeIntervalSince(row.windowStartedAt) <= window
        else { return nil }
        return (row.failures, row.updatedAt ?? row.windowStartedAt)
    }

    /// Forgets failures whose window began before `date`, so that guesses at many made-up
    /// e-mails do not pile up.
    public func forgetFailedSignIns(before date: Date) async throws {
        try await LoginThrottleRow.query(on: database).filter(\.$windowStartedAt < date).delete()
    }

    public func clearFailedSignIns(subject: String) async throws {
        try await LoginThrottleRow.query(on: database).filter(\.$subject == subject).delete()
    }
}

extension UserRow {
    var account: UserAccount {
        UserAccount(
            id: id!, email: email, role: role, personID: $person.id, passwordHash: passwordHash,
            isDisabled: disabledAt != nil, language: language.flatMap(Language.init(rawValue:)))
    }
}
