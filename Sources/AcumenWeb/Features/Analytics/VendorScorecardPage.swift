import AcumenCore
import AcumenStore
import Foundation
import Plot

/// The customer's vendor scorecard and the questionnaire its reviewers answer about a vendor.
enum VendorScorecardPage {
    typealias Cell = Node<HTML.BodyContext>

    static func render(_ loaded: VendorScorecardController.Loaded, context: PageContext) -> HTMLPage {
        let text = context.localizer
        let title = "Vendor scorecard"
        let scores = loaded.scores
        let columns = scores.map { "\($0.vendor) \($0.year)" }
        let competencies = orderedCompetencies(loaded.questionnaire, scores: scores)
        return Layout.page(title, context: context) {
            H1(title)
            Paragraph(
                "How \(loaded.customer.name) scored each vendor's account team with the same annual questionnaire, year by year: for each competency, the share of answers on the scale (Never to Always, Don't know left out) that were Often or Always."
            )
            Paragraph(
                "\(loaded.hostName)'s scores come from the reviews its account managers asked you for, as far as the anonymity rules show them (groups of fewer customers than the minimum are left out). The other vendors' come from the questionnaires your team answered here; \(loaded.hostName) does not see them."
            ).class("definition")
            if !loaded.hostWithheldYears.isEmpty {
                Paragraph(
                    "\(loaded.hostName) in \(text.list(loaded.hostWithheldYears.map(String.init))): withheld. Fewer than \(text.integer(loaded.minimumCustomers)) of your reviewers answered about the account teams you review, or showing their answers would single out fewer; your own answers are kept, but no figure may let one reviewer's answers be worked out."
                ).class("notice")
            }
            if scores.isEmpty {
                Paragraph(
                    "Nothing is scored yet: \(loaded.hostName)'s scores appear once a review that asked you is released, and another vendor's once you answer the questionnaire about them."
                ).class("notice")
            } else {
                Div {
                    Node<HTML.BodyContext>.raw(
                        BarChart(
                            title: "Often or Always, all competencies, by vendor and year",
                            bars: scores.map { score in
                                .init(
                                    label: "\(score.vendor) \(score.year)", value: score.overall.share ?? 0,
                                    valueText: score.overall.share.map(text.percent) ?? "–")
                            }
                        ).svg())
                }.class("chart")
                DataTable(
                    caption: "Share of Often or Always, by competency, vendor and year",
                    headings: ["Competency"] + columns,
                    rows: competencies.map { code in
                        [Cell.text(code)]
                            + scores.map { Cell.text($0.byCompetency[code]?.share.map(text.percent) ?? "–") }
                    }
                        + [
                            [Cell.text("All competencies")]
                                + scores.map { Cell.text($0.overall.share.map(text.percent) ?? "–") },
                            [Cell.text("Questionnaires")] + scores.map { Cell.text(text.integer($0.responses)) },
                        ])
            }
            actions(loaded, context: context)
            Tag("section") {
                H2("Score another vendor")
                Paragraph(
                    "Add a vendor your mobility team works with, then answer the same questionnaire about their account team once a year."
                )
                Form(
                    url: SitePath.vendorScorecardVendors.url(), method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        Field(label: "Vendor's name", name: "name", required: true, maxLength: 120)
                        SubmitButton(title: "Add the vendor")
                    })
                if !loaded.vendors.isEmpty {
                    List(loaded.vendors) { vendor in
                        ListItem {
                            Link(
                                "Answer the questionnaire about \(vendor.name)",
                                url: SitePath.vendorRating.url(vendor.id))
                        }
                    }
                }
            }
        }
    }

    /// The questionnaire's competencies in its order, then any only the scores name.
    private static func orderedCompetencies(_ questionnaire: Questionnaire, scores: [VendorScore]) -> [String] {
        var order: [String] = []
        for question in questionnaire.questions where !order.contains(question.competencyCode) {
            order.append(question.competencyCode)
        }
        let extra = Set(scores.flatMap(\.byCompetency.keys)).subtracting(order).sorted()
        return order.filter { code in scores.contains { $0.byCompetency[code] != nil } } + extra
    }

    private static func actions(_ loaded: VendorScorecardController.Loaded, context: PageContext) -> Component {
        let text = context.localizer
        let names = Dictionary(uniqueKeysWithValues: loaded.vendors.map { ($0.id, $0.name) })
        func due(_ day: CalendarDate?) -> String { day.map(text.date) ?? "–" }
        return Tag("section") {
            H2("Action plans").id("actions")
            Paragraph(
                "The actions agreed in each annual review, with their status. \(loaded.hostName)'s are kept with each account; the other vendors' here."
            )
            DataTable(
                caption: "Actions agreed, by vendor and year",
                headings: ["Vendor", "Year", "Action", "Accountable", "Due", "Status"],
                rows: loaded.hostActions.map { entry in
                    [
                        Cell.text(loaded.hostName), Cell.text(String(entry.year)),
                        Cell.a(.href(SitePath.account.url(entry.action.accountID)), .text(entry.action.item.title)),
                        Cell.text(entry.action.item.ownerName), Cell.text(due(entry.action.item.dueDate)),
                        Cell.text(entry.action.item.status.label),
                    ]
                }
                    + loaded.vendorActions.map { action in
                        [
                            Cell.text(names[action.vendorID] ?? ""), Cell.text(String(action.year)),
                            Cell.text(action.title), Cell.text(action.ownerName), Cell.text(due(action.dueDate)),
                            Cell.component(statusForm(action, context: context)),
                        ]
                    }, stacksOnPhone: true)
            if !loaded.vendors.isEmpty {
                H3("Add an action agreed with a vendor")
                Form(
                    url: SitePath.vendorActions.url(), method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        SelectField(
                            label: "Vendor", name: "vendor",
                            choices: loaded.vendors.map { .init(value: $0.id.lowercasedString, label: $0.name) })
                        SelectField(
                            label: "Year of the review", name: "year",
                            choices: VendorScorecardController.years.reversed().map {
                                .init(value: String($0), label: String($0))
                            })
                        Field(label: "What will be done", name: "title", required: true, maxLength: 300)
                        Field(label: "Who is accountable", name: "ownerName", required: true, maxLength: 120)
                        Field(label: "Due (optional)", name: "dueDate", type: .date)
                        SubmitButton(title: "Add the action")
                    }
                )
            }
        }
    }

    private static func statusForm(_ action: VendorScorecardRepository.VendorAction, context: PageContext)
        -> Component
    {
        Form(
            url: SitePath.vendorActionStatus.url(action.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                SelectField(
                    label: "Status of \(action.title)", name: "status",
                    choices: ActionItem.Status.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                    selected: action.status.rawValue, labelHidden: true)
                SubmitButton(title: "Save", style: "button")
            }
        ).class("inline-form")
    }

    static func ratingForm(
        vendor: VendorScorecardRepository.ScoredVendor, questionnaire: Questionnaire, fields: [String: String],
        problem: String?, context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = "Questionnaire about \(vendor.name)"
        return Layout.page(title, context: context) {
            H1(title)
            Paragraph(
                "The same questions your team answers about every vendor's account team. Answer for the year you are scoring, from what you saw of their account manager and team; choose Don't know where you cannot say."
            )
            if let problem {
                Paragraph(problem).class("error").attribute(named: "role", value: "alert")
            }
            Form(
                url: SitePath.vendorRatings.url(vendor.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    SelectField(
                        label: "Year", name: "year",
                        choices: VendorScorecardController.years.reversed().map {
                            .init(value: String($0), label: String($0))
                        }, selected: fields["year"])
                    for (number, question) in questionnaire.questions.enumerated() {
                        let name = "q:\(question.code)"
                        Tag("fieldset") {
                            Tag("legend") {
                                let shown = question.text(in: text.language, original: questionnaire.language)
                                Text("\(number + 1). ")
                                Span(shown.text).written(in: shown.language, on: text)
                            }
                            Div {
                                for answer in FrequencyAnswer.allCases {
                                    Tag("label") {
                                        Input(type: .radio, name: name, value: answer.rawValue)
                                            .attribute(
                                                named: "checked",
                                                value: fields[name] == answer.rawValue ? "checked" : nil)
                                        Text(" " + answer.label(in: text))
                                    }.class("choice")
                                }
                            }.class("scale")
                        }.class("question")
                    }
                    SubmitButton(title: "Keep these answers")
                })
            Paragraph { Link("Back to the scorecard", url: SitePath.vendorScorecard.url()) }
        }
    }
}
