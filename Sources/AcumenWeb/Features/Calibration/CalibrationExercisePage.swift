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
        let readiness = CalibrationReadiness.problems(
            cases: loaded.cases, masterRatings: masters, participants: loaded.participants.count)
        return Layout.page(exercise.title, context: context) {
            Paragraph { Link("All exercises", url: SitePath.calibration.url()) }
            H1(exercise.title)
            Paragraph {
                StatusBadge(text: exercise.status.label, kind: exercise.status.rawValue)
                Text(" \(loaded.frameworkName) · created \(exercise.createdOn)")
            }
            Paragraph(thresholdSentence(exercise.thresholds, text: context.localizer))
            if !exercise.panel.isEmpty { Paragraph("Expert panel: \(exercise.panel)") }
            switch exercise.status {
            case .draft:
                if readiness.isEmpty {
                    Paragraph("Everything is ready. Once open, cases and master ratings cannot change.")
                    ActionButton(title: "Open the exercise", url: "\(base)/open", csrf: context.csrf)
                } else {
                    Div {
                        H2("Before it can open")
                        List(readiness) { problem in ListItem(problem.description) }
                    }.class("notice")
                }
            case .open:
                ActionButton(title: "Close the exercise", url: "\(base)/close", csrf: context.csrf, style: "button")
            case .closed:
                Paragraph("Closed: no more ratings are taken.")
            }
            H2("Reference cases")
            if loaded.cases.isEmpty {
                Paragraph("No cases yet.")
            } else {
                DataTable(
                    caption: "Reference cases and their master ratings",
                    headings: ["Case", "Kind", "Competencies", "Master rating"],
                    rows: loaded.cases.map { referenceCase in
                        let set = masters[referenceCase.id] ?? [:]
                        let missing = referenceCase.competencyCodes.filter { set[$0] == nil }
                        return [
                            Text("\(referenceCase.position). \(referenceCase.title)"), Text(referenceCase.kind.label),
                            Text(referenceCase.competencyCodes.joined(separator: ", ")),
                            Link(
                                missing.isEmpty ? "Set (\(levelsText(set, loaded.framework)))" : "Missing: set it",
                                url: "\(base)/cases/\(referenceCase.id)/master"),
                        ]
                    })
            }
            if exercise.status == .draft { newCaseForm(loaded, context: context) }
            H2("Participants")
            if loaded.participants.isEmpty {
                Paragraph("Nobody yet.")
            } else {
                DataTable(
                    caption: "Participants", headings: ["Participant", "Role", "Submitted"],
                    rows: loaded.participants.map {
                        [
                            Text("\($0.name), \($0.email)"), Text($0.role.label),
                            Text($0.submittedOn?.description ?? "not yet"),
                        ]
                    })
            }
            if exercise.status != .closed && !users.isEmpty {
                Form(
                    url: "\(base)/participants", method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        Tag("fieldset") {
                            Tag("legend") { Text("Add participants") }
                            for user in users {
                                Tag("label") {
                                    Input(type: .checkbox, name: "user:\(user.id)", value: "on")
                                    Text(" \(user.email) (\(user.role.label))")
                                }.class("check")
                            }
                        }
                        SubmitButton(title: "Add the ticked people", style: "button")
                    })
            }
            resultsSection(loaded, results: results)
        }
    }

    static func thresholdSentence(_ thresholds: CalibrationThresholds, text: Localizer) -> String {
        text.text(
            ParticipantMessage.thresholds, count: thresholds.validForMonths, ["rule": thresholds.text(text)])
    }

    private static func levelsText(_ masters: [String: MasterRating], _ framework: FrameworkContent) -> String {
        masters.sorted { $0.key < $1.key }.map { "\($0.key) \(framework.levels.name(at: $0.value.level) ?? "")" }
            .joined(separator: ", ")
    }

    private static func newCaseForm(_ loaded: CalibrationExerciseContext, context: PageContext) -> Component {
        Form(
            url: SitePath.calibrationCases.url(loaded.exercise.id), method: .post,
            content: {
                H2("Add a case")
                CSRFField(token: context.csrf)
                Field(label: "Title", name: "title", required: true, maxLength: TextLimits.name)
                SelectField(
                    label: "Kind", name: "kind",
                    choices: ReferenceCaseKind.allCases.map { .init(value: $0.rawValue, label: $0.label) })
                AreaField(
                    label: "Scenario or transcript", name: "material", rows: 8,
                    hint: "What raters read. For a recorded role-play, a short description is enough.")
                Field(
                    label: "Link to the recording", name: "link", type: .url,
                    hint: "Only for a recorded role-play: where participants can watch it.")
                Tag("fieldset") {
                    Tag("legend") { Text("Competencies the case shows") }
                    for competency in loaded.framework.competencies {
                        Tag("label") {
                            Input(type: .checkbox, name: "competency:\(competency.code)", value: "on")
                            Text(" \(competency.code) \(competency.title)")
                        }.class("check")
                    }
                }
                SubmitButton(title: "Add the case", style: "button")
            })
    }

    private static func resultsSection(_ loaded: CalibrationExerciseContext, results: CalibrationResults) -> Component {
        let submitted = loaded.participants.filter { $0.submittedOn != nil }
        return Div {
            H2("Results")
            if submitted.isEmpty {
                Paragraph("Results appear as participants submit.")
            } else {
                DataTable(
                    caption: "Each participant against the master ratings",
                    headings: [
                        "Participant", "Ratings", "Exact", "Within one level", "Bias (levels)", "95 % interval",
                        "Weighted kappa", "Furthest on", "Calibrated",
                    ],
                    rows: submitted.map { participant in
                        guard let result = results.raters[participant.userID] else {
                            return [Text(participant.name), Text("0")] + Array(repeating: Text("–"), count: 6) + [
                                Text("No")
                            ]
                        }
                        let verdict = result.verdict(loaded.exercise.thresholds)
                        return [
                            Text(participant.name), Text("\(result.ratings)"),
                            Text(Percent.text(result.exactAgreement)),
                            Text(Percent.text(result.adjacentAgreement)),
                            Text(StatisticText.signed(result.meanDeviation)),
                            Text(StatisticText.interval(result.deviationInterval)),
                            Text(StatisticText.number(result.weightedKappa)),
                            Text(result.divergences.prefix(2).map(\.competencyCode).joined(separator: ", ")),
                            Text(
                                verdict.isCalibrated
                                    ? "Yes" : "No: " + verdict.shortfalls.map(\.description).joined(separator: "; ")),
                        ]
                    })
                Paragraph(
                    "Bias is the participant's level minus the master's, on average: positive is lenient, negative severe. Weighted kappa counts a near miss as partly right."
                ).class("hint")
                deviationChart(loaded, results: results, participants: submitted)
                if let group = results.group {
                    groupSection(group)
                } else {
                    Paragraph("Agreement among participants is measured once two or more have submitted.")
                }
            }
        }
    }

    /// Each participant's level beside the master's, case by case: a table drawn as a chart,
    /// each cell saying in text how far from the master it is, so colour is never the only sign.
    private static func deviationChart(
        _ loaded: CalibrationExerciseContext, results: CalibrationResults, participants: [CalibrationParticipant]
    ) -> Component {
        let units = loaded.cases.flatMap { referenceCase in referenceCase.competencyCodes.map { (referenceCase, $0) } }
        let levels = loaded.framework.levels
        return Div {
            H3("Each participant's levels against the master's")
            Paragraph(
                "= is the master's level; +1 one level above it (lenient), −1 one below (severe); n/o not observed; a blank was not rated."
            ).class("hint")
            Div {
                Tag("table") {
                    Tag("caption") { Text("Levels against the master, by participant and case") }
                    Tag("thead") {
                        Tag("tr") {
                            Tag("th") { Text("Participant") }.attribute(named: "scope", value: "col")
                            for (referenceCase, code) in units {
                                Tag("th") {
                                    Text("Case \(referenceCase.position) \(code)")
                                    Span {
                                        Text(
                                            results.masters[referenceCase.id]?[code].flatMap {
                                                levels.name(at: $0.level)
                                            }
                                                ?? "no master")
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
                                    let (text, kind) = deviationCell(
                                        results.level(
                                            of: participant.userID, caseID: referenceCase.id, competencyCode: code),
                                        master: results.masters[referenceCase.id]?[code]?.level)
                                    Tag("td") { Text(text) }.class("deviation deviation-\(kind)")
                                }
                            }
                        }
                    }
                }.class("table deviation-chart")
            }.class("table-scroll").attribute(named: "tabindex", value: "0")
                .accessibilityLabel("Levels against the master, by participant and case")
        }
    }

    private static func deviationCell(_ level: Int??, master: Int?) -> (String, String) {
        guard let level else { return ("", "missing") }
        guard let level else { return ("n/o", master == nil ? "same" : "missing") }
        guard let master else { return ("rated", "missing") }
        let difference = level - master
        switch difference {
        case 0: return ("=", "same")
        case 1...: return ("+\(difference)", difference == 1 ? "near" : "far")
        default: return ("−\(-difference)", difference == -1 ? "near" : "far")
        }
    }

    private static func groupSection(_ group: CalibrationGroupResult) -> Component {
        let report = group.overall
        let alphas = Dictionary(report.krippendorffAlpha.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        var rows: [[String]] = [
            ["Krippendorff's alpha, ordinal", StatisticText.number(alphas[.ordinal] ?? nil)],
            ["95 % interval (bootstrap over cases)", StatisticText.interval(group.ordinalAlphaInterval)],
            ["Krippendorff's alpha, nominal", StatisticText.number(alphas[.nominal] ?? nil)],
            ["Krippendorff's alpha, interval", StatisticText.number(alphas[.interval] ?? nil)],
            ["Fleiss' kappa", StatisticText.number(report.fleissKappa)],
        ]
        if let icc = report.icc {
            rows += [
                ["ICC(1,1)", StatisticText.number(icc.icc1)], ["ICC(2,1)", StatisticText.number(icc.icc2)],
                ["ICC(3,1)", StatisticText.number(icc.icc3)], ["ICC(1,k)", StatisticText.number(icc.icc1k)],
                ["ICC(2,k)", StatisticText.number(icc.icc2k)], ["ICC(3,k)", StatisticText.number(icc.icc3k)],
            ]
        } else {
            rows.append(["Intraclass correlations", "need two ratings rated by every participant"])
        }
        let ordinal = alphas[.ordinal] ?? nil
        return Div {
            H3("Agreement among the \(group.participants) participants who submitted")
            Paragraph {
                Tag("strong") { Text(AgreementReading.of(alpha: ordinal)) }
                Text(
                    " Ordinal alpha \(StatisticText.number(ordinal)): 1 is perfect agreement, 0 is what chance gives; 0.8 is the usual bar for relying on ratings."
                )
            }
            DataTable.text(
                caption: "Agreement over \(report.units) case and competency ratings",
                headings: ["Statistic", "Value"],
                rows: rows)
            DataTable.text(
                caption: "Competencies, hardest to agree on first",
                headings: [
                    "Competency", "Cases", "Pairs giving the same level", "Ordinal alpha", "95 % interval",
                    "Fleiss' kappa", "In words",
                ],
                rows: group.competencies.map {
                    [
                        $0.competencyCode, "\($0.units)", $0.pairAgreement.map(Percent.text) ?? "–",
                        $0.units < 2 ? "needs two cases" : StatisticText.number($0.ordinalAlpha),
                        StatisticText.interval($0.ordinalAlphaInterval), StatisticText.number($0.fleissKappa),
                        $0.units < 2 ? "One case cannot tell." : AgreementReading.of(alpha: $0.ordinalAlpha),
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
