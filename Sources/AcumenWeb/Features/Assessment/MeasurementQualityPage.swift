import AcumenCore
import Plot

/// A cycle's measurement quality for programme staff: the questionnaire's internal consistency,
/// questions customers could not answer, straight-lined responses, and rating inflation.
/// Programme staff read it in English for now; its words come from the catalogue.
enum MeasurementQualityPage {
    static func render(_ quality: MeasurementQuality, context: PageContext) -> HTMLPage {
        let cycle = quality.cycle
        let text = context.localizer
        let figure = StatisticText(text)
        let questionnaire = quality.questionnaire
        let guideline = RatingDistribution.expertGuideline
        let title = text.text(QualityMessage.title, ["cycle": cycle.name])
        return Layout.page(title, context: context) {
            Paragraph { Link(text.text(PreviewMessage.back, ["cycle": cycle.name]), url: SitePath.cycle.url(cycle.id)) }
            H1(title)
            H2(text.text(QualityMessage.distribution))
            Paragraph(
                text.text(
                    QualityMessage.guideline,
                    [
                        "level": quality.levels.names.last ?? "", "from": text.percent(guideline.lowerBound),
                        "to": text.percent(guideline.upperBound),
                        "p": figure.number(RatingDistribution.significance),
                        "minimum": text.integer(RatingDistribution.minimumRatingsForJudgement),
                    ])
            ).class("hint")
            DataTable.text(
                caption: text.text(QualityMessage.levelsCaption),
                headings: [text.text(QualityMessage.raters), text.text(QualityMessage.ratings)] + quality.levels.names
                    + [text.text(QualityMessage.check)],
                rows: [
                    distributionRow(
                        text.text(QualityMessage.allSupervisors), quality.supervisors, quality.levels, text),
                    distributionRow(text.text(QualityMessage.allPeers), quality.peers, quality.levels, text),
                ] + quality.bySupervisor.map { distributionRow($0.name, $0.distribution, quality.levels, text) })
            if !quality.showsAnonymousSources {
                Paragraph(text.text(QualityMessage.afterClose)).class("hint")
            }
            H2(text.text(QuestionsMessage.title))
            Paragraph(
                text.text(
                    QualityMessage.responses, count: questionnaire.responses,
                    [
                        "straightLined": text.integer(questionnaire.straightLined.count),
                        "minimum": text.integer(QuestionnaireQuality.minimumScoredForStraightLining),
                    ]))
            DataTable.text(
                caption: text.text(QualityMessage.consistencyCaption),
                headings: [QualityMessage.category, .questions, .completeResponses, .alpha].map { text.text($0) },
                rows: questionnaire.categories.map { category in
                    [
                        "\(category.code) \(category.title)", text.integer(category.questionCodes.count),
                        text.integer(category.consistency?.completeResponses ?? 0),
                        category.consistency.flatMap { $0.isReadable ? figure.number($0.alpha) : nil }
                            ?? text.text(
                                QualityMessage.notEnough,
                                ["minimum": text.integer(CronbachAlpha.minimumCompleteResponses)]),
                    ]
                })
            Paragraph(
                text.text(
                    QualityMessage.alphaHint, ["minimum": text.integer(CronbachAlpha.minimumCompleteResponses)])
            ).class("hint")
            DataTable.text(
                caption: text.text(QualityMessage.questionsCaption),
                headings: [QualityMessage.question, .category, .answered, .dontKnow, .itemTotal].map { text.text($0) },
                rows: questionnaire.questions.map { question in
                    [
                        "\(question.code): \(question.text)", question.categoryCode, text.integer(question.answered),
                        figure.percent(question.dontKnowShare),
                        figure.number(question.correctedItemTotal),
                    ]
                })
        }
    }

    private static func distributionRow(
        _ name: String, _ distribution: RatingDistribution, _ levels: LevelScale, _ text: Localizer
    ) -> [String] {
        let shares = levels.names.indices.map { level in
            distribution.share(level).map {
                text.text(
                    QualityMessage.shareOfCount,
                    ["share": text.percent($0), "count": text.integer(distribution.counts[level])])
            } ?? "–"
        }
        let check: QualityMessage =
            distribution.total < RatingDistribution.minimumRatingsForJudgement
            ? .tooFew : distribution.isPossibleInflation ? .inflation : .withinGuideline
        return [name, text.integer(distribution.total)] + shares + [text.text(check)]
    }
}

enum QualityMessage: String, MessageKey, CaseIterable {
    case title = "quality.title"
    case shareOfCount = "quality.shareOfCount"
    case distribution = "quality.distribution"
    case guideline = "quality.guideline"
    case levelsCaption = "quality.levelsCaption"
    case raters = "quality.raters"
    case ratings = "quality.ratings"
    case check = "quality.check"
    case allSupervisors = "quality.allSupervisors"
    case allPeers = "quality.allPeers"
    case afterClose = "quality.afterClose"
    case responses = "quality.responses"
    case consistencyCaption = "quality.consistencyCaption"
    case category = "quality.category"
    case questions = "quality.questions"
    case completeResponses = "quality.completeResponses"
    case alpha = "quality.alpha"
    case notEnough = "quality.notEnough"
    case alphaHint = "quality.alphaHint"
    case questionsCaption = "quality.questionsCaption"
    case question = "quality.question"
    case answered = "quality.answered"
    case dontKnow = "quality.dontKnow"
    case itemTotal = "quality.itemTotal"
    case tooFew = "quality.tooFew"
    case inflation = "quality.inflation"
    case withinGuideline = "quality.withinGuideline"
}
