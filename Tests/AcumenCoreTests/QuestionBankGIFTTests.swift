import AcumenCore
import Foundation
import XCTest

final class QuestionBankGIFTTests: XCTestCase {
    private let bank = [
        BankQuestion(
            competencyCode: "KE.1", level: 0, kind: .singleChoice, prompt: "Which benefit: home leave or tax {help}?",
            explanation: "Home leave is in the policy; see section #4.",
            options: [.init(key: "a", text: "Home leave = yes", isCorrect: true), .init(key: "b", text: "Tax ~ help")]),
        BankQuestion(
            competencyCode: "KE.1", level: 1, kind: .multipleChoice, prompt: "Which does the policy pay?",
            explanation: "Housing and schooling.",
            options: [
                .init(key: "a", text: "Housing", isCorrect: true), .init(key: "b", text: "Pet insurance"),
                .init(key: "c", text: "Schooling", isCorrect: true),
            ]),
        BankQuestion(
            competencyCode: "KE.2", level: 1, kind: .numeric, prompt: "How many days make a year of residence?",
            explanation: "183 in most places.", numericAnswer: 183, tolerance: 2),
        BankQuestion(
            competencyCode: "KE.2", level: 0, kind: .trueFalse, prompt: "A spouse's work permit is always included.",
            explanation: "It depends on the destination.",
            options: [.init(key: "t", text: "True"), .init(key: "f", text: "False", isCorrect: true)]),
        BankQuestion(
            competencyCode: "KE.1", level: 2, kind: .scenario,
            prompt: "An assignee asks for an exception to the housing policy: what do you propose?",
            explanation: "A strong answer weighs cost, precedent and the approval route.",
            rubric: [
                .init("Restates the request"), .init("Proposes within policy"), .init("Weighs cost and precedent"),
            ]),
    ]

    func test_anExport_readsBackAsTheSameQuestions_andSaysWhatItCouldNotCarry() throws {
        let ordering = BankQuestion(
            competencyCode: "KE.1", level: 0, kind: .ordering, prompt: "Order the steps.", explanation: "So.",
            options: [.init(key: "1", text: "Approve"), .init(key: "2", text: "Move")])
        let text = QuestionBankGIFT.make(bank + [ordering])
        XCTAssertTrue(text.contains("// Not exported: ordering question \(ordering.id.lowercasedString)"))
        XCTAssertTrue(text.contains("$CATEGORY: $course$/top/Acumen/KE.1/level 1"))
        XCTAssertTrue(text.contains("~%50%Housing"), text)
        let read = try QuestionBankGIFT.questions(fromGIFT: text, competencyCodes: ["KE.1", "KE.2"], existing: bank)
        XCTAssertEqual(Set(read), Set(bank))
    }

    /// A file as Moodle writes it: comments, a category path, HTML, answers on their own lines,
    /// feedback per answer, weights, a range.
    private let moodle = """
        // question: 2041  name: Home leave
        $CATEGORY: $course$/top/Default for Mobility/KE.1/level 2

        ::Home leave::[html]<p>Which benefit is <b>always</b> paid?</p>{
        \t=<p>Home leave</p>#Right
        \t~<p>Tax equalisation &amp; advice</p>#No
        \t####<p>The policy pays home leave.</p>
        }

        ::Residence:: Days of residence for a tax year? {#181..185####Most countries use 183.}

        $CATEGORY: $course$/top/Default for Mobility/KE.2

        ::Apply:: Check all that apply {
        ~%50%Housing
        ~%50%Schooling
        ~%-100%Pet insurance
        ####Housing and schooling.}

        ::Visa:: The visa always arrives within a week.{FALSE####It depends on the country.}
        """

    func test_aMoodleFile_isRead_withCompetencyAndLevelFromItsCategories() throws {
        let read = try QuestionBankGIFT.questions(
            fromGIFT: moodle, competencyCodes: ["KE.1", "KE.2"], defaultLevel: 0, existing: [])
        XCTAssertEqual(read.count, 4)
        XCTAssertEqual(read[0].prompt, "Which benefit is always paid?")
        XCTAssertEqual(read[0].options.map(\.text), ["Home leave", "Tax equalisation & advice"])
        XCTAssertEqual(read[0].options.map(\.isCorrect), [true, false])
        XCTAssertEqual(read[0].explanation, "The policy pays home leave.")
        XCTAssertEqual(read[0].competencyCode, "KE.1")
        XCTAssertEqual(read[0].level, 1)
        XCTAssertEqual(read[1].kind, .numeric)
        XCTAssertEqual(read[1].numericAnswer, 183)
        XCTAssertEqual(read[1].tolerance, 2)
        XCTAssertEqual(read[2].kind, .multipleChoice)
        XCTAssertEqual(read[2].competencyCode, "KE.2")
        XCTAssertEqual(read[2].level, 0, "no level in the category: the default")
        XCTAssertEqual(read[2].options.filter(\.isCorrect).map(\.text), ["Housing", "Schooling"])
        XCTAssertEqual(read[3].kind, .trueFalse)
        XCTAssertEqual(read[3].options.map(\.isCorrect), [false, true])
        XCTAssertEqual(QuestionScoring.score(.choices(["f"]), for: read[3]), 1)
    }

    func test_questionsAcumenCannotTake_areRefusedByLine_andNothingIsRead() {
        let text =
            moodle + """


                ::Capital:: The capital of France? {=Paris =paris}

                ::Essay:: Describe your approach. {}

                $CATEGORY: $course$/top/Elsewhere

                ::Lost:: Which? {=a ~b}
                """
        XCTAssertThrowsError(
            try QuestionBankGIFT.questions(fromGIFT: text, competencyCodes: ["KE.1", "KE.2"], existing: [])
        ) { error in
            XCTAssertEqual(
                (error as? ImportReport)?.problems.map(\.description),
                [
                    "Line 22: Acumen does not take this kind of GIFT question (short answer, matching or missing word).",
                    "Line 24: The explanation shown after the attempt is empty.",
                    "Line 24: A scenario needs a rubric of at least two steps.",
                    "Line 28: The question's category names no competency of the framework, and no competency was chosen for the file.",
                ])
        }
    }
}
