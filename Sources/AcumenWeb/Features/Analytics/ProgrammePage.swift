import AcumenCore
import Foundation
import Plot

/// The programme's results for a period, for a leadership meeting: uptake of the training,
/// promotions and turnover, and the customers' service rating. Each figure says how it is
/// counted; each chart has its table; the rows behind them download as CSV; the page prints
/// without its menus and forms.
enum ProgrammePage {
    typealias Message = ProgrammePageMessage

    static func render(
        _ figures: ProgrammeFigures, impact: ProgrammeImpactLoader.Loaded?, problem: PeriodProblem?,
        context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let period = figures.period
        let range = ["from": text.date(period.from), "to": text.date(period.to)]
        return Layout.page(text.text(Message.title), context: context) {
            H1(text.text(Message.title))
            Paragraph(text.text(Message.intro, range))
            if let problem {
                Paragraph(sentence(problem, text: text)).class("error").attribute(named: "role", value: "alert")
            }
            Form(
                url: SitePath.programmeAnalytics.url(), method: .get,
                content: {
                    Div {
                        Field(
                            label: text.text(Message.from), name: "from", value: period.from.description, type: .date,
                            required: true)
                        Field(
                            label: text.text(Message.to), name: "to", value: period.to.description, type: .date,
                            required: true)
                    }.class("field-row")
                    SubmitButton(title: text.text(Message.show), style: "button")
                }
            ).class("period")
            adoption(figures, text: text)
            people(figures, text: text)
            service(figures, text: text)
            competencies(impact, period: period, text: text)
        }
    }

    static func query(_ period: ReportingPeriod) -> String { "?from=\(period.from)&to=\(period.to)" }

    private static func share(_ value: Double?, text: Localizer) -> String {
        value.map(text.percent) ?? text.text(Message.none)
    }

    private static func figure(
        _ term: Message, _ value: String, _ definition: Message, _ arguments: [String: String] = [:], text: Localizer
    )
        -> Component
    {
        ComponentGroup {
            Tag("dt") { Text(text.text(term)) }
            Tag("dd") {
                Tag("strong") { Text(value) }
                Paragraph(text.text(definition, arguments)).class("definition")
            }
        }
    }

    private static func download(_ label: Message, _ path: SitePath, _ period: ReportingPeriod, text: Localizer)
        -> Component
    {
        Paragraph { Link(text.text(label), url: path.url() + query(period)) }.class("no-print")
    }

    private static func adoption(_ figures: ProgrammeFigures, text: Localizer) -> Component {
        let uptakeHeadings = [Message.completions, .people].map { text.text($0) }
        func uptakeTable(
            _ caption: Message, _ first: Message, _ rows: [ProgrammeFigures.Uptake], name: (String) -> String
        )
            -> Component
        {
            DataTable(
                caption: text.text(caption), headings: [text.text(first)] + uptakeHeadings,
                rows: rows.map { row in
                    [
                        Node<HTML.BodyContext>.text(name(row.name)),
                        Node<HTML.BodyContext>.text(text.integer(row.completions)),
                        Node<HTML.BodyContext>.text(text.integer(row.people)),
                    ]
                })
        }
        return Tag("section") {
            H2(text.text(Message.adoption))
            Tag("dl") {
                figure(.accountManagers, text.integer(figures.accountManagers), .accountManagersDefinition, text: text)
                figure(
                    .adoptionRate, share(figures.adoptionRate, text: text), .adoptionRateDefinition,
                    ["adopters": text.integer(figures.adopters), "all": text.integer(figures.accountManagers)],
                    text: text)
                figure(
                    .distinctOfferings, text.integer(figures.distinctOfferings), .distinctOfferingsDefinition,
                    ["completions": text.integer(figures.completions)], text: text)
                figure(
                    .locationsReached, text.integer(figures.locationsReached), .locationsReachedDefinition,
                    ["all": text.integer(figures.locations)], text: text)
            }.class("facts figures")
            if figures.byMonth.isEmpty {
                Paragraph(text.text(Message.noCompletions))
            } else {
                Div {
                    Div {
                        Node<HTML.BodyContext>.raw(
                            BarChart(
                                title: text.text(Message.byMonthChart),
                                bars: figures.byMonth.map {
                                    .init(
                                        label: $0.name, value: Double($0.completions),
                                        valueText: text.integer($0.completions))
                                }
                            ).svg())
                    }.class("chart")
                    uptakeTable(.byMonth, .month, figures.byMonth) { $0 }
                }.class("figure-pair")
                Div {
                    uptakeTable(.byFormat, .format, figures.byFormat) { name in
                        OfferingFormat(rawValue: name).map { text.text(CataloguePageMessage($0)) } ?? name
                    }
                    uptakeTable(.byCategory, .category, figures.byCategory) { $0 }
                }.class("figure-pair")
            }
            download(.completionsCSV, .programmeCompletionsCSV, figures.period, text: text)
        }
    }

