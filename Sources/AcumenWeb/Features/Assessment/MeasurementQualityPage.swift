import AcumenCore
import Plot

/// A cycle's measurement quality for programme staff: the questionnaire's internal consistency,
/// questions customers could not answer, straight-lined responses, and rating inflation.
enum MeasurementQualityPage {
    static func render(_ quality: MeasurementQuality, context: PageContext) -> HTMLPage {
        let cycle = quality.cycle
        let questionnaire = quality.questionnaire
        let guideline = RatingDistribution.expertGuideline
        return Layout.page("Measurement quality: \(cycle.name)", context: context) {
            Paragraph { Link("Back to \(cycle.name)", url: SitePath.cycle.url(cycle.id)) }
            H1("Measurement quality: \(cycle.name)")
            H2("Rating distribution")
            Paragraph(
                "The programme's guideline keeps \(quality.levels.names.last ?? "the top level") for the top \(Percent.text(guideline.lowerBound)) to \(Percent.text(guideline.upperBound)). A supervisor is shown as possible rating inflation when their share is above the guideline by more than chance explains (one-sided binomial test against \(Percent.text(guideline.upperBound)), p < \(StatisticText.number(RatingDistribution.significance)), at least \(RatingDistribution.minimumRatingsForJudgement) ratings)."
            ).class("hint")
            DataTable.text(
                caption: "Levels given in this cycle",
                headings: ["Raters", "Ratings"] + quality.levels.names + ["Check"],
                rows: [
                    distributionRow("All supervisors", quality.supervisors, quality.levels),
                    distributionRow("All peers", quality.peers, quality.levels),
                ] + quality.bySupervisor.map { distributionRow($0.name, $0.distribution, quality.levels) })
            if !quality.showsAnonymousSources {
                Paragraph(
                    "Peers' levels and the customer questionnaire are shown once the cycle has closed: while raters are still answering, two readings could be compared to find one rater's answers."
                ).class("hint")
            }
            H2("Customer questionnaire")
            Paragraph(
                "\(questionnaire.responses) \(questionnaire.responses == 1 ? "response" : "responses"); \(questionnaire.straightLined.count) gave the same answer to every question they scored (at least \(QuestionnaireQuality.minimumScoredForStraightLining)). Such responses are flagged in the CSV export."
            )
            DataTable.text(
                caption: "Internal consistency by category (Cronbach's alpha)",
                headings: ["Category", "Questions", "Complete responses", "Alpha"],
                rows: questionnaire.categories.map { category in
                    [
                        "\(category.code) \(category.title)", "\(category.questionCodes.count)",
                        "\(category.consistency?.completeResponses ?? 0)",
                        category.consistency.flatMap { $0.isReadable ? StatisticText.number($0.alpha) : nil }
                            ?? "Not enough responses (\(CronbachAlpha.minimumCompleteResponses) complete ones needed)",
                    ]
                })
            Paragraph(
                "Alpha says how consistently a category's questions measure one thing (0.7 or more is usual); it is shown from \(CronbachAlpha.minimumCompleteResponses) complete responses, since from fewer it swings past any meaning. A corrected item-total correlation is the question against the sum of its category's other questions: a low value means the question measures something else. Don't know counts answers customers could not give."
            ).class("hint")
            DataTable.text(
                caption: "Questions",
                headings: ["Question", "Category", "Answered", "Don't know", "Corrected item-total"],
                rows: questionnaire.questions.map { question in
                    [
                        "\(question.code): \(question.text)", question.categoryCode, "\(question.answered)",
                        question.dontKnowShare.map(Percent.text) ?? "–",
                        StatisticText.number(question.correctedItemTotal),
                    ]
                })
        }
    }

    private static func distributionRow(_ name: String, _ distribution: RatingDistribution, _ levels: LevelScale)
        -> [String]
    {
        let shares = levels.names.indices.map { level in
            distribution.share(level).map { "\(Percent.text($0)) (\(distribution.counts[level]))" } ?? "–"
        }
        let check: String
        if distribution.total < RatingDistribution.minimumRatingsForJudgement {
            check = "too few ratings to judge"
        } else if distribution.isPossibleInflation {
            check = "possible rating inflation"
        } else {
            check = "within what the guideline allows"
        }
        return [name, "\(distribution.total)"] + shares + [check]
    }
}
