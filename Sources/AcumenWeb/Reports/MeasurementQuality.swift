import AcumenCore
import AcumenStore
import FluentKit
import Foundation

/// How well one cycle measured: the customer questionnaire's quality, and how supervisors'
/// and peers' levels spread against the guideline.
struct MeasurementQuality {
    struct SupervisorDistribution {
        var name: String
        var distribution: RatingDistribution
    }

    var cycle: AssessmentCycle
    var levels: LevelScale
    var questionnaire: QuestionnaireQuality
    var supervisors: RatingDistribution
    var peers: RatingDistribution
    /// Most Expert first.
    var bySupervisor: [SupervisorDistribution]

    static func load(cycle: AssessmentCycle, database: any Database) async throws -> MeasurementQuality {
        let framework = try await FrameworkRepository(database: database).version(id: cycle.frameworkID).content
        let questionnaire = try await CycleRepository(database: database).questionnaire(for: cycle)
        let responses = ResponseRepository(database: database)
        let customers = try await responses.customerResponses(cycleID: cycle.id)
        let supervisorLevels = try await responses.supervisorLevels(cycleID: cycle.id)
        let count = framework.levels.count
        let grouped = Dictionary(grouping: supervisorLevels, by: \.raterPersonID)
        let bySupervisor = grouped.values.map { levels in
            SupervisorDistribution(
                name: levels[0].raterName,
                distribution: RatingDistribution(levels: levels.map(\.level), levelCount: count))
        }.sorted {
            ($0.distribution.expertShare ?? 0, $1.name) > ($1.distribution.expertShare ?? 0, $0.name)
        }
        return MeasurementQuality(
            cycle: cycle, levels: framework.levels,
            questionnaire: QuestionnaireQuality.compute(
                responses: customers.map(\.answers), questionnaire: questionnaire, framework: framework),
            supervisors: RatingDistribution(levels: supervisorLevels.map(\.level), levelCount: count),
            peers: RatingDistribution(levels: try await responses.peerLevels(cycleID: cycle.id), levelCount: count),
            bySupervisor: bySupervisor)
    }
}
