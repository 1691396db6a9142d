import AcumenCore
import Foundation
import Plot

/// Assembling a check from the bank: its title and offering, written or verbal, the questions
/// it asks (chosen one by one, or a number drawn per competency and level for each attempt),
/// the time limit, pass mark, attempts allowed and whether options are shuffled.
enum NewCheckPage {
    private typealias Message = KnowledgeCheckMessage

    static func render(
        bank: [BankQuestion], offerings: [Offering], fields: [String: String], problems: [ValidationProblem],
        context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let pools = Dictionary(grouping: bank) { "\($0.competencyCode) \($0.level)" }
        return Layout.page(text.text(Message.newCheck), context: context) {
            Paragraph { Link(text.text(Message.listTitle), url: SitePath.checks.url()) }
            H1(text.text(Message.newCheck))
            ProblemList(problems: problems, heading: text.text(Message.notSaved), text: text)
            Form(
                url: SitePath.checks.url(), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(
                        label: text.text(Message.checkTitle), name: "title", value: fields["title"] ?? "",
                        required: true, maxLength: TextLimits.name)
                    Div {
                        SelectField(
                            label: text.text(Message.kind), name: "kind",
                            choices: [
                                .init(value: "written", label: text.text(Message.written)),
                                .init(value: "verbal", label: text.text(Message.verbal)),
                            ], selected: fields["kind"])
                        SelectField(
                            label: text.text(Message.offeringField), name: "offering",
                            choices: [.init(value: "", label: text.text(Message.noOffering))]
                                + offerings.map { .init(value: $0.id.uuidString, label: "\($0.title) (\($0.code))") },
                            selected: fields["offering"])
                    }.class("field-row")
                    Div {
                        Field(
                            label: text.text(Message.timeLimitField), name: "timeLimit",
                            value: fields["timeLimit"] ?? "",
                            type: .number)
                        Field(
                            label: text.text(Message.passMarkField), name: "passMark",
                            value: fields["passMark"] ?? "70",
                            type: .number, required: true)
                        Field(
                            label: text.text(Message.attemptsField), name: "attempts", value: fields["attempts"] ?? "",
                            type: .number)
                    }.class("field-row")
                    Tag("label") {
                        Input(type: .checkbox, name: "shuffle", value: "on")
                            .attribute(
                                named: "checked", value: fields["shuffle", default: "on"] == "on" ? "checked" : nil)
                        Text(" " + text.text(Message.shuffle))
                    }.class("choice")
                    H2(text.text(Message.drawHeading))
                    Paragraph(text.text(Message.drawHint)).class("hint")
                    DataTable(
                        caption: text.text(Message.drawHeading),
                        headings: [Message.competency, .level, .inBank, .toDraw].map { text.text($0) },
                        rows: pools.keys.sorted().compactMap { key in
                            guard let first = pools[key]?.first else { return nil }
                            let name = "draw.\(first.competencyCode).\(first.level)"
                            return [
                                Text(first.competencyCode), Text(text.integer(first.level + 1)),
                                Text(text.integer(pools[key]?.count ?? 0)),
                                Input(type: .number, name: name, value: fields[name] ?? "")
                                    .attribute(named: "min", value: "0")
                                    .attribute(
                                        named: "aria-label",
                                        value: text.text(
                                            Message.drawLabel,
                                            [
                                                "competency": first.competencyCode,
                                                "level": text.integer(first.level + 1),
                                            ])),
                            ]
                        }, stacksOnPhone: true)
                    H2(text.text(Message.fixedHeading))
                    Paragraph(text.text(Message.fixedHint)).class("hint")
                    Tag("fieldset") {
                        Tag("legend") { Text(text.text(Message.fixedHeading)) }
                        for question in bank {
                            let name = "question.\(question.id.uuidString.lowercased())"
                            Tag("label") {
                                Input(type: .checkbox, name: name, value: "on")
                                    .attribute(named: "checked", value: fields[name] == "on" ? "checked" : nil)
                                Text(
                                    " \(question.competencyCode) · \(text.integer(question.level + 1)) · \(text.text(Message(question.kind))) · \(question.prompt)"
                                )
                            }.class("choice")
                        }
                    }
                    SubmitButton(title: text.text(Message.createCheck))
                })
        }
    }
}
