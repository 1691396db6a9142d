import AcumenCore
import Foundation
import Vapor

/// An individual report as JSON. Levels are positions on the framework's scale (0 = lowest);
/// withheld and rolled-up groups are listed with their decision and carry no scores.
struct PersonReportDTO: Content {
    struct Group: Content {
        var source: RaterSource
        /// Absent while the cycle collects answers, for anonymous sources.
        var responses: Int?
        var decision: String
        var commentsShown: Bool
    }

    struct Statistic: Content {
        var count: Int
        var mean: Double
        var minimum: Double
        var maximum: Double
        var standardDeviation: Double

        init?(_ spread: Spread?) {
            guard let spread else { return nil }
            count = spread.count
            mean = spread.mean
            minimum = spread.minimum
            maximum = spread.maximum
            standardDeviation = spread.standardDeviation
        }
    }

    struct Competency: Content {
        var code: String
        var target: Int?
        var bySource: [String: Statistic]
        var others: Statistic?
        var customerMean: Double?
        var otherRatersShare: Double?
        var gap: Double?
        var selfOtherGap: String?
        var comments: [String: [String]]
        /// Only when the cycle shows severity-adjusted levels: by source, 0-based.
        var adjusted: [String: Double]?
    }

    struct Question: Content {
        var code: String
        var responses: Int
        var mean: Double?
        var dontKnow: Int
        var counts: [String: Int]
    }

    var cycleId: UUID
    var personId: UUID
    var name: String
    var levels: [String]
    var roleProfile: String?
    var groups: [Group]
    var otherRaters: [RaterSource]
    var competencies: [Competency]
    var questions: [Question]
    /// Responses, by source, from raters who were not calibrated when they rated.
    var uncalibratedResponses: [String: Int]

    init(_ loaded: ReportsController.LoadedReport) {
        let report = loaded.report
        cycleId = loaded.cycle.id
        personId = loaded.subject.id
        name = loaded.subject.name
        levels = loaded.framework.levels.names
        roleProfile = loaded.profile?.name
        groups = report.plan.groups.map { group in
            // How many anonymous raters answered is said only for groups shown on their own.
            Group(
                source: group.source,
                responses: group.source.isAnonymous && group.decision != .shown ? nil : group.responses,
                decision: group.decision.code, commentsShown: group.showsComments)
        }
        otherRaters = report.plan.otherRaters
        competencies = report.rows.map { row in
            let result = row.competency
            var bySource: [String: Statistic] = [:]
            for (source, spread) in result.bySource { bySource[source.rawValue] = Statistic(spread) }
            var comments: [String: [String]] = [:]
            for group in report.commentsByCompetency[result.competencyCode] ?? [] {
                comments[group.label] = group.comments
            }
            return Competency(
                code: result.competencyCode, target: result.target, bySource: bySource,
                others: Statistic(result.others), customerMean: row.customerMean,
                otherRatersShare: row.otherRatersShare, gap: result.gap, selfOtherGap: result.selfOtherGap?.rawValue,
                comments: comments,
                adjusted: loaded.cycle.showsAdjustedScores
                    ? Dictionary(uniqueKeysWithValues: row.adjusted.map { ($0.key.rawValue, $0.value) }) : nil)
        }
        uncalibratedResponses = Dictionary(
            uniqueKeysWithValues: report.uncalibrated.map { ($0.key.rawValue, $0.value) })
        questions = report.questions.map { result in
            var counts: [String: Int] = [:]
            for (answer, count) in result.counts { counts[answer.rawValue] = count }
            return Question(
                code: result.questionCode, responses: result.responses, mean: result.mean, dontKnow: result.dontKnow,
                counts: counts)
        }
    }
}
