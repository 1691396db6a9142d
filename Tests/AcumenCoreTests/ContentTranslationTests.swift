import AcumenCore
import Foundation
import XCTest

final class ContentLanguageTests: XCTestCase {
    func test_tags_areNormalised_andNonsenseRefused() {
        XCTAssertEqual(ContentLanguage(tag: "PT-br")?.tag, "pt-BR")
        XCTAssertEqual(ContentLanguage(tag: "zh-hans")?.tag, "zh-Hans")
        XCTAssertEqual(ContentLanguage(tag: "it")?.readerLanguage, nil, "Italian content, but no Italian pages")
        XCTAssertEqual(ContentLanguage(tag: "fr-CA")?.readerLanguage, .french)
        XCTAssertTrue(ContentLanguage(tag: "he")!.isRightToLeft)
        for bad in ["", "English", "e", "en--GB", "en_GB!", "toolongsubtag-abcdefghi"] {
            XCTAssertNil(ContentLanguage(tag: bad), bad)
        }
    }
}

final class QuestionnaireTranslationTests: XCTestCase {
    func test_theBuiltInQuestionnaire_isWholeInEveryShippedLanguage() {
        let questionnaire = GlobalMobilityQuestionnaire.questionnaire
        XCTAssertEqual(questionnaire.completeLanguages, Language.allCases)
        let french = questionnaire.questions[0].text(in: .french, original: questionnaire.language)
        XCTAssertEqual(french.language.tag, "fr")
        XCTAssertNotEqual(french.text, questionnaire.questions[0].text)
        XCTAssertEqual(questionnaire.title(in: .japanese).language.tag, "ja")
        // Every translation is its own text, not a copy of the English.
        for language in Language.allCases where language != .english {
            let copies = questionnaire.questions.filter { $0.translations[language] == $0.text }
            XCTAssertEqual(copies.map(\.code), [], language.tag)
        }
    }

    func test_aMissingTranslation_fallsBackToTheOriginal_sayingSo() {
        let question = Questionnaire.Question(
            code: "X-a", competencyCode: "X", text: "Answers on time.", translations: [.german: "Antwortet pünktlich."])
        XCTAssertEqual(question.text(in: .german, original: .english).text, "Antwortet pünktlich.")
        let french = question.text(in: .french, original: .english)
        XCTAssertEqual(french, TranslatedText(text: "Answers on time.", language: .english))
    }
}

final class FrameworkTranslationTests: XCTestCase {
    let framework = GlobalMobilityAccountManagerFramework.content

    func test_everyPart_hasAKeyAndItsOriginal() {
        let parts = framework.parts
        XCTAssertEqual(Set(parts.map(\.part.key)).count, parts.count, "keys are unique")
        for (part, original) in parts { XCTAssertEqual(framework.original(part), original) }
        XCTAssertTrue(parts.contains { $0.part == .behaviour("OM.1", level: 1, position: 2) })
        XCTAssertEqual(FrameworkPart.behaviour("OM.1", level: 1, position: 2).key, "behaviour/OM.1/1/2")
    }

    func test_theBuiltInTitles_areTranslated_butNotYetItsBehaviours() {
        XCTAssertEqual(framework.text(.competencyTitle("OM.1"), in: .french).text, "Interlocuteur unique")
        XCTAssertEqual(framework.text(.level(0), in: .german).text, "Grundstufe")
        let behaviour = framework.text(.behaviour("OM.1", level: 0, position: 0), in: .french)
        XCTAssertEqual(behaviour.language, .english, "shown as written, and marked English")
        XCTAssertEqual(framework.completeLanguages, [.english])
        for language in Language.allCases { XCTAssertTrue(framework.translatesTitles(into: language), language.tag) }
        var partly = framework
        partly.translations[.french]?["competency/OM.1/title"] = nil
        XCTAssertFalse(partly.translatesTitles(into: .french))
    }

    func test_aTranslation_isChecked_partByPart() throws {
        let accepted = try framework.translation(
            ["competency/OM.1/title": "  Guichet unique ", "behaviour/OM.1/0/0": "", "level/0": "Base"],
            into: .french
        ).get()
        XCTAssertEqual(accepted, ["competency/OM.1/title": "Guichet unique", "level/0": "Base"])
        guard
            case .failure(let refused) = framework.translation(
                ["competency/ZZ.9/title": "x", "name": String(repeating: "n", count: TextLimits.name + 1)],
                into: .french)
        else { return XCTFail("unknown parts and long texts must be refused") }
        XCTAssertEqual(Set(refused.problems.map(\.location)), ["competency/ZZ.9/title", "name"])
        guard case .failure = framework.translation(["name": "Global"], into: .english) else {
            return XCTFail("the original language is edited, not translated")
        }
    }

    func test_editingAnOriginal_dropsOnlyItsTranslation() {
        var edited = framework
        edited.categories[0].competencies[0].title = "One door into the vendor"
        let kept = edited.keepingCurrentTranslations(since: framework)
        XCTAssertNil(kept.translations[.french]?["competency/OM.1/title"])
        XCTAssertEqual(kept.translations[.french]?["competency/OM.2/title"], "Communication proactive")
    }
}
