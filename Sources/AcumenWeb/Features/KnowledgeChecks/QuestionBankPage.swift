import AcumenCore
import Foundation
import Plot

/// The question bank for programme staff: how many questions each competency has at each
/// level, every question's latest version, and the bank in and out as CSV, GIFT and Moodle XML.
enum QuestionBankPage {
    private typealias Message = KnowledgeCheckMessage

    static func render(
        _ questions: [BankQuestion], versions: [UUID: Int], importProblems: [String], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(Message.bankTitle), context: context) {
            Paragraph { Link(text.text(Message.listTitle), url: SitePath.checks.url()) }
            H1(text.text(Message.bankTitle))
            Paragraph(text.text(Message.bankIntro, count: questions.count, ["count": text.integer(questions.count)]))
                .class("hint")
            H2(text.text(Message.exportHeading))
            List {
                for format in QuestionBankFormat.allCases {
                    ListItem {
                        Link(
                            text.text(Message.exportAs, ["format": format.name]),
                            url: SitePath.questionBankExport.url() + "?format=\(format.rawValue)")
                    }
                }
            }
            H2(text.text(Message.importHeading))
            Paragraph(text.text(Message.importHint)).class("hint")
            if !importProblems.isEmpty {
                Div {
                    H3(text.text(Message.importRefused))
                    List(importProblems) { ListItem($0) }
                }.class("problems").attribute(named: "role", value: "alert")
            }
            Form(url: SitePath.questionBankImport.url(), method: .post, contentType: .multipartData) {
                CSRFField(token: context.csrf)
                SelectField(
                    label: text.text(Message.importFormat), name: "format",
                    choices: QuestionBankFormat.allCases.map { .init(value: $0.rawValue, label: $0.name) },
                    selected: QuestionBankFormat.csv.rawValue)
                Label(text.text(Message.importFile)) {
                    Input(type: .file, name: "file", isRequired: true).attribute(
                        named: "accept", value: ".csv,.txt,.gift,.xml,text/csv,text/plain,application/xml,text/xml")
                }.class("field")
                Button { Text(text.text(Message.importButton)) }.attribute(named: "type", value: "submit").class(
                    "button")
            }
            H2(text.text(Message.questions))
            DataTable(
                caption: text.text(Message.bankTitle),
                headings: [Message.competency, .level, .kindOfQuestion, .question, .version].map { text.text($0) },
                rows: questions.map { question in
                    [
                        Text(question.competencyCode), Text(text.integer(question.level + 1)),
                        Text(text.text(Message(question.kind))), Text(question.prompt),
                        Text(text.integer(versions[question.id] ?? question.version)),
                    ]
                }, stacksOnPhone: true)
        }
    }
}

/// The files the bank moves in and out as.
enum QuestionBankFormat: String, CaseIterable {
    case csv
    case gift
    case moodle

    var name: String {
        switch self {
        case .csv: "CSV"
        case .gift: "GIFT (Moodle)"
        case .moodle: "Moodle XML"
        }
    }

    var fileExtension: String {
        switch self {
        case .csv: "csv"
        case .gift: "gift.txt"
        case .moodle: "xml"
        }
    }

    var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .gift: "text/plain; charset=utf-8"
        case .moodle: "application/xml; charset=utf-8"
        }
    }
}
