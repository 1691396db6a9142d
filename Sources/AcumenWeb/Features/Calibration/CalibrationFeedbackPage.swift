import AcumenCore
import Plot

/// What a participant sees after submitting: per case and competency, their level beside the
/// master's with its rationale and behaviours, and the anonymous distribution of the others'.
enum CalibrationFeedbackPage {
    static func render(
        _ loaded: CalibrationExerciseContext, own: [StoredCalibrationRating], results: CalibrationResults,
        status: CalibrationStatus?, context: PageContext
    ) -> HTMLPage {
        let framework = loaded.framework
        let levels = framework.levels
        let text = context.localizer
        let mine = results.raters[loaded.user.id]
        let verdict = mine?.verdict(loaded.exercise.thresholds)
        let title = text.text(FeedbackMessage.title, ["exercise": loaded.exercise.title])
        return Layout.page(title, context: context) {
            Paragraph { Link(text.text(ParticipantMessage.title), url: SitePath.calibration.url()) }
            H1(title)
            Paragraph(CalibrationListPage.statusSentence(status, today: .today, text: text)).class("flash")
                .attribute(named: "role", value: "status")
            if let mine, let verdict {
                measures(mine, thresholds: loaded.exercise.thresholds, text: text)
                if !verdict.isCalibrated {
                    Div {
                        H2(text.text(FeedbackMessage.notCalibrated))
                        List(verdict.shortfalls) { ListItem($0.text(text)) }
                        Paragraph(text.text(FeedbackMessage.nextExercise))
                    }.class("notice")
                }
            }
            for referenceCase in loaded.cases {
                H2(
                    text.text(
                        ParticipantMessage.caseTitle,
                        ["number": text.integer(referenceCase.position), "title": referenceCase.title]))
                for code in referenceCase.competencyCodes {
                    let competency = framework.competencies.first { $0.code == code }
                    let yours = own.first { $0.caseID == referenceCase.id && $0.rating.competencyCode == code }
                    let master = results.masters[referenceCase.id]?[code]
                    let distribution = results.peerDistribution(
                        caseID: referenceCase.id, competencyCode: code, excluding: loaded.user.id)
                    let levelName = { (level: Int) in framework.text(.level(level), in: text.language).text }
                    Div {
                        H3 {
                            Text("\(code) ")
                            framework.span(.competencyTitle(code), text: text)
                        }
                        Paragraph {
                            Text(text.text(FeedbackMessage.yourLevel) + " ")
                            Tag("strong") {
                                Text(yours?.level.map(levelName) ?? text.text(FeedbackMessage.notObserved))
                            }
                            Text(" · " + text.text(FeedbackMessage.masterLevel) + " ")
                            Tag("strong") { Text(master.map { levelName($0.level) } ?? "–") }
                        }
                        if let master {
                            // The panel's rationale is shown as the panel wrote it.
                            Paragraph(text.text(FeedbackMessage.why, ["rationale": master.rationale]))
                            let seen = behaviours(
                                master.rating, competency: competency, framework: framework, text: text)
                            if !seen.isEmpty {
                                Paragraph(text.text(FeedbackMessage.panelSaw)).class("hint")
                                List(seen) { ListItem($0) }
                            }
                        }
                        if let distribution {
                            Paragraph(
                                text.text(
                                    FeedbackMessage.others,
                                    [
                                        "levels": text.list(
                                            levels.names.indices.map {
                                                "\(levelName($0)) \(text.integer(distribution.counts[$0]))"
                                            }
                                                + (distribution.notObserved > 0
                                                    ? [
                                                        text.text(
                                                            FeedbackMessage.notObservedCount,
                                                            ["count": text.integer(distribution.notObserved)])
                                                    ] : []))
                                    ]))
                        } else {
                            Paragraph(
                                text.text(
                                    FeedbackMessage.othersLater,
                                    ["minimum": text.integer(CalibrationResults.minimumPeersForDistribution)])
                            ).class("hint")
                        }
                    }.class("feedback-item")
                }
            }
        }
    }

