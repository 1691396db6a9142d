import AcumenCore
import Foundation
import XCTest

final class PluralRuleTests: XCTestCase {
    func test_eachLanguage_picksCLDRsCategory() {
        XCTAssertEqual([0, 1, 2].map(Language.english.pluralCategory), [.other, .one, .other])
        XCTAssertEqual([0, 1, 2, 1_000_000].map(Language.french.pluralCategory), [.one, .one, .other, .many])
        XCTAssertEqual([0, 1, 2, 1_000_000].map(Language.spanish.pluralCategory), [.other, .one, .other, .many])
        XCTAssertEqual([0, 1, 2].map(Language.brazilianPortuguese.pluralCategory), [.one, .one, .other])
        XCTAssertEqual([0, 1, 21].map(Language.japanese.pluralCategory), [.other, .other, .other])
        XCTAssertEqual(
            [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111].map(Language.arabic.pluralCategory),
            [.zero, .one, .two, .few, .few, .many, .many, .other, .other, .few, .many])
    }
}

final class LanguagePreferenceTests: XCTestCase {
    func test_aMessageMadeToStandAlone_startsWithTheLanguagesCapital() {
        XCTAssertEqual(Localizer(.french).standalone("en cours"), "En cours")
        XCTAssertEqual(Localizer(.english).standalone("in progress"), "In progress")
        XCTAssertEqual(Localizer(.japanese).standalone("進行中"), "進行中")
        XCTAssertEqual(Localizer(.german).standalone(""), "")
    }

    func test_acceptLanguage_isReadByWeight_keepingOnlyShippedLanguages() {
        XCTAssertEqual(
            LanguagePreference.accepted("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"), [.french, .english, .german])
        XCTAssertEqual(LanguagePreference.accepted("en;q=0.5, ja"), [.japanese, .english])
        XCTAssertEqual(LanguagePreference.accepted("zh-CN, ja;q=0"), [.simplifiedChinese])
        XCTAssertEqual(LanguagePreference.accepted("pt-PT"), [.brazilianPortuguese])
        XCTAssertEqual(LanguagePreference.accepted("nl-NL, sv"), [])
        XCTAssertEqual(LanguagePreference.accepted("fr;q=abc, de;q=2, es;q=0.3"), [.spanish], "bad weights are dropped")
        XCTAssertEqual(LanguagePreference.accepted(""), [])
    }

    func test_theReadersChoice_beatsTheBrowser_whichBeatsTheDefault() {
        XCTAssertEqual(
            LanguagePreference.resolve(chosen: .german, acceptLanguage: "fr", fallback: .english, everyPage: true),
            .german)
        XCTAssertEqual(
            LanguagePreference.resolve(chosen: nil, acceptLanguage: "fr", fallback: .english, everyPage: true), .french)
        XCTAssertEqual(
            LanguagePreference.resolve(chosen: nil, acceptLanguage: "nl", fallback: .spanish, everyPage: true),
            .spanish)
        // Arabic covers the rater's forms only; elsewhere its reader gets their next choice.
        XCTAssertEqual(
            LanguagePreference.resolve(
                chosen: nil, acceptLanguage: "ar, fr;q=0.5", fallback: .english, everyPage: true),
            .french)
        XCTAssertEqual(
            LanguagePreference.resolve(
                chosen: nil, acceptLanguage: "ar, fr;q=0.5", fallback: .english, everyPage: false),
            .arabic)
    }
}

final class MessageCatalogueTests: XCTestCase {
    let catalogue = MessageCatalogue.builtIn

    /// Every key declared in AcumenCore; the web target's keys are checked by its own tests.
    static let coreKeys: [any MessageKey] =
        DerivedLevelMessage.allCases + AnswerMessage.allCases + ProblemMessage.allCases + SMARTGapMessage.allCases
        + WithholdingMessage.allCases + CalibrationMessage.allCases + PreflightMessage.allCases
        + FrameworkPreflightMessage.allCases + FrameworkProblemMessage.allCases + CycleProblemMessage.allCases
        + ImportProblemMessage.allCases + StatsMessage.allCases + CatalogueMessage.allCases
        + KnowledgeCheckProblemMessage.allCases

    func test_theShippedCatalogue_isConsistent() {
        XCTAssertEqual(catalogue.problems, [])
        for key in Self.coreKeys {
            XCTAssertTrue(catalogue.keys(in: .english).contains(key.key), "\(key.key) has no English message")
        }
    }

    func test_whatAccountManagersAndCustomersRead_isTranslatedIntoEveryLanguageThatCoversEveryPage() {
        let homeKeys = catalogue.keys(in: .english).filter { key in
            [
                "home.", "agenda.", "calibration.", "status.", "action.", "nav.", "report.", "source.", "role.",
                "login.", "framework.", "account.", "smart.", "problem.", "withheld.", "pager.", "cycles.", "person.",
                "subject.", "vendorScorecard.", "checks.",
            ].contains {
                key.hasPrefix($0)
            }
        }
        XCTAssertGreaterThan(homeKeys.count, 120)
        for language in Language.allCases where language.coversEveryPage {
            XCTAssertEqual(homeKeys.subtracting(catalogue.keys(in: language)), [], language.tag)
        }
    }