    private static func people(_ figures: ProgrammeFigures, text: Localizer) -> Component {
        let turnover = figures.turnover
        return Tag("section") {
            H2(text.text(Message.peopleHeading))
            Tag("dl") {
                figure(
                    .promotions, text.integer(figures.promotions), .promotionsDefinition,
                    ["rate": share(figures.promotionRate, text: text)], text: text)
                figure(
                    .turnover, share(turnover.rate, text: text), .turnoverDefinition,
                    [
                        "leavers": text.integer(turnover.leavers),
                        "headcount": text.decimal(turnover.averageHeadcount, fractionDigits: 1),
                    ], text: text)
                figure(
                    .voluntaryTurnover, share(turnover.voluntaryRate, text: text), .voluntaryTurnoverDefinition,
                    ["leavers": text.integer(turnover.voluntaryLeavers)], text: text)
            }.class("facts figures")
            if figures.leaversWithoutReason > 0 {
                Paragraph(text.text(Message.withoutReason, count: figures.leaversWithoutReason))
            }
            DataTable(
                caption: text.text(Message.byLocation),
                headings: [Message.location, .headcount, .leavers, .turnover, .voluntaryTurnover].map { text.text($0) },
                rows: figures.turnoverByLocation.map { row in
                    [
                        Node<HTML.BodyContext>.text(locationName(row.location, text: text)),
                        Node<HTML.BodyContext>.text(text.decimal(row.averageHeadcount, fractionDigits: 1)),
                        Node<HTML.BodyContext>.text(text.integer(row.leavers)),
                        Node<HTML.BodyContext>.text(share(row.rate, text: text)),
                        Node<HTML.BodyContext>.text(share(row.voluntaryRate, text: text)),
                    ]
                }, stacksOnPhone: true)
            download(.peopleCSV, .programmePeopleCSV, figures.period, text: text)
        }
    }

    private static func service(_ figures: ProgrammeFigures, text: Localizer) -> Component {
        Tag("section") {
            H2(text.text(Message.serviceHeading))
            Tag("dl") {
                figure(.serviceRating, share(figures.serviceRating, text: text), .serviceRatingDefinition, text: text)
            }.class("facts figures")
            if figures.serviceCyclesWithheld > 0 {
                Paragraph(text.text(Message.cyclesWithheld, count: figures.serviceCyclesWithheld))
            }
            if !figures.serviceCycles.isEmpty {
                Div {
                    Node<HTML.BodyContext>.raw(
                        BarChart(
                            title: text.text(Message.serviceTrendChart),
                            bars: figures.serviceCycles.map {
                                .init(
                                    label: "\($0.cycleName) (\($0.closesOn.year))", value: $0.favourableShare ?? 0,
                                    valueText: share($0.favourableShare, text: text))
                            }
                        ).svg())
                }.class("chart")
                DataTable(
                    caption: text.text(Message.byCycle),
                    headings: [Message.cycle, .closedOn, .customers, .serviceRating].map { text.text($0) },
                    rows: figures.serviceCycles.map { cycle in
                        [
                            Node<HTML.BodyContext>.text(cycle.cycleName),
                            Node<HTML.BodyContext>.text(text.date(cycle.closesOn)),
                            Node<HTML.BodyContext>.text(text.integer(cycle.responses)),
                            Node<HTML.BodyContext>.text(share(cycle.favourableShare, text: text)),
                        ]
                    }, stacksOnPhone: true)
            }
            download(.serviceCSV, .programmeServiceCSV, figures.period, text: text)
        }
    }

