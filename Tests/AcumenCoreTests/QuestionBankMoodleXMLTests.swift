import AcumenCore
import Foundation
import XCTest

final class QuestionBankMoodleXMLTests: XCTestCase {
    private let codes: Set<String> = ["KE.1", "KE.2"]

    func test_anExport_readsBackAsTheSameQuestions_everyKindIncluded() throws {
        let bank: [BankQuestion] = [
            BankQuestion(
                competencyCode: "KE.1", level: 0, kind: .singleChoice, prompt: "Housing <days> & \"nights\"?",
                explanation: "Thirty.",
                options: [.init(key: "a", text: "30", isCorrect: true), .init(key: "b", text: "60")]),
            BankQuestion(
                competencyCode: "KE.1", level: 1, kind: .multipleChoice, prompt: "Which does the policy pay?",
                explanation: "Housing and schooling.",
                options: [
                    .init(key: "a", text: "Housing", isCorrect: true), .init(key: "b", text: "Pets"),
                    .init(key: "c", text: "Schooling", isCorrect: true),
                ]),
            BankQuestion(
                competencyCode: "KE.2", level: 0, kind: .trueFalse, prompt: "A1 is a work permit.", explanation: "No.",
                options: [.init(key: "t", text: "True"), .init(key: "f", text: "False", isCorrect: true)]),
            BankQuestion(
                competencyCode: "KE.2", level: 1, kind: .numeric, prompt: "Schengen days?", explanation: "90.",
                numericAnswer: 90, tolerance: 0.5),
            BankQuestion(
                competencyCode: "KE.2", level: 2, kind: .ordering, prompt: "Order the steps.", explanation: "So.",
                options: [
                    .init(key: "a", text: "File"), .init(key: "b", text: "Biometrics"), .init(key: "c", text: "Enter"),
                ]),
            BankQuestion(
                competencyCode: "KE.1", level: 2, kind: .scenario, prompt: "Propose an exception.",
                explanation: "Weigh cost.", rubric: [.init("Restates"), .init("Within policy"), .init("Weighs <cost>")]),
        ]
        let xml = QuestionBankMoodleXML.make(bank)
        XCTAssertTrue(xml.contains("<question type=\"ordering\">"), "Moodle XML carries ordering, which GIFT cannot")
        XCTAssertTrue(xml.contains("$course$/top/Acumen/KE.2/level 3"))
        let read = try QuestionBankMoodleXML.questions(fromXML: xml, competencyCodes: codes, existing: bank)
        XCTAssertEqual(read.count, bank.count)
        for (original, back) in zip(
            bank.sorted { $0.id.uuidString < $1.id.uuidString }, read.sorted { $0.id.uuidString < $1.id.uuidString })
        {
            XCTAssertEqual(back, original, "\(original.kind) comes back as it went, id and version included")
        }
    }

    func test_aFileFromMoodle_isRead_withHTMLAsTextAndCategoriesAsCompetencies() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="category">
                <category><text>$course$/top/Default for Mobility/KE.2/level 2</text></category>
              </question>
              <question type="multichoice">
                <name><text>Visa timing</text></name>
                <questiontext format="html"><text><![CDATA[<p>How long does a <b>standard</b> visa take?</p>]]></text></questiontext>
                <generalfeedback format="html"><text>&lt;p&gt;Usually weeks.&lt;/p&gt;</text></generalfeedback>
                <single>true</single>
                <answer fraction="100" format="html"><text>&lt;p&gt;Weeks&lt;/p&gt;</text></answer>
                <answer fraction="0" format="html"><text>Days</text></answer>
              </question>
              <question type="truefalse">
                <questiontext format="moodle_auto_format"><text>Customs need a visa.</text></questiontext>
                <generalfeedback><text>Often.</text></generalfeedback>
                <answer fraction="100"><text>true</text></answer>
                <answer fraction="0"><text>false</text></answer>
              </question>
            </quiz>
            """
        let read = try QuestionBankMoodleXML.questions(fromXML: xml, competencyCodes: codes, existing: [])
        XCTAssertEqual(read.map(\.competencyCode), ["KE.2", "KE.2"])
        XCTAssertEqual(read.map(\.level), [1, 1])
        XCTAssertEqual(read[0].prompt, "How long does a standard visa take?")
        XCTAssertEqual(read[0].explanation, "Usually weeks.")
        XCTAssertEqual(read[0].options.filter(\.isCorrect).map(\.text), ["Weeks"])
        XCTAssertEqual(read[1].kind, .trueFalse)
        XCTAssertEqual(read[1].options.first { $0.isCorrect }?.key, "t")
    }

    func test_whatAcumenCannotTake_isRefusedByLine_andNothingIsKept() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="category"><category><text>$course$/top/KE.1</text></category></question>
              <question type="shortanswer">
                <questiontext><text>Name the approver.</text></questiontext>
                <answer fraction="100"><text>Head of Global Mobility</text></answer>
              </question>
              <question type="multichoice">
                <questiontext><text>No right answer</text></questiontext>
                <generalfeedback><text>So.</text></generalfeedback>
                <answer fraction="0"><text>A</text></answer>
                <answer fraction="0"><text>B</text></answer>
              </question>
            </quiz>
            """
        XCTAssertThrowsError(try QuestionBankMoodleXML.questions(fromXML: xml, competencyCodes: codes, existing: [])) {
            let report = $0 as? ImportReport
            XCTAssertEqual(report?.problems.map(\.line), [4, 8])
            XCTAssertTrue(report?.description.contains("shortanswer") == true, report?.description ?? "")
        }
        XCTAssertThrowsError(
            try QuestionBankMoodleXML.questions(fromXML: "<quiz><question>", competencyCodes: codes, existing: [])
        ) { XCTAssertNotNil($0 as? ImportReport, "a broken file is refused with a message, not a crash") }
        XCTAssertThrowsError(
            try QuestionBankMoodleXML.questions(
                fromXML: "<!DOCTYPE quiz [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><quiz>&x;</quiz>",
                competencyCodes: codes, existing: []))
    }
}

