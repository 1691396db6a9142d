import AcumenCore
import Foundation
import XCTest

final class QuestionBankCSVTests: XCTestCase {
    private let bank = [
        BankQuestion(
            competencyCode: "KE.1", level: 0, kind: .multipleChoice,
            prompt: "Which benefits does the policy pay on a long-term assignment?",
            explanation: "Home leave and school fees are in the policy; tax equalisation is a separate programme.",
            options: [
                .init(key: "a", text: "Home leave", isCorrect: true),
                .init(key: "b", text: "Tax equalisation: by request"),
                .init(key: "c", text: "School fees", isCorrect: true),
            ]),
        BankQuestion(
            competencyCode: "KE.2", level: 1, kind: .numeric, prompt: "How many days make a tax year of residence?",
            explanation: "183 days in most of the customer's locations.", numericAnswer: 183, tolerance: 0),
        BankQuestion(
            competencyCode: "KE.1", level: 2, kind: .ordering, prompt: "Put the move's steps in order.",
            explanation: "Approval comes before the visa, the visa before the move.",
            options: [.init(key: "1", text: "Approval"), .init(key: "2", text: "Visa"), .init(key: "3", text: "Move")]),
        BankQuestion(
            competencyCode: "KE.1", level: 1, kind: .scenario,
            prompt: "An assignee asks for an exception to the housing policy: what do you propose?",
            explanation: "A strong answer weighs cost, precedent and the customer's approval route.",
            rubric: [
                .init("Restates the request"), .init("Proposes within policy"), .init("Weighs cost and precedent"),
            ]),
        BankQuestion(
            competencyCode: "KE.2", level: 0, kind: .trueFalse, prompt: "=A spouse's work permit is always included.",
            explanation: "It depends on the destination.",
            options: [.init(key: "t", text: "True"), .init(key: "f", text: "False", isCorrect: true)]),
    ]

    func test_anExport_readsBackAsTheSameQuestions() throws {
        let text = QuestionBankCSV.make(bank)
        let read = try QuestionBankCSV.questions(fromCSV: text, competencyCodes: ["KE.1", "KE.2"], existing: bank)
        XCTAssertEqual(read, bank, "ids, versions, options with colons, a prompt a spreadsheet would run")
        let added = try QuestionBankCSV.questions(
            fromCSV: text.replacingOccurrences(of: bank[0].id.lowercasedString, with: ""),
            competencyCodes: ["KE.1", "KE.2"], existing: Array(bank.dropFirst()))
        XCTAssertNotEqual(added[0].id, bank[0].id, "a row without an id adds a question")
        XCTAssertEqual(added[0].options, bank[0].options)
    }

    func test_aBadFile_namesEveryProblemByLine_andReadsNothing() {
        let unknown = UUID().uuidString
        let text = """
            question_id,competency,level,kind,prompt,explanation,options,correct,numeric_answer,tolerance
            ,KE.9,1,singleChoice,Which?,Because.,"a: One
            b: Two",a,,
            ,KE.1,1,essay,Which?,Because.,,,,
            ,KE.1,1,singleChoice,Which?,Because.,"a: One
            no key here",z,,
            ,KE.1,2,numeric,How many?,Because.,,,many,-1
            \(unknown),KE.1,1,trueFalse,True?,,"t: True
            f: False",t,,
            """
        XCTAssertThrowsError(
            try QuestionBankCSV.questions(fromCSV: text, competencyCodes: ["KE.1"], existing: [])
        ) { error in
            let lines = (error as? ImportReport)?.problems.map(\.description) ?? []
            XCTAssertEqual(
                lines,
                [
                    "Line 2: KE.9 is not a competency of the framework.",
                    "Line 4: The kind \"essay\" is not one of singleChoice, multipleChoice, trueFalse, numeric, ordering, scenario.",
                    "Line 5: The option \"no key here\" needs its key first, as \"a: text\".",
                    "Line 5: The right answer z is not among the options.",
                    "Line 5: A single-choice question needs at least two options.",
                    "Line 5: A single-choice question needs exactly one right option.",
                    "Line 7: numeric_answer must be a number; \"many\" is not.",
                    "Line 7: A numeric question needs its answer.",
                    "Line 7: The tolerance is a number from 0.",
                    "Line 8: No question of the bank has the id \(unknown); leave question_id empty to add a question.",
                    "Line 8: The explanation shown after the attempt is empty.",
                ])
        }
        XCTAssertThrowsError(
            try QuestionBankCSV.questions(
                fromCSV: "competency,level,kind,prompt,explanation\n", competencyCodes: ["KE.1"], existing: [])
        ) { error in
            XCTAssertEqual((error as? ImportReport)?.problems.map(\.description), ["Line 2: The file has no question."])
        }
    }
}
