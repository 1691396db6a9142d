import AcumenCore
import AcumenStore
import Foundation
import Plot

/// The customer's vendor scorecard and the questionnaire its reviewers answer about a vendor.
enum VendorScorecardPage {
    typealias Cell = Node<HTML.BodyContext>

    static func render(_ loaded: VendorScorecardController.Loaded, context: PageContext) -> HTMLPage {
        let text = context.localizer
        let title = text.text(VendorScorecardMessage.title)
        let scores = loaded.scores
        let columns = scores.map { "\($0.vendor) \($0.year)" }
        let competencies = orderedCompetencies(loaded.questionnaire, scores: scores)
        let host = ["host": loaded.hostName]
        return Layout.page(title, context: context) {
            H1(title)
            Paragraph(text.text(VendorScorecardMessage.intro, ["customer": loaded.customer.name]))
            Paragraph(text.text(VendorScorecardMessage.sources, host)).class("definition")
            if !loaded.hostWithheldYears.isEmpty {
                Paragraph(
                    text.text(
                        VendorScorecardMessage.hostWithheld,
                        host.merging([
                            "years": text.list(loaded.hostWithheldYears.map(String.init)),
                            "minimum": text.integer(loaded.minimumCustomers),
                        ]) { $1 })
                ).class("notice")
            }
            if scores.isEmpty {
                Paragraph(text.text(VendorScorecardMessage.empty, host)).class("notice")
            } else {
                Div {
                    Node<HTML.BodyContext>.raw(
                        BarChart(
                            title: text.text(VendorScorecardMessage.chartTitle),
                            bars: scores.map { score in
                                .init(
                                    label: "\(score.vendor) \(score.year)", value: score.overall.share ?? 0,
                                    valueText: score.overall.share.map(text.percent) ?? "–")
                            }
                        ).svg())
                }.class("chart")
                DataTable(
                    caption: text.text(VendorScorecardMessage.tableCaption),
                    headings: [text.text(VendorScorecardMessage.competency)] + columns,
                    rows: competencies.map { code in
                        [Cell.text(code)]
                            + scores.map { Cell.text($0.byCompetency[code]?.share.map(text.percent) ?? "–") }
                    }
                        + [
                            [Cell.text(text.text(VendorScorecardMessage.allCompetencies))]
                                + scores.map { Cell.text($0.overall.share.map(text.percent) ?? "–") },
                            [Cell.text(text.text(VendorScorecardMessage.questionnaires))]
                                + scores.map { Cell.text(text.integer($0.responses)) },
                        ])
            }
            actions(loaded, context: context)
            answered(loaded, context: context)
            Tag("section") {
                H2(text.text(VendorScorecardMessage.addHeading))
                Paragraph(text.text(VendorScorecardMessage.addIntro))
                Form(
                    url: SitePath.vendorScorecardVendors.url(), method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        Field(
                            label: text.text(VendorScorecardMessage.vendorName), name: "name", required: true,
                            maxLength: 120)
                        SubmitButton(title: text.text(VendorScorecardMessage.addVendor))
                    })
                if !loaded.vendors.isEmpty {
                    List(loaded.vendors) { vendor in
                        ListItem {
                            Link(
                                text.text(VendorScorecardMessage.answerAbout, ["vendor": vendor.name]),
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
            H2(text.text(VendorScorecardMessage.actionsHeading)).id("actions")
            Paragraph(text.text(VendorScorecardMessage.actionsIntro, ["host": loaded.hostName]))
            DataTable(
                caption: text.text(VendorScorecardMessage.actionsCaption),
                headings: [
                    VendorScorecardMessage.vendor, .year, .action, .accountable, .due, .status,
                ].map { text.text($0) },
                rows: loaded.hostActions.map { entry in
                    [
                        Cell.text(loaded.hostName), Cell.text(String(entry.year)),
                        Cell.a(.href(SitePath.account.url(entry.action.accountID)), .text(entry.action.item.title)),
                        Cell.text(entry.action.item.ownerName), Cell.text(due(entry.action.item.dueDate)),
                        Cell.text(text.standalone(text.text(StatusMessage(entry.action.item.status)))),
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
                H3(text.text(VendorScorecardMessage.addActionHeading))
                Form(
                    url: SitePath.vendorActions.url(), method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        SelectField(
                            label: text.text(VendorScorecardMessage.vendor), name: "vendor",
                            choices: loaded.vendors.map { .init(value: $0.id.lowercasedString, label: $0.name) })
                        SelectField(
                            label: text.text(VendorScorecardMessage.reviewYear), name: "year",
                            choices: VendorScorecardController.years.reversed().map {
                                .init(value: String($0), label: String($0))
                            })
                        Field(
                            label: text.text(VendorScorecardMessage.whatWillBeDone), name: "title", required: true,
                            maxLength: 300)
                        Field(
                            label: text.text(VendorScorecardMessage.whoIsAccountable), name: "ownerName",
                            required: true, maxLength: 120)
                        Field(label: text.text(VendorScorecardMessage.dueOptional), name: "dueDate", type: .date)
                        SubmitButton(title: text.text(VendorScorecardMessage.addAction))
                    }
                )
            }
        }
    }

    /// The questionnaires answered here, each removable (after a confirmation) when entered by mistake.
    private static func answered(_ loaded: VendorScorecardController.Loaded, context: PageContext) -> Component {
        let text = context.localizer
        let names = Dictionary(uniqueKeysWithValues: loaded.vendors.map { ($0.id, $0.name) })
        return Tag("section") {
            if !loaded.ratings.isEmpty {
                H2(text.text(VendorScorecardMessage.answeredHeading)).id("answered")
                Paragraph(text.text(VendorScorecardMessage.answeredIntro))
                DataTable(
                    caption: text.text(VendorScorecardMessage.answeredCaption),
                    headings: [
                        text.text(VendorScorecardMessage.vendor), text.text(VendorScorecardMessage.year),
                        text.text(VendorScorecardMessage.answeredOn), text.text(VendorScorecardMessage.removeAction),
                    ],
                    rows: loaded.ratings.map { rating in
                        let vendor = names[rating.vendorID] ?? ""
                        let day = rating.ratedOn.map(text.date) ?? "–"
                        return [
                            Cell.text(vendor), Cell.text(String(rating.year)), Cell.text(day),
                            Cell.a(
                                .href(SitePath.vendorRatingRemoval.url(rating.id)),
                                .attribute(
                                    named: "aria-label",
                                    value: text.text(
                                        VendorScorecardMessage.removeLabel,
                                        ["vendor": vendor, "year": String(rating.year), "date": day])),
                                .text(text.text(VendorScorecardMessage.remove))),
                        ]
                    }, stacksOnPhone: true)
            }
        }
    }

    private static func statusForm(_ action: VendorScorecardRepository.VendorAction, context: PageContext)
        -> Component
    {
        let text = context.localizer
        return Form(
            url: SitePath.vendorActionStatus.url(action.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                SelectField(
                    label: text.text(VendorScorecardMessage.statusOf, ["action": action.title]), name: "status",
                    choices: ActionItem.Status.allCases.map {
                        .init(value: $0.rawValue, label: text.standalone(text.text(StatusMessage($0))))
                    },
                    selected: action.status.rawValue, labelHidden: true)
                SubmitButton(title: text.text(VendorScorecardMessage.save), style: "button")
            }
        ).class("inline-form")
    }

    static func ratingForm(
        vendor: VendorScorecardRepository.ScoredVendor, questionnaire: Questionnaire, fields: [String: String],
        problem: String?, context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = text.text(VendorScorecardMessage.formTitle, ["vendor": vendor.name])
        return Layout.page(title, context: context) {
            H1(title)
            Paragraph(text.text(VendorScorecardMessage.formIntro))
            if let problem {
                Paragraph(problem).class("error").attribute(named: "role", value: "alert")
            }
            Form(
                url: SitePath.vendorRatings.url(vendor.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    SelectField(
                        label: text.text(VendorScorecardMessage.year), name: "year",
                        choices: VendorScorecardController.years.reversed().map {
                            .init(value: String($0), label: String($0))
                        }, selected: fields["year"])
                    for (number, question) in questionnaire.questions.enumerated() {
                        let name = "q:\(question.code)"
                        FrequencyQuestion(
                            number: number + 1, question: question, original: questionnaire.language, name: name,
                            chosen: fields[name], text: text
                        ).class("question")
                    }
                    SubmitButton(title: text.text(VendorScorecardMessage.keepAnswers))
                })
            Paragraph { Link(text.text(VendorScorecardMessage.back), url: SitePath.vendorScorecard.url()) }
        }
    }
}
