import AcumenCore
import FluentKit
import Foundation

/// Loads the demo organisation and the built-in frameworks. Running it again adds nothing new:
/// people and accounts are matched by email and name, frameworks and logins by name and email.
public struct DemoLoader: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public struct Outcome: Sendable {
        public var organisation: DemoOrganisation
        public var createdSomething: Bool
    }

    /// - Parameter passwordHash: the hash of `DemoOrganisation.password`, made by the caller's hasher.
    public func load(passwordHash: @Sendable () throws -> String) async throws -> Outcome {
        var generator = DemoGenerator()
        let demo = generator.generate()
        var created = false

        let known = try await PeopleRepository(database: database).allEmails()
        let missingPeople = demo.people.filter { !known.contains($0.email) }
        if !missingPeople.isEmpty {
            try await database.transaction { database in
                var directory = try await Directory.load(on: database)
                try await directory.renameVendor(to: demo.vendorName, on: database)
                _ = try await PeopleRepository(database: database).store(demo.people, events: demo.events)
                _ = try await AccountRepository(database: database).store(demo.accounts)
            }
            created = true
        }

        let frameworks = FrameworkRepository(database: database)
        for content in BuiltInLibrary.frameworks
        where try await FrameworkModel.query(on: database).filter(\.$name == content.name).first() == nil {
            try await frameworks.create(
                content, status: .published, roleProfiles: RoleProfile.standardProfiles(for: content))
            created = true
        }

        let users = UserRepository(database: database)
        var hash: String?
        for login in demo.logins where try await users.user(email: login.email) == nil {
            if hash == nil { hash = try passwordHash() }
            try await users.create(email: login.email, passwordHash: hash!, role: login.role)
            created = true
        }
        return Outcome(organisation: demo, createdSomething: created)
    }
}
