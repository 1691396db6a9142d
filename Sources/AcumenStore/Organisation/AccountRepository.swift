import AcumenCore
import FluentKit
import Foundation

public struct AccountRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Validates the whole file against the people already known, then stores it in one transaction.
    /// - Parameter knownEmails: every person's e-mail (`PeopleRepository.allEmails`).
    public func importAccounts(csv text: String, knownEmails: Set<String>) async throws -> ImportSummary {
        try await store(try AccountsImport.records(fromCSV: text, knownEmails: knownEmails))
    }

    /// Creates or updates accounts by name; the member and reviewer lists are replaced.
    public func store(_ records: [AccountRecord]) async throws -> ImportSummary {
        try await database.transaction { database in
            var directory = try await Directory.load(on: database)
            let people = try await PersonRow.query(on: database).all()
            let personID = Dictionary(uniqueKeysWithValues: people.map { ($0.email.lowercased(), $0.id!) })
            let existing = try await AccountRow.query(on: database).all()
            let byName = Dictionary(
                existing.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            var summary = ImportSummary(created: 0, updated: 0)
            var members: [AccountMemberRow] = []
            for record in records {
                let account = byName[record.name.lowercased()] ?? AccountRow()
                let isNew = account.id == nil
                account.name = record.name
                account.$customer.id = try await directory.organisation(named: record.customer, on: database)
                guard let manager = personID[record.accountManagerEmail] else {
                    throw StoreError.notFound("Account manager \(record.accountManagerEmail)")
                }
                account.$accountManager.id = manager
                try await account.save(on: database)
                if isNew { summary.created += 1 } else { summary.updated += 1 }
                let accountID = try account.requireID()
                try await AccountMemberRow.query(on: database).filter(\.$account.$id == accountID).delete()
                members += record.memberEmails.compactMap { personID[$0] }.map {
                    AccountMemberRow(accountID: accountID, personID: $0, kind: .member)
                }
                members += record.reviewerEmails.compactMap { personID[$0] }.map {
                    AccountMemberRow(accountID: accountID, personID: $0, kind: .reviewer)
                }
            }
            try await Batch.create(members, on: database)
            return summary
        }
    }

    /// The accounts whose account manager, team members or reviewers include someone in
    /// Sets the language of the account's customers' forms and e-mails; nil follows their browsers.
    public func setLanguage(_ language: Language?, accountID: UUID) async throws {
        guard let account = try await AccountRow.find(accountID, on: database) else {
            throw StoreError.notFound("That account")
        }
        account.language = language?.rawValue
        try await account.save(on: database)
    }

    /// `visiblePeople` (`PeopleRepository.visiblePersonIDs`): programme staff (nil) see every
    /// account, anyone else those they manage, serve or review.
    public func accounts(visibleTo visiblePeople: Set<UUID>?) async throws -> [AccountSummary] {
        let accounts = try await AccountRow.query(on: database).with(\.$customer).with(\.$accountManager)
            .sort(\.$name).all()
        let members = try await AccountMemberRow.query(on: database).with(\.$person).all()
        let membersByAccount = Dictionary(grouping: members, by: { $0.$account.id })
        let summaries = accounts.map { account in
            let rows = membersByAccount[account.id!] ?? []
            return (
                AccountSummary(
                    id: account.id!, name: account.name, customer: account.customer.name,
                    accountManagerID: account.$accountManager.id, accountManagerName: account.accountManager.name,
                    memberNames: rows.filter { $0.kind == .member }.map(\.person.name),
                    reviewerNames: rows.filter { $0.kind == .reviewer }.map(\.person.name),
                    language: account.language.flatMap(Language.init(rawValue:))),
                Set(rows.map { $0.$person.id })
            )
        }
        guard let visiblePeople else {
            return summaries.map(\.0)
        }
        return summaries.filter { summary, people in
            visiblePeople.contains(summary.accountManagerID) || !people.isDisjoint(with: visiblePeople)
        }.map(\.0)
    }
}