    private static func signed(_ value: Double, text: Localizer) -> String {
        (value > 0 ? "+" : "") + text.decimal(value, fractionDigits: 2)
    }

    private static func competencies(_ loaded: ProgrammeImpactLoader.Loaded?, period: ReportingPeriod, text: Localizer)
        -> Component
    {
        Tag("section") {
            H2(text.text(Message.competencyHeading))
            if let loaded {
                let impact = loaded
                let cycles = [
                    "earlier": impact.earlier.name, "earlierDay": text.date(impact.earlier.closesOn),
                    "later": impact.later.name, "laterDay": text.date(impact.later.closesOn),
                ]
                Tag("dl") {
                    figure(
                        .competencyChange,
                        impact.meanCompetencyChange.map { signed($0, text: text) } ?? text.text(Message.none),
                        .competencyChangeDefinition,
                        cycles.merging(["people": text.integer(impact.people.count)]) { a, _ in a },
                        text: text)
                }.class("facts figures")
                DataTable(
                    caption: text.text(Message.byCompetency),
                    headings: [Message.competency, .people, .earlierMean, .laterMean, .change].map { text.text($0) },
                    rows: impact.competencyChanges.map { row in
                        [
                            Node<HTML.BodyContext>.text(row.competencyCode),
                            Node<HTML.BodyContext>.text(text.integer(row.people)),
                            Node<HTML.BodyContext>.text(text.decimal(row.earlierMean, fractionDigits: 2)),
                            Node<HTML.BodyContext>.text(text.decimal(row.laterMean, fractionDigits: 2)),
                            Node<HTML.BodyContext>.text(signed(row.change, text: text)),
                        ]
                    }, stacksOnPhone: true)
                H3(text.text(Message.impactHeading))
                Paragraph(text.text(Message.impactDefinition, cycles)).class("definition")
                let comparisons: [(Message, ProgrammeImpact.Comparison?)] = [
                    (.competencyMeasure, impact.competencyComparison), (.customerMeasure, impact.customerComparison),
                ]
                DataTable(
                    caption: text.text(Message.impactCaption),
                    headings: [Message.measure, .trained, .untrained, .difference, .interval].map { text.text($0) },
                    rows: comparisons.map { name, comparison in
                        guard let comparison else {
                            return [
                                Node<HTML.BodyContext>.text(text.text(name)),
                                Node<HTML.BodyContext>.text(
                                    text.text(Message.tooFewToCompare, ["minimum": text.integer(impact.minimumGroup)])),
                                Node<HTML.BodyContext>.text("–"), Node<HTML.BodyContext>.text("–"),
                                Node<HTML.BodyContext>.text("–"),
                            ]
                        }
                        let interval = comparison.interval
                        return [
                            Node<HTML.BodyContext>.text(text.text(name)),
                            Node<HTML.BodyContext>.text(
                                text.text(
                                    Message.groupMean,
                                    [
                                        "mean": signed(comparison.trainedMean, text: text),
                                        "people": text.integer(comparison.trained),
                                    ])),
                            Node<HTML.BodyContext>.text(
                                text.text(
                                    Message.groupMean,
                                    [
                                        "mean": signed(comparison.untrainedMean, text: text),
                                        "people": text.integer(comparison.untrained),
                                    ])),
                            Node<HTML.BodyContext>.text(signed(comparison.difference, text: text)),
                            Node<HTML.BodyContext>.text(
                                "\(signed(interval.lowerBound, text: text)) … \(signed(interval.upperBound, text: text)) "
                                    + text.text(comparison.isClear ? Message.clear : .unclear)),
                        ]
                    }, stacksOnPhone: true)
                Paragraph(text.text(Message.association)).class("notice")
                download(.impactCSV, .programmeImpactCSV, period, text: text)
            } else {
                Paragraph(text.text(Message.noComparison))
            }
        }
    }

    private static func locationName(_ location: String, text: Localizer) -> String {
        if location.isEmpty { return text.text(Message.noLocation) }
        return location.lowercased() == "remote" ? text.text(Message.remote) : location
    }

