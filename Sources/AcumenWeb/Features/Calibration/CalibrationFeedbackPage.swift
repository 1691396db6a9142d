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
        let mine = results.raters[loaded.user.id]
        let verdict = mine?.verdict(loaded.exercise.thresholds)
        return Layout.page("Your calibration: \(loaded.exercise.title)", context: context) {
            Paragraph { Link("Calibration", url: SitePath.calibration.url()) }
            H1("Your calibration: \(loaded.exercise.title)")
            Paragraph(CalibrationListPage.statusSentence(status, today: .today)).class("flash")
                .attribute(named: "role", value: "status")
            if let mine, let verdict {
                let thresholds = loaded.exercise.thresholds
                DataTable.text(
                    caption: "You against the master ratings", headings: ["Measure", "You", "What it means"],
                    rows: [
                        [
                            "Not comparable", "\(mine.missing) of \(mine.ratings + mine.missing)",
                            "Competencies left unrated, or not observed where the master saw evidence. Each counts as a disagreement; none may be left.",
                        ],
                        [
                            "Same level as the master", Percent.text(mine.exactAgreement),
                            "How often you chose exactly the master's level"
                                + (thresholds.minimumExactAgreement > 0
                                    ? "; \(Percent.text(thresholds.minimumExactAgreement)) needed." : "."),
                        ],
                        [
                            "Within one level", Percent.text(mine.adjacentAgreement),
                            "On three levels only Baseline against Expert misses this; \(Percent.text(thresholds.minimumAdjacentAgreement)) needed.",
                        ],
                        [
                            "Average bias (levels; positive is lenient)",
                            "\(StatisticText.signed(mine.meanDeviation)) (95 %: \(StatisticText.interval(mine.deviationInterval)))",
                            "Above zero you rate higher than the master, below zero lower; under \(StatisticText.number(thresholds.maximumAbsoluteBias)) either way is needed.",
                        ],
                        [
                            "Weighted kappa", StatisticText.number(mine.weightedKappa),
                            "Agreement beyond what chance would give, near misses counting half: 1 is perfect, 0 no better than chance"
                                + (thresholds.minimumWeightedKappa.map { "; \(StatisticText.number($0)) needed." }
                                    ?? "."),
                        ],
                        [
                            "Furthest from the master on",
                            mine.divergences.prefix(3).map(\.competencyCode).joined(separator: ", "),
                            "Where to look again at the behaviours of each level.",
                        ],
                    ])
                if !verdict.isCalibrated {
                    Div {
                        H2("Not calibrated yet")
                        List(verdict.shortfalls) { ListItem($0) }
                        Paragraph("The programme team will invite you to another exercise.")
                    }.class("notice")
                }
            }
            for referenceCase in loaded.cases {
                H2("Case \(referenceCase.position): \(referenceCase.title)")
                for code in referenceCase.competencyCodes {
                    let competency = framework.competencies.first { $0.code == code }
                    let yours = own.first { $0.caseID == referenceCase.id && $0.rating.competencyCode == code }
                    let master = results.masters[referenceCase.id]?[code]
                    let distribution = results.peerDistribution(
                        caseID: referenceCase.id, competencyCode: code, excluding: loaded.user.id)
                    Div {
                        H3("\(code) \(competency?.title ?? "")")
                        Paragraph {
                            Text("Your level: ")
                            Tag("strong") { Text(yours?.level.flatMap { levels.name(at: $0) } ?? "not observed") }
                            Text(" · Master level: ")
                            Tag("strong") { Text(master.flatMap { levels.name(at: $0.level) } ?? "–") }
                        }
                        if let master {
                            Paragraph("Why: \(master.rationale)")
                            let seen = behaviours(master.rating, competency: competency, levels: levels)
                            if !seen.isEmpty {
                                Paragraph("Behaviours the panel saw:").class("hint")
                                List(seen) { ListItem($0) }
                            }
                        }
                        if let distribution {
                            Paragraph(
                                "Other participants: "
                                    + levels.names.enumerated().map {
                                        "\($0.element) \(distribution.counts[$0.offset])"
                                    }
                                    .joined(separator: ", ")
                                    + (distribution.notObserved > 0 ? ", not observed \(distribution.notObserved)" : "")
                            )
                        } else {
                            Paragraph(
                                "Other participants' ratings appear once at least \(CalibrationResults.minimumPeersForDistribution) others have submitted."
                            ).class("hint")
                        }
                    }.class("feedback-item")
                }
            }
        }
    }

    private static func behaviours(
        _ rating: CompetencyRatingInput, competency: CompetencyContent?, levels: LevelScale
    ) -> [String] {
        guard let competency else { return [] }
        return rating.observed.sorted { $0.key < $1.key }.flatMap { level, positions in
            positions.sorted().compactMap { position in
                competency.standard(at: level)?.behaviours[safe: position].map {
                    "\(levels.name(at: level) ?? ""): \($0)"
                }
            }
        }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