    /// The participant's figures against the master ratings, each with what it means.
    private static func measures(_ mine: RaterCalibration, thresholds: CalibrationThresholds, text: Localizer)
        -> Component
    {
        let decimal = { (value: Double?) in value.map { text.decimal($0, fractionDigits: 2) } ?? "–" }
        let signed = { (value: Double) in (value > 0.005 ? "+" : "") + text.decimal(value, fractionDigits: 2) }
        let needed = { (share: String) in " " + text.text(FeedbackMessage.needed, ["value": share]) }
        return DataTable.text(
            caption: text.text(FeedbackMessage.caption),
            headings: [FeedbackMessage.measure, .you, .meaning].map { text.text($0) },
            rows: [
                [
                    text.text(FeedbackMessage.notComparable),
                    text.text(
                        ParticipantMessage.ratedOf,
                        ["rated": text.integer(mine.missing), "total": text.integer(mine.ratings + mine.missing)]),
                    text.text(FeedbackMessage.notComparableMeaning),
                ],
                [
                    text.text(FeedbackMessage.exact), text.percent(mine.exactAgreement),
                    text.text(FeedbackMessage.exactMeaning)
                        + (thresholds.minimumExactAgreement > 0
                            ? needed(text.percent(thresholds.minimumExactAgreement)) : ""),
                ],
                [
                    text.text(FeedbackMessage.adjacent), text.percent(mine.adjacentAgreement),
                    text.text(FeedbackMessage.adjacentMeaning)
                        + needed(text.percent(thresholds.minimumAdjacentAgreement)),
                ],
                [
                    text.text(FeedbackMessage.bias),
                    text.text(
                        FeedbackMessage.biasValue,
                        [
                            "bias": signed(mine.meanDeviation),
                            "from": mine.deviationInterval.map { signed($0.lowerBound) } ?? "–",
                            "to": mine.deviationInterval.map { signed($0.upperBound) } ?? "–",
                        ]),
                    text.text(FeedbackMessage.biasMeaning) + needed(decimal(thresholds.maximumAbsoluteBias)),
                ],
                [
                    text.text(FeedbackMessage.kappa), decimal(mine.weightedKappa),
                    text.text(FeedbackMessage.kappaMeaning)
                        + (thresholds.minimumWeightedKappa.map { needed(decimal($0)) } ?? ""),
                ],
                [
                    text.text(FeedbackMessage.furthest),
                    mine.divergences.prefix(3).map(\.competencyCode).joined(separator: ", "),
                    text.text(FeedbackMessage.furthestMeaning),
                ],
            ])
    }

    private static func behaviours(
        _ rating: CompetencyRatingInput, competency: CompetencyContent?, framework: FrameworkContent, text: Localizer
    ) -> [String] {
        guard let competency else { return [] }
        return rating.observed.sorted { $0.key < $1.key }.flatMap { level, positions in
            positions.sorted().compactMap { position -> String? in
                guard competency.standard(at: level)?.behaviours[safe: position] != nil else { return nil }
                let behaviour = framework.text(
                    .behaviour(competency.code, level: level, position: position), in: text.language)
                return "\(framework.text(.level(level), in: text.language).text): \(behaviour.text)"
            }
        }
    }
}

/// The words of a participant's calibration feedback.
enum FeedbackMessage: String, MessageKey, CaseIterable {
    case title = "feedback.title"
    case notCalibrated = "feedback.notCalibrated"
    case nextExercise = "feedback.nextExercise"
    case yourLevel = "feedback.yourLevel"
    case notObserved = "feedback.notObserved"
    case masterLevel = "feedback.masterLevel"
    case why = "feedback.why"
    case panelSaw = "feedback.panelSaw"
    case others = "feedback.others"
    case notObservedCount = "feedback.notObservedCount"
    case othersLater = "feedback.othersLater"
    case needed = "feedback.needed"
    case caption = "feedback.caption"
    case measure = "feedback.col.measure"
    case you = "feedback.col.you"
    case meaning = "feedback.col.meaning"
    case notComparable = "feedback.notComparable"
    case notComparableMeaning = "feedback.notComparableMeaning"
    case exact = "feedback.exact"
    case exactMeaning = "feedback.exactMeaning"
    case adjacent = "feedback.adjacent"
    case adjacentMeaning = "feedback.adjacentMeaning"
    case bias = "feedback.bias"
    case biasValue = "feedback.biasValue"
    case biasMeaning = "feedback.biasMeaning"
    case kappa = "feedback.kappa"
    case kappaMeaning = "feedback.kappaMeaning"
    case furthest = "feedback.furthest"
    case furthestMeaning = "feedback.furthestMeaning"
}
