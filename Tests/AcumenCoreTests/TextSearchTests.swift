import AcumenCore
import XCTest

final class TextSearchTests: XCTestCase {
    let haystack = TextSearch.Haystack(["Rédiger un résumé", "Übergabe an den Kunden", "顧客との面談", "ACME-7"])

    func test_wordsMatch_ignoringCaseAndAccents_inEitherDirection() {
        XCTAssertTrue(TextSearch("resume").matches(haystack))
        XCTAssertTrue(TextSearch("RÉSUMÉ").matches(haystack))
        XCTAssertTrue(TextSearch("ubergabe kunden").matches(haystack))
        XCTAssertTrue(TextSearch("acme-7").matches(haystack))
    }

    func test_wordsOutsideTheAlphabetOfLatin_matchWhole() {
        XCTAssertTrue(TextSearch("面談").matches(haystack))
        XCTAssertFalse(TextSearch("面会").matches(haystack))
    }

    func test_everyWordMustAppear() {
        XCTAssertFalse(TextSearch("resume invoice").matches(haystack))
        XCTAssertFalse(TextSearch("acme-77").matches(haystack), "longer than any match")
        XCTAssertTrue(TextSearch("   ").matches(haystack), "no words ask nothing")
    }

    func test_aHaystackAnswersAsTheFieldsDo() {
        for words in ["resume", "kunden 顧客", "nothing here", "7"] {
            XCTAssertEqual(
                TextSearch(words).matches(haystack),
                TextSearch(words).matches(["Rédiger un résumé", "Übergabe an den Kunden", "顧客との面談", "ACME-7"]),
                words)
        }
    }
}