final class AttemptFormTests: XCTestCase {
    private let single = BankQuestion(
        competencyCode: "KE.1", level: 0, kind: .singleChoice, prompt: "P", explanation: "E",
        options: [.init(key: "a", text: "A", isCorrect: true), .init(key: "b", text: "B")])
    private let multiple = BankQuestion(
        competencyCode: "KE.1", level: 0, kind: .multipleChoice, prompt: "P", explanation: "E",
        options: [.init(key: "a", text: "A", isCorrect: true), .init(key: "b", text: "B"), .init(key: "c", text: "C")])
    private let numeric = BankQuestion(
        competencyCode: "KE.1", level: 0, kind: .numeric, prompt: "P", explanation: "E", numericAnswer: 2.5)
    private let ordering = BankQuestion(
        competencyCode: "KE.1", level: 0, kind: .ordering, prompt: "P", explanation: "E",
        options: [.init(key: "x", text: "X"), .init(key: "y", text: "Y"), .init(key: "z", text: "Z")])

    private var paper: AttemptPaper {
        AttemptPaper(
            items: [single, multiple, numeric, ordering].map {
                .init(questionID: $0.id, version: 1, optionOrder: $0.options.map(\.key).reversed())
            })
    }

    private var questions: [UUID: BankQuestion] {
        Dictionary(uniqueKeysWithValues: [single, multiple, numeric, ordering].map { ($0.id, $0) })
    }

    func test_fields_readAsAnswers_andAnswersWriteTheSameFields() {
        let given: [UUID: GivenAnswer] = [
            single.id: .choices(["a"]), multiple.id: .choices(["c", "a"]), numeric.id: .number(2.5),
            ordering.id: .order(["y", "x", "z"]),
        ]
        var fields: [String: String] = [:]
        for (id, answer) in given { fields.merge(AttemptForm.fields(for: answer, question: questions[id]!)) { $1 } }
        let read = AttemptForm.answers(from: fields, paper: paper, questions: questions)
        XCTAssertEqual(read[single.id], .choices(["a"]))
        XCTAssertEqual(read[multiple.id], .choices(["c", "a"]), "in the order the paper shows them")
        XCTAssertEqual(read[numeric.id], .number(2.5))
        XCTAssertEqual(read[ordering.id], .order(["y", "x", "z"]))
        XCTAssertEqual(
            AttemptForm.answers(from: [AttemptForm.fieldName(numeric.id): "2,5"], paper: paper, questions: questions)[
                numeric.id], .number(2.5), "a decimal comma is read as a point")
        let partial = [AttemptForm.fieldName(ordering.id, option: "x"): "1"]
        XCTAssertNil(
            AttemptForm.answers(from: partial, paper: paper, questions: questions)[ordering.id],
            "an ordering with items left unplaced is no answer")
    }

    func test_fieldsOffThePaper_areRefused() {
        XCTAssertNil(AttemptForm.refusal(ofFields: [AttemptForm.fieldName(single.id)], paper: paper))
        let stranger = UUID()
        XCTAssertEqual(
            AttemptForm.refusal(ofFields: [AttemptForm.fieldName(stranger)], paper: paper),
            .questionNotOnPaper(stranger))
        let noOption = AttemptForm.fieldName(multiple.id, option: "q")
        XCTAssertEqual(AttemptForm.refusal(ofFields: [noOption], paper: paper), .fieldNotOnPaper(noOption))
        XCTAssertEqual(AttemptForm.refusal(ofFields: ["isCorrect"], paper: paper), .fieldNotOnPaper("isCorrect"))
        XCTAssertNil(AttemptForm.parse(fieldName: "answer.not-a-uuid"))
    }
}

final class DemoQuestionBankTests: XCTestCase {
    func test_theDemoBank_isUsable_andCoversKnowledgeAndExpertiseAtEveryLevel() {
        let bank = DemoQuestionBank.questions
        XCTAssertGreaterThanOrEqual(bank.count, 60)
        XCTAssertEqual(Set(bank.map(\.id)).count, bank.count, "every question has its own id")
        for question in bank {
            XCTAssertEqual(question.problems(), [], question.prompt)
            XCTAssertTrue(question.competencyCode.hasPrefix("KE."), question.prompt)
        }
        XCTAssertEqual(Set(bank.map(\.competencyCode)), ["KE.1", "KE.2", "KE.3", "KE.4", "KE.5"])
        XCTAssertEqual(Set(bank.map(\.level)), [0, 1, 2])
        XCTAssertEqual(Set(bank.map(\.kind)), Set(QuestionKind.allCases))
        for (check, isVerbal, _) in DemoKnowledgeChecks.checks {
            XCTAssertEqual(check.problems(bank: bank), [], check.title)
            if isVerbal, case .fixed(let ids) = check.selection {
                XCTAssertTrue(ids.allSatisfy { id in bank.first { $0.id == id }?.kind == .scenario }, check.title)
            }
        }
    }
}