    /// What is wrong with the days asked for, for the page and for the API's 400.
    static func sentence(_ problem: PeriodProblem, text: Localizer) -> String {
        switch problem {
        case .unreadable(let field): text.text(Message.unreadableDay, ["field": field])
        case .endsBeforeItStarts: text.text(Message.endsBeforeItStarts)
        case .tooLong: text.text(Message.tooLong)
        }
    }
}

enum ProgrammePageMessage: String, MessageKey, CaseIterable {
    case title = "programme.title"
    case intro = "programme.intro"
    case from = "programme.from"
    case to = "programme.to"
    case show = "programme.show"
    case none = "programme.none"
    case adoption = "programme.adoption"
    case accountManagers = "programme.accountManagers"
    case accountManagersDefinition = "programme.accountManagersDefinition"
    case adoptionRate = "programme.adoptionRate"
    case adoptionRateDefinition = "programme.adoptionRateDefinition"
    case distinctOfferings = "programme.distinctOfferings"
    case distinctOfferingsDefinition = "programme.distinctOfferingsDefinition"
    case locationsReached = "programme.locationsReached"
    case locationsReachedDefinition = "programme.locationsReachedDefinition"
    case noCompletions = "programme.noCompletions"
    case byMonthChart = "programme.byMonthChart"
    case byMonth = "programme.byMonth"
    case byFormat = "programme.byFormat"
    case byCategory = "programme.byCategory"
    case month = "programme.month"
    case format = "programme.format"
    case category = "programme.category"
    case completions = "programme.completions"
    case people = "programme.people"
    case completionsCSV = "programme.completionsCSV"
    case peopleHeading = "programme.peopleHeading"
    case promotions = "programme.promotions"
    case promotionsDefinition = "programme.promotionsDefinition"
    case turnover = "programme.turnover"
    case turnoverDefinition = "programme.turnoverDefinition"
    case voluntaryTurnover = "programme.voluntaryTurnover"
    case voluntaryTurnoverDefinition = "programme.voluntaryTurnoverDefinition"
    case withoutReason = "programme.withoutReason"
    case byLocation = "programme.byLocation"
    case location = "programme.location"
    case noLocation = "programme.noLocation"
    case remote = "programme.remote"
    case headcount = "programme.headcount"
    case leavers = "programme.leavers"
    case peopleCSV = "programme.peopleCSV"
    case serviceHeading = "programme.serviceHeading"
    case serviceRating = "programme.serviceRating"
    case serviceRatingDefinition = "programme.serviceRatingDefinition"
    case cyclesWithheld = "programme.cyclesWithheld"
    case byCycle = "programme.byCycle"
    case cycle = "programme.cycle"
    case closedOn = "programme.closedOn"
    case customers = "programme.customers"
    case serviceCSV = "programme.serviceCSV"
    case unreadableDay = "programme.unreadableDay"
    case endsBeforeItStarts = "programme.endsBeforeItStarts"
    case tooLong = "programme.tooLong"
    case serviceTrendChart = "programme.serviceTrendChart"
    case competencyHeading = "programme.competencyHeading"
    case competencyChange = "programme.competencyChange"
    case competencyChangeDefinition = "programme.competencyChangeDefinition"
    case byCompetency = "programme.byCompetency"
    case competency = "programme.competency"
    case earlierMean = "programme.earlierMean"
    case laterMean = "programme.laterMean"
    case change = "programme.change"
    case impactHeading = "programme.impactHeading"
    case impactDefinition = "programme.impactDefinition"
    case impactCaption = "programme.impactCaption"
    case measure = "programme.measure"
    case trained = "programme.trained"
    case untrained = "programme.untrained"
    case difference = "programme.difference"
    case interval = "programme.interval"
    case competencyMeasure = "programme.competencyMeasure"
    case customerMeasure = "programme.customerMeasure"
    case groupMean = "programme.groupMean"
    case tooFewToCompare = "programme.tooFewToCompare"
    case clear = "programme.clear"
    case unclear = "programme.unclear"
    case association = "programme.association"
    case impactCSV = "programme.impactCSV"
    case noComparison = "programme.noComparison"
}
