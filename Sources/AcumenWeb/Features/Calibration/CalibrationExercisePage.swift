import AcumenCore
import Foundation
import Plot

enum CalibrationExercisePage {
    static func manager(
        _ loaded: CalibrationExerciseContext, results: CalibrationResults, users: [UserAccount], context: PageContext
    ) -> HTMLPage {
        let masters = results.masters
        let exercise = loaded.exercise
        let base = SitePath.calibrationExercise.url(exercise.id)
        let text = context.localizer
        let gaps = CalibrationReadiness.gaps(
            cases: loaded.cases, masterRatings: masters, participants: loaded.participants.count)
        return Layout.page(exercise.title, context: context) {
            Paragraph { Link(text.text(CalibrationSetupMessage.allExercises), url: SitePath.calibration.url()) }
            H1(exercise.title)
            Paragraph {
                StatusBadge(
                    text: text.standalone(text.text(StatusMessage(exercise.status))), kind: exercise.status.rawValue)
                Text(" ")
                Text(
                    text.text(
                        CalibrationSetupMessage.created,
                        ["framework": loaded.frameworkName, "date": text.date(exercise.createdOn)]))
            }
            Paragraph(thresholdSentence(exercise.thresholds, text: text))
            if !exercise.panel.isEmpty {
                Paragraph(text.text(CalibrationSetupMessage.panel, ["panel": exercise.panel]))
            }
            switch exercise.status {
            case .draft:
                if gaps.isEmpty {
                    Paragraph(text.text(CalibrationSetupMessage.ready))
                    ActionButton(
                        title: text.text(CalibrationSetupMessage.open), url: "\(base)/open", csrf: context.csrf)
                } else {
                    Div {
                        H2(text.text(CalibrationSetupMessage.beforeOpen))
                        List(gaps) { gap in ListItem(gapSentence(gap, text: text)) }
                    }.class("notice")
                }
            case .open:
                ActionButton(
                    title: text.text(CalibrationSetupMessage.close), url: "\(base)/close", csrf: context.csrf,
                    style: "button")
            case .closed:
                Paragraph(text.text(CalibrationSetupMessage.closedNote))
            }
            H2(text.text(CalibrationSetupMessage.cases))
            if loaded.cases.isEmpty {
                Paragraph(text.text(CalibrationSetupMessage.noCases))
            } else {
                DataTable(
                    caption: text.text(CalibrationSetupMessage.casesCaption),
                    headings: [CalibrationSetupMessage.colCase, .colKind, .colCompetencies, .colMaster].map {
                        text.text($0)
                    },
                    rows: loaded.cases.map { referenceCase in
                        let set = masters[referenceCase.id] ?? [:]
                        let missing = referenceCase.competencyCodes.filter { set[$0] == nil }
                        return [
                            Text(caseName(referenceCase, text: text)),
                            Text(text.text(ParticipantMessage(kind: referenceCase.kind))),
                            Text(text.list(referenceCase.competencyCodes)),
                            Link(
                                missing.isEmpty
                                    ? text.text(
                                        CalibrationSetupMessage.masterSet,
                                        ["levels": levelsText(set, loaded.framework, text: text)])
                                    : text.text(CalibrationSetupMessage.masterMissing),
                                url: "\(base)/cases/\(referenceCase.id)/master"),
                        ]
                    })
            }
            if exercise.status == .draft { newCaseForm(loaded, context: context) }
            H2(text.text(CalibrationSetupMessage.participants))
            if loaded.participants.isEmpty {
                Paragraph(text.text(CalibrationSetupMessage.nobodyYet))
            } else {
                DataTable(
                    caption: text.text(CalibrationSetupMessage.participants),
                    headings: [CalibrationSetupMessage.colParticipant, .colRole, .colSubmitted].map { text.text($0) },
                    rows: loaded.participants.map {
                        [
                            Text(
                                text.text(CalibrationSetupMessage.nameAndEmail, ["name": $0.name, "email": $0.email])),
                            Text(text.text(RoleMessage($0.role))),
                            Text($0.submittedOn.map(text.date) ?? text.text(CalibrationSetupMessage.notYet)),
                        ]
                    })
            }
            if exercise.status != .closed && !users.isEmpty {
                Form(
                    url: "\(base)/participants", method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        Tag("fieldset") {
                            Tag("legend") { Text(text.text(CalibrationSetupMessage.addParticipants)) }
                            for user in users {
                                Tag("label") {
                                    Input(type: .checkbox, name: "user:\(user.id)", value: "on")
                                    Text(" ")
                                    Text(
                                        text.text(
                                            CalibrationSetupMessage.userChoice,
                                            ["email": user.email, "role": text.text(RoleMessage(user.role))]))
                                }.class("check")
                            }
                        }
                        SubmitButton(title: text.text(CalibrationSetupMessage.addTicked), style: "button")
                    })
            }
            resultsSection(loaded, results: results, text: text)
        }
    }

    static func thresholdSentence(_ thresholds: CalibrationThresholds, text: Localizer) -> String {
        text.text(
            ParticipantMessage.thresholds, count: thresholds.validForMonths, ["rule": thresholds.text(text)])
    }

    private static func caseName(_ referenceCase: ReferenceCase, text: Localizer) -> String {
        text.text(
            CalibrationSetupMessage.caseName,
            ["number": text.integer(referenceCase.position), "title": referenceCase.title])
    }

    private static func gapSentence(_ gap: CalibrationReadiness.Gap, text: Localizer) -> String {
        switch gap {
        case .noCases: text.text(CalibrationSetupMessage.readinessNoCases)
        case .missingMasterRatings(let referenceCase, let codes):
            text.text(
                CalibrationSetupMessage.readinessMissingMaster,
                [
                    "number": text.integer(referenceCase.position), "title": referenceCase.title,
                    "codes": text.list(codes),
                ])
        case .noParticipants: text.text(CalibrationSetupMessage.readinessNoParticipants)
        }
    }

    private static func levelsText(
        _ masters: [String: MasterRating], _ framework: FrameworkContent, text: Localizer
    ) -> String {
        text.list(
            masters.sorted { $0.key < $1.key }.map {
                "\($0.key) \(framework.levels.name(at: $0.value.level) ?? "")"
            })
    }

    private static func newCaseForm(_ loaded: CalibrationExerciseContext, context: PageContext) -> Component {
        let text = context.localizer
        return Form(
            url: SitePath.calibrationCases.url(loaded.exercise.id), method: .post,
            content: {
                H2(text.text(CalibrationSetupMessage.addCase))
                CSRFField(token: context.csrf)
                Field(
                    label: text.text(CalibrationSetupMessage.fieldTitle), name: "title", required: true,
                    maxLength: TextLimits.name)
                SelectField(
                    label: text.text(CalibrationSetupMessage.fieldKind), name: "kind",
                    choices: ReferenceCaseKind.allCases.map {
                        .init(value: $0.rawValue, label: text.text(ParticipantMessage(kind: $0)))
                    })
                AreaField(
                    label: text.text(CalibrationSetupMessage.fieldMaterial), name: "material", rows: 8,
                    hint: text.text(CalibrationSetupMessage.hintMaterial))
                Field(
                    label: text.text(CalibrationSetupMessage.fieldLink), name: "link", type: .url,
                    hint: text.text(CalibrationSetupMessage.hintLink))
                Tag("fieldset") {
                    Tag("legend") { Text(text.text(CalibrationSetupMessage.caseCompetencies)) }
                    for competency in loaded.framework.competencies {
                        Tag("label") {
                            Input(type: .checkbox, name: "competency:\(competency.code)", value: "on")
                            Text(" \(competency.code) \(competency.title)")
                        }.class("check")
                    }
                }
                SubmitButton(title: text.text(CalibrationSetupMessage.addCaseButton), style: "button")
            })
    }

    private static func resultsSection(
        _ loaded: CalibrationExerciseContext, results: CalibrationResults, text: Localizer
    ) -> Component {
        let submitted = loaded.participants.filter { $0.submittedOn != nil }
        let figure = StatisticText(text)
        return Div {
            H2(text.text(CalibrationSetupMessage.results))
            if submitted.isEmpty {
                Paragraph(text.text(CalibrationSetupMessage.resultsLater))
            } else {
                DataTable(
                    caption: text.text(CalibrationSetupMessage.resultsCaption),
                    headings: [
                        CalibrationSetupMessage.colParticipant, .colRatings, .colExact, .colAdjacent, .colBias,
                        .colInterval, .colKappa, .colFurthest, .colCalibrated,
                    ].map { text.text($0) },
                    rows: submitted.map { participant in
                        guard let result = results.raters[participant.userID] else {
                            return [Text(participant.name), Text(text.integer(0))]
                                + Array(repeating: Text("–"), count: 6) + [
                                    Text(text.text(CalibrationSetupMessage.no))
                                ]
                        }
                        let verdict = result.verdict(loaded.exercise.thresholds)
                        return [
                            Text(participant.name), Text(text.integer(result.ratings)),
                            Text(figure.percent(result.exactAgreement)),
                            Text(figure.percent(result.adjacentAgreement)),
                            Text(figure.signed(result.meanDeviation)),
                            Text(figure.interval(result.deviationInterval)),
                            Text(figure.number(result.weightedKappa)),
                            Text(text.list(result.divergences.prefix(2).map(\.competencyCode))),
                            Text(
                                verdict.isCalibrated
                                    ? text.text(CalibrationSetupMessage.yes)
                                    : text.text(
                                        CalibrationSetupMessage.noBecause,
                                        ["shortfalls": text.list(verdict.shortfalls.map { $0.text(text) })])),
                        ]
                    })
                Paragraph(text.text(CalibrationSetupMessage.biasHint)).class("hint")
                deviationChart(loaded, results: results, participants: submitted, text: text)
                if let group = results.group {
                    groupSection(group, text: text)
                } else {
                    Paragraph(text.text(CalibrationSetupMessage.groupLater))
                }
            }
        }
    }

    /// Each participant's level beside the master's, case by case: a table drawn as a chart,
    /// each cell saying in text how far from the master it is, so colour is never the only sign.
    private static func deviationChart(
        _ loaded: CalibrationExerciseContext, results: CalibrationResults, participants: [CalibrationParticipant],
        text: Localizer
    ) -> Component {
        let units = loaded.cases.flatMap { referenceCase in referenceCase.competencyCodes.map { (referenceCase, $0) } }
        let levels = loaded.framework.levels
        let caption = text.text(CalibrationSetupMessage.chartCaption)
        return Div {
            H3(text.text(CalibrationSetupMessage.chartHeading))
            Paragraph(text.text(CalibrationSetupMessage.chartKey)).class("hint")
            Div {
                Tag("table") {
                    Tag("caption") { Text(caption) }
                    Tag("thead") {
                        Tag("tr") {
                            Tag("th") { Text(text.text(CalibrationSetupMessage.colParticipant)) }
                                .attribute(named: "scope", value: "col")
                            for (referenceCase, code) in units {
                                Tag("th") {
                                    Text(
                                        text.text(
                                            CalibrationSetupMessage.chartColumn,
                                            ["number": text.integer(referenceCase.position), "code": code]))
                                    Span {
                                        Text(
                                            results.masters[referenceCase.id]?[code].flatMap {
                                                levels.name(at: $0.level)
                                            }
                                                ?? text.text(CalibrationSetupMessage.chartNoMaster))
                                    }.class("hint")
                                }.attribute(named: "scope", value: "col")
                            }
                        }
                    }
                    Tag("tbody") {
                        for participant in participants {
                            Tag("tr") {
                                Tag("th") { Text(participant.name) }.attribute(named: "scope", value: "row")
                                for (referenceCase, code) in units {
                                    let (cell, kind) = deviationCell(
                                        results.level(
                                            of: participant.userID, caseID: referenceCase.id, competencyCode: code),
                                        master: results.masters[referenceCase.id]?[code]?.level, text: text)
                                    Tag("td") { Text(cell) }.class("deviation deviation-\(kind)")
                                }
                            }
                        }
                    }
                }.class("table deviation-chart")
            }.class("table-scroll").attribute(named: "tabindex", value: "0").accessibilityLabel(caption)
        }
    }

    /// The cell's text and its colour class: the difference from the master in levels.
    private static func deviationCell(_ level: Int??, master: Int?, text: Localizer) -> (String, String) {
        guard let level else { return ("", "missing") }
        guard let level else {
            return (text.text(CalibrationSetupMessage.chartNotObserved), master == nil ? "same" : "missing")
        }
        guard let master else { return (text.text(CalibrationSetupMessage.chartRated), "missing") }
        let difference = level - master
        switch difference {
        case 0: return ("=", "same")
        case 1...: return ("+" + text.integer(difference), difference == 1 ? "near" : "far")
        default: return ("−" + text.integer(-difference), difference == -1 ? "near" : "far")
        }
    }

    private static func groupSection(_ group: CalibrationGroupResult, text: Localizer) -> Component {
        let report = group.overall
        let figure = StatisticText(text)
        let alphas = Dictionary(report.krippendorffAlpha.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        var rows: [[String]] = [
            [text.text(CalibrationSetupMessage.statAlphaOrdinal), figure.number(alphas[.ordinal] ?? nil)],
            [text.text(CalibrationSetupMessage.statAlphaInterval95), figure.interval(group.ordinalAlphaInterval)],
            [text.text(CalibrationSetupMessage.statAlphaNominal), figure.number(alphas[.nominal] ?? nil)],
            [text.text(CalibrationSetupMessage.statAlphaInterval), figure.number(alphas[.interval] ?? nil)],
            [text.text(CalibrationSetupMessage.statFleiss), figure.number(report.fleissKappa)],
        ]
        // The ICC names are the statistic's notation in every language.
        if let icc = report.icc {
            rows += [
                ["ICC(1,1)", figure.number(icc.icc1)], ["ICC(2,1)", figure.number(icc.icc2)],
                ["ICC(3,1)", figure.number(icc.icc3)], ["ICC(1,k)", figure.number(icc.icc1k)],
                ["ICC(2,k)", figure.number(icc.icc2k)], ["ICC(3,k)", figure.number(icc.icc3k)],
            ]
        } else {
            rows.append([text.text(CalibrationSetupMessage.statIcc), text.text(CalibrationSetupMessage.statIccNeeds)])
        }
        let ordinal = alphas[.ordinal] ?? nil
        return Div {
            H3(text.text(CalibrationSetupMessage.groupHeading, count: group.participants))
            Paragraph {
                Tag("strong") { Text(text.text(CalibrationSetupMessage(AgreementReading.of(alpha: ordinal)))) }
                Text(" ")
                Text(text.text(CalibrationSetupMessage.groupAlphaSentence, ["alpha": figure.number(ordinal)]))
            }
            DataTable.text(
                caption: text.text(CalibrationSetupMessage.groupCaption, count: report.units),
                headings: [CalibrationSetupMessage.colStatistic, .colValue].map { text.text($0) },
                rows: rows)
            DataTable.text(
                caption: text.text(CalibrationSetupMessage.competencyCaption),
                headings: [
                    CalibrationSetupMessage.colCompetency, .colCases, .colPairs, .colOrdinalAlpha, .colInterval,
                    .colFleiss, .colInWords,
                ].map { text.text($0) },
                rows: group.competencies.map {
                    [
                        $0.competencyCode, text.integer($0.units), figure.percent($0.pairAgreement),
                        $0.units < 2
                            ? text.text(CalibrationSetupMessage.needsTwoCases) : figure.number($0.ordinalAlpha),
                        figure.interval($0.ordinalAlphaInterval), figure.number($0.fleissKappa),
                        $0.units < 2
                            ? text.text(CalibrationSetupMessage.oneCaseCannotTell)
                            : text.text(CalibrationSetupMessage(AgreementReading.of(alpha: $0.ordinalAlpha))),
                    ]
                })
        }
    }

    static func participant(
        _ loaded: CalibrationExerciseContext, own: [StoredCalibrationRating], problems: [ValidationProblem],
        context: PageContext
    ) -> HTMLPage {
        let base = SitePath.calibrationExercise.url(loaded.exercise.id)
        let text = context.localizer
        return Layout.page(loaded.exercise.title, context: context) {
            Paragraph { Link(text.text(ParticipantMessage.title), url: SitePath.calibration.url()) }
            H1(loaded.exercise.title)
            Paragraph(text.text(ParticipantMessage.howTo))
            Paragraph(thresholdSentence(loaded.exercise.thresholds, text: text)).class("hint")
            ProblemList(
                problems: problems, labels: [:], heading: text.text(ParticipantMessage.notSubmitted), text: text)
            if loaded.exercise.status == .closed {
                Paragraph(text.text(ParticipantMessage.closedBeforeSubmitting))
            }
            DataTable(
                caption: text.text(ParticipantMessage.casesCaption),
                headings: [ParticipantMessage.caseColumn, .competenciesColumn, .ratedColumn].map { text.text($0) },
                rows: loaded.cases.map { referenceCase in
                    let rated = own.filter {
                        $0.caseID == referenceCase.id && ($0.level != nil || $0.rating.notObserved)
                    }
                    .count
                    return [
                        Link(
                            "\(text.integer(referenceCase.position)). \(referenceCase.title)",
                            url: "\(base)/cases/\(referenceCase.id)"),
                        Text(referenceCase.competencyCodes.joined(separator: ", ")),
                        Text(
                            text.text(
                                ParticipantMessage.ratedOf,
                                [
                                    "rated": text.integer(rated),
                                    "total": text.integer(referenceCase.competencyCodes.count),
                                ])),
                    ]
                }, stacksOnPhone: true)
            if loaded.exercise.status == .open {
                ActionButton(
                    title: text.text(ParticipantMessage.submit), url: "\(base)/submit", csrf: context.csrf,
                    style: "button primary")
            }
        }
    }
}
