import AcumenCore
import AcumenStore
import FluentKit
import XCTest

/// Translations of content as stored: a framework's texts, a cycle's questions, readers' languages.
final class TranslationRepositoryTests: XCTestCase {
    func test_frameworkTranslations_areKept_butNotForChangedTexts() async throws {
        try await StoreHarness.onSQLite(frameworkTranslationsAreKept)
    }

    func test_frameworkTranslations_areKept_butNotForChangedTexts_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(frameworkTranslationsAreKept)
    }

    private func frameworkTranslationsAreKept(database: any Database, label: String) async throws {
        let repository = FrameworkRepository(database: database)
        let published = try await repository.create(GlobalMobilityAccountManagerFramework.content, status: .published)
        // A published version can be translated: no original text changes.
        try await repository.setTranslation(
            id: published.id, language: .spanish, texts: ["behaviour/OM.1/0/0": "Acusa recibo de cada solicitud."])
        let translated = try await repository.version(id: published.id).content
        XCTAssertEqual(translated.translations[.spanish], ["behaviour/OM.1/0/0": "Acusa recibo de cada solicitud."])
        XCTAssertEqual(translated.translations[.french]?["competency/OM.1/title"], "Interlocuteur unique", label)

        // In the next version, a changed text loses its translation; the rest carry over.
        let draft = try await repository.startNewVersion(from: published.id)
        var content = try await repository.version(id: draft.id).content
        content.categories[0].competencies[0].standards[0].behaviours[0] = "Confirms each request in writing."
        try await repository.update(id: draft.id, to: content)
        let edited = try await repository.version(id: draft.id).content
        XCTAssertNil(edited.translations[.spanish], label)
        XCTAssertEqual(edited.translations[.french]?["competency/OM.1/title"], "Interlocuteur unique", label)

        _ = try await repository.publish(id: draft.id)
        do {
            try await repository.setTranslation(id: published.id, language: .german, texts: ["name": "Alt"])
            XCTFail("a retired version was translated (\(label))")
        } catch StoreError.conflict {}
    }

    func test_questionTranslations_followTheCycle_andARewordingDropsThem() async throws {
        try await StoreHarness.onSQLite(questionTranslationsFollowTheCycle)
    }

    func test_questionTranslations_followTheCycle_andARewordingDropsThem_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(questionTranslationsFollowTheCycle)
    }

    private func questionTranslationsFollowTheCycle(database: any Database, label: String) async throws {
        let fixture = try await AssessmentFixture.make(on: database)
        let cycles = CycleRepository(database: database)
        let stored = try await cycles.questionnaire(cycleID: fixture.cycleID)
        XCTAssertEqual(stored.completeLanguages, Language.allCases, label)

        try await cycles.translateQuestion(
            cycleID: fixture.cycleID, code: "OM.1-a", language: .german, text: "Mein Account Manager kümmert sich.")
        try await cycles.rewordQuestion(
            cycleID: fixture.cycleID, code: "OM.1-b", text: "I reach the whole vendor through my account manager.")
        let changed = try await cycles.questionnaire(cycleID: fixture.cycleID)
        let first = try XCTUnwrap(changed.questions.first { $0.code == "OM.1-a" })
        XCTAssertEqual(first.translations[.german], "Mein Account Manager kümmert sich.", label)
        XCTAssertNotNil(first.translations[.french], label)
        let reworded = try XCTUnwrap(changed.questions.first { $0.code == "OM.1-b" })
        XCTAssertEqual(reworded.translations, [:], "a translation of the old words is dropped (\(label))")
        XCTAssertFalse(changed.completeLanguages.contains(.french), label)

        _ = try await cycles.advance(cycleID: fixture.cycleID, from: .draft, today: fixture.today)
        do {
            try await cycles.translateQuestion(cycleID: fixture.cycleID, code: "OM.1-a", language: .french, text: "x")
            XCTFail("a question of an open cycle was changed (\(label))")
        } catch StoreError.conflict {}
    }
}
