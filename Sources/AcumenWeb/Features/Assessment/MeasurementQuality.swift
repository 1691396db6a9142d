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
    /// Whether peers' and customers' figures are included: only once the cycle has closed, and
    /// only from groups the disclosure gate shows (see `load`).
    var showsAnonymousSources: Bool

    /// Peers' levels count only from groups that reports show on their own, and customers'
    /// answers only when the cycle-wide slice and the question are shown: a figure over all
    /// peers that included withheld groups, less the shown ones, would be the withheld group.
    static func load(cycle: AssessmentCycle, database: any Database) async throws -> MeasurementQuality {
        let framework = try await FrameworkRepository(database: database).version(id: cycle.frameworkID).content
        let questionnaire = try await CycleRepository(database: database).questionnaire(for: cycle)
        let responses = ResponseRepository(database: database)
        let disclosure = try await CycleDisclosure.load(cycle: cycle, database: database)
        let gate = disclosure.gate
        var customers: [CustomerResponseRecord] = []
        var peerLevels: [Int] = []
        if gate.permits(.everyone) {
            let shownQuestions = Set(
                questionnaire.questions.map(\.code).filter { gate.permits(question: $0, in: .everyone) })
            customers = try await responses.customerResponses(cycleID: cycle.id).map {
                CustomerResponseRecord(
                    answers: $0.answers.filter { shownQuestions.contains($0.key) }, comments: [:])
            }
        }
        if disclosure.isSettled {
            let shownPeers = Set(
                disclosure.subjects.filter { gate.feedsCycleFigures($0.plan, source: .peer) }.map(\.subject.id))
            peerLevels = try await responses.peerLevels(cycleID: cycle.id).filter {
                shownPeers.contains($0.subjectID)
            }.map(\.level)
        }
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
            peers: RatingDistribution(levels: peerLevels, levelCount: count),
            bySupervisor: bySupervisor, showsAnonymousSources: disclosure.isSettled)
    }
}
