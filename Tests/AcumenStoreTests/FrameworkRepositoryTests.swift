import AcumenCore
import AcumenStore
import FluentKit
import XCTest

final class FrameworkRepositoryTests: XCTestCase {
    func test_storedFramework_readsBackIdentically() async throws {
        try await StoreHarness.onSQLite(storedFrameworkReadsBackIdentically)
    }

    func test_storedFramework_readsBackIdentically_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(storedFrameworkReadsBackIdentically)
    }

    private func storedFrameworkReadsBackIdentically(database: any Database, label: String) async throws {
        let repository = FrameworkRepository(database: database)
        let content = GlobalMobilityAccountManagerFramework.content
        let summary = try await repository.create(
            content, status: .published, roleProfiles: RoleProfile.standardProfiles(for: content))
        let loaded = try await repository.version(id: summary.id)
        XCTAssertEqual(loaded.content, content, label)
        XCTAssertEqual(Set(loaded.roleProfiles), Set(RoleProfile.standardProfiles(for: content)), label)
        XCTAssertEqual(loaded.summary.version, 1, label)
    }

    func test_publishedVersion_cannotChange_butANewDraftCan() async throws {
        try await StoreHarness.onSQLite(publishedVersionCannotChangeButANewDraftCan)
    }

    func test_publishedVersion_cannotChange_butANewDraftCan_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(publishedVersionCannotChangeButANewDraftCan)
    }

    private func publishedVersionCannotChangeButANewDraftCan(database: any Database, label: String) async throws {
        let repository = FrameworkRepository(database: database)
        let original = GeneralAccountManagementFramework.content
        let published = try await repository.create(original, status: .published)
        var edited = original
        edited.name = "Changed"
        do {
            try await repository.update(id: published.id, to: edited)
            XCTFail("a published version changed (\(label))")
        } catch StoreError.conflict(let message) {
            XCTAssertTrue(message.contains("cannot change"), message)
        }
        let draft = try await repository.startNewVersion(from: published.id)
        XCTAssertEqual(draft.version, 2, label)
        XCTAssertEqual(draft.lineageID, published.lineageID, label)
        var draftContent = try await repository.version(id: draft.id).content
        draftContent.categories[0].competencies[0].standards[0].behaviours.append("Keeps a negotiation log.")
        try await repository.update(id: draft.id, to: draftContent)
        _ = try await repository.publish(id: draft.id)

        let first = try await repository.version(id: published.id)
        XCTAssertEqual(first.content, original, "version 1 is untouched (\(label))")
        XCTAssertEqual(first.summary.status, .retired, label)
        let second = try await repository.version(id: draft.id)
        XCTAssertEqual(second.summary.status, .published, label)
        XCTAssertEqual(
            second.content.categories[0].competencies[0].standards[0].behaviours.last, "Keeps a negotiation log.")
    }

    func test_importedFramework_keepsItsIndicators_andWhereItCameFrom() async throws {
        try await StoreHarness.onSQLite(importedFrameworkKeepsItsIndicatorsAndWhereItCameFrom)
    }

    func test_importedFramework_keepsItsIndicators_andWhereItCameFrom_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(importedFrameworkKeepsItsIndicatorsAndWhereItCameFrom)
    }

    private func importedFrameworkKeepsItsIndicatorsAndWhereItCameFrom(database: any Database, label: String)
        async throws
    {
        let repository = FrameworkRepository(database: database)
        var content = GeneralAccountManagementFramework.content
        let asks = IndicatorContent(code: "IND.1", title: "Asks", description: "About goals")
        content.categories[0].competencies[0].indicators = [
            asks, IndicatorContent(code: "IND.1.1", title: "Writes down", parent: asks.identifier),
            IndicatorContent(code: "IND.2", title: "Checks back"),
        ]
        let address = "https://case.example.org/ims/case/v1p1/CFPackages/\(content.identifier.lowercasedString)"
        let origin = FrameworkOrigin(
            source: .caseProvider, url: address, importedAt: Date(timeIntervalSince1970: 1_800_000_000),
            notes: ["IND.1.1 was generated"])
        let first = try await repository.create(content, status: .draft, origin: origin)
        let stored = try await repository.version(id: first.id)
        XCTAssertEqual(stored.content, content, "indicators read back in order with their parents (\(label))")
        let storedOrigin = try await repository.origin(of: first.id)
        XCTAssertEqual(storedOrigin, origin, label)
        let latest = try await repository.latestVersion(fetchedFrom: address)
        XCTAssertEqual(latest?.id, first.id, label)
        let unknown = try await repository.latestVersion(fetchedFrom: address + "0")
        XCTAssertNil(unknown, label)

        // Saving the draft without them removes them; they are not rated, so nothing else refers to them.
        var edited = stored.content
        edited.categories[0].competencies[0].indicators.removeLast()
        try await repository.update(id: first.id, to: edited)
        let afterEdit = try await repository.version(id: first.id)
        XCTAssertEqual(afterEdit.content.competencies[0].indicators.map(\.code), ["IND.1", "IND.1.1"], label)

        _ = try await repository.publish(id: first.id)
        var fetched = edited.withFreshIdentifiers()
        fetched.categories[0].competencies[0].title = "Renamed at the provider"
        let second = try await repository.addVersion(
            fetched, after: first.id, origin: FrameworkOrigin(source: .caseProvider, url: address))
        XCTAssertEqual(second.version, 2, label)
        XCTAssertEqual(second.lineageID, first.lineageID, label)
        let providerAddress = try await repository.providerAddress(lineageID: first.lineageID)
        XCTAssertEqual(providerAddress, address, label)
        let latestAfter = try await repository.latestVersion(fetchedFrom: address)
        XCTAssertEqual(latestAfter?.id, second.id, label)
        let secondContent = try await repository.version(id: second.id).content
        XCTAssertEqual(secondContent.competencies[0].indicators.count, 2, label)
        do {
            _ = try await repository.addVersion(
                fetched.withFreshIdentifiers(), after: first.id, origin: FrameworkOrigin(source: .caseProvider))
            XCTFail("a second draft was added (\(label))")
        } catch StoreError.conflict {}
    }

    func test_onlyOneDraftPerFramework() async throws {
        try await StoreHarness.onSQLite(onlyOneDraftPerFramework)
    }

    func test_onlyOneDraftPerFramework_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(onlyOneDraftPerFramework)
    }

    private func onlyOneDraftPerFramework(database: any Database, _: String) async throws {
        let repository = FrameworkRepository(database: database)
        let published = try await repository.create(GeneralAccountManagementFramework.content, status: .published)
        _ = try await repository.startNewVersion(from: published.id)
        do {
            _ = try await repository.startNewVersion(from: published.id)
            XCTFail("a second draft was started")
        } catch StoreError.conflict {}
    }

    func test_removedCompetency_isArchived_andItsCommentsSurvive() async throws {
        try await StoreHarness.onSQLite(removedCompetencyIsArchivedAndItsCommentsSurvive)
    }

    func test_removedCompetency_isArchived_andItsCommentsSurvive_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(removedCompetencyIsArchivedAndItsCommentsSurvive)
    }

    private func removedCompetencyIsArchivedAndItsCommentsSurvive(database: any Database, label: String) async throws {
        let repository = FrameworkRepository(database: database)
        let users = UserRepository(database: database)
        let author = try await users.create(email: "champion@x.example", passwordHash: "x", role: .programmeManager)
        let draft = try await repository.create(GeneralAccountManagementFramework.content, status: .draft)
        var content = try await repository.version(id: draft.id).content
        let removed = content.categories[0].competencies.removeFirst()
        try await repository.addComment(
            frameworkID: draft.id, competencyID: removed.identifier, authorID: author.id, body: "Too vague.")
        try await repository.update(id: draft.id, to: content)
        let loaded = try await repository.version(id: draft.id)
        XCTAssertFalse(loaded.content.competencies.contains { $0.identifier == removed.identifier }, label)
        let comments = try await repository.comments(frameworkID: draft.id)
        XCTAssertEqual(comments.map(\.competencyCode), [removed.code], label)
    }

    func test_invalidContent_changesNothing() async throws {
        try await StoreHarness.onSQLite(invalidContentChangesNothing)
    }

    func test_invalidContent_changesNothing_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(invalidContentChangesNothing)
    }

    private func invalidContentChangesNothing(database: any Database, label: String) async throws {
        let repository = FrameworkRepository(database: database)
        let draft = try await repository.create(GeneralAccountManagementFramework.content, status: .draft)
        var content = GeneralAccountManagementFramework.content
        content.categories[1].competencies[0].code = "CN.1"
        do {
            try await repository.update(id: draft.id, to: content)
            XCTFail("duplicate codes were saved")
        } catch StoreError.invalid(let problems) {
            XCTAssertTrue(problems.contains { $0.message.contains("more than once") }, label)
        }
        let contentAfterRefusal = try await repository.version(id: draft.id).content
        XCTAssertEqual(contentAfterRefusal, GeneralAccountManagementFramework.content)
    }

    func test_comments_resolve_andStayInHistory() async throws {
        try await StoreHarness.onSQLite(commentsResolveAndStayInHistory)
    }

    func test_comments_resolve_andStayInHistory_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(commentsResolveAndStayInHistory)
    }

    private func commentsResolveAndStayInHistory(database: any Database, label: String) async throws {
        let repository = FrameworkRepository(database: database)
        let user = try await UserRepository(database: database).create(
            email: "pm@x.example", passwordHash: "x", role: .programmeManager)
        let draft = try await repository.create(GeneralAccountManagementFramework.content, status: .draft)
        let competency = GeneralAccountManagementFramework.content.competencies[0].identifier
        try await repository.addComment(
            frameworkID: draft.id, competencyID: competency, authorID: user.id, body: "Add a level 3 example.")
        let comment = try await repository.comments(frameworkID: draft.id)[0]
        XCTAssertTrue(comment.isOpen, label)
        XCTAssertEqual(
            comment.authorName, "pm@x.example", "a login without a person record shows its address (\(label))")
        try await repository.resolveComment(id: comment.id, frameworkID: draft.id, by: user.id)
        let resolved = try await repository.comments(frameworkID: draft.id)[0]
        XCTAssertFalse(resolved.isOpen, label)
        XCTAssertEqual(resolved.resolvedByEmail, "pm@x.example", label)
    }
}