    func test_everythingARaterReads_isTranslatedIntoEveryShippedLanguage() {
        let raterPrefixes = [
            "layout.", "rater.", "answer.", "thanks.", "grid.", "derived.", "autosave.", "mail.", "error.",
        ]
        // The problems a rater's form can report, as they name them.
        let raterProblems: Set<String> = [
            "problem.line", "problem.tooLong", "problem.notACompetency", "problem.rateCompetency",
            "problem.notObservedButRated", "problem.unknownBehaviour", "problem.unknownLevel", "problem.sayWhyLevel",
            "problem.notAQuestion", "problem.chooseAnswer", "problem.notOnScale",
        ]
        let raterKeys = catalogue.keys(in: .english).filter { key in raterPrefixes.contains { key.hasPrefix($0) } }
            .union(raterProblems)
        XCTAssertGreaterThan(raterKeys.count, 40)
        for language in Language.allCases {
            let missing = raterKeys.subtracting(catalogue.keys(in: language))
            XCTAssertEqual(missing, [], "\(language.tag) lacks rater messages")
        }
    }

    func test_aBrokenFile_isRefusedWithTheReason() {
        XCTAssertThrowsError(try MessageCatalogue.decodeFile(Data(#"{"a": {"one": "x"}}"#.utf8)))
        XCTAssertThrowsError(try MessageCatalogue.decodeFile(Data(#"{"a": {"several": "x", "other": "y"}}"#.utf8)))
        XCTAssertThrowsError(try MessageCatalogue.decodeFile(Data("[1, 2]".utf8)))
    }

    func test_problems_nameTheKeyAndTheLanguage() throws {
        let english = try MessageCatalogue.decodeFile(
            Data(#"{"hello": "Hello {name}", "files": {"one": "{count} file", "other": "{count} files"}}"#.utf8))
        let french = try MessageCatalogue.decodeFile(
            Data(#"{"hello": "Bonjour {nom}", "files": {"other": "{count} fichiers"}, "extra": "x"}"#.utf8))
        let problems = MessageCatalogue([.english: english, .french: french]).problems
        XCTAssertEqual(problems.count, 4, problems.joined(separator: "\n"))
        XCTAssertTrue(problems.contains("fr: extra is not an English message"))
        XCTAssertTrue(problems.contains("fr: files lacks the plural forms [\"one\", \"many\"]"))
        XCTAssertTrue(problems.contains { $0.hasPrefix("fr: hello uses [\"nom\"]") })
    }
}

final class LocalizerTests: XCTestCase {
    struct Key: MessageKey {
        var key: String
    }

    func test_messages_fillTheirPlaceholders_andFallBackToEnglish() throws {
        let english = try MessageCatalogue.decodeFile(
            Data(
                #"{"hello": "Hello {name}", "only": "Only in English", "m": {"one": "{count} minute", "other": "{count} minutes"}}"#
                    .utf8))
        let arabic = try MessageCatalogue.decodeFile(
            Data(
                #"{"m": {"zero": "0", "one": "1", "two": "دقيقتان", "few": "{count} دقائق", "many": "{count} دقيقة", "other": "{count} دقيقة"}}"#
                    .utf8))
        let catalogue = MessageCatalogue([.english: english, .arabic: arabic])
        let inEnglish = Localizer(.english, catalogue: catalogue)
        XCTAssertEqual(inEnglish.text(Key(key: "hello"), ["name": "Ana"]), "Hello Ana")
        XCTAssertEqual(inEnglish.text(Key(key: "m"), count: 1), "1 minute")
        XCTAssertEqual(inEnglish.text(Key(key: "m"), count: 20), "20 minutes")
        XCTAssertEqual(inEnglish.text(Key(key: "missing")), "missing", "a gap shows, it is not hidden")
        let inArabic = Localizer(.arabic, catalogue: catalogue)
        XCTAssertEqual(inArabic.text(Key(key: "m"), count: 2), "دقيقتان")
        XCTAssertEqual(inArabic.text(Key(key: "only")), "Only in English")
        XCTAssertFalse(inArabic.isTranslated(Key(key: "only")))
        XCTAssertTrue(inArabic.isTranslated(Key(key: "m")))
    }

    func test_datesNumbersAndLists_followTheLanguage() {
        let day = CalendarDate("2026-12-02")!
        XCTAssertEqual(Localizer(.english).date(day), "2 December 2026")
        XCTAssertEqual(Localizer(.french).date(day), "2 décembre 2026")
        XCTAssertEqual(Localizer(.german).date(day), "2. Dezember 2026")
        XCTAssertEqual(Localizer(.japanese).date(day), "2026年12月2日")
        XCTAssertEqual(Localizer(.english).decimal(3.456, fractionDigits: 2), "3.46")
        XCTAssertEqual(Localizer(.german).decimal(3.456, fractionDigits: 2), "3,46")
        XCTAssertEqual(Localizer(.english).list(["a", "b", "c"]), "a, b and c")
        XCTAssertTrue(Localizer(.french).percent(0.42).hasPrefix("42"))
        XCTAssertEqual(Localizer(.english).percent(0.42), "42%")
    }

    func test_theDerivedLevel_explainsItselfInTheReadersLanguage() {
        let levels = LevelScale.standard
        let standards = (0..<3).map { LevelStandard(level: $0, behaviours: ["one", "two", "three"]) }
        let derived = DerivedLevel.derive(levels: levels, standards: standards, observed: [0: [0, 1, 2], 1: [0, 1]])
        XCTAssertEqual(derived.explanation(in: Localizer(.english)), derived.explanation)
        let french = derived.explanation(in: Localizer(.french))
        XCTAssertTrue(french.contains("2 sur 3"), french)
        XCTAssertNotEqual(french, derived.explanation)
    }
}
