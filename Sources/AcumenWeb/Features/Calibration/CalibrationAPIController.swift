import AcumenCore
import AcumenStore
import Vapor

/// Calibration results and the re-calibration list as JSON, for programme staff.
struct CalibrationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "calibration").access(.permitted(CalibrationPolicy.self, .prepare))
        api.get("due", use: due)
        api.get("exercises", use: exercises)
        api.get(":exerciseID", "results", use: results)
    }

    struct ExerciseDTO: Content {
        var id: UUID
        var title: String
        var framework: String
        var status: CalibrationExerciseStatus
        var cases: Int
        var participants: Int
        var submitted: Int
    }

    struct ExerciseListDTO: Content {
        var exercises: [ExerciseDTO]
    }

    /// Every exercise, for programme staff: what `results` takes an id from.
    @Sendable func exercises(request: Request) async throws -> ExerciseListDTO {
        ExerciseListDTO(
            exercises: try await CalibrationRepository(database: request.db).summaries().map { summary in
                ExerciseDTO(
                    id: summary.exercise.id, title: summary.exercise.title, framework: summary.frameworkName,
                    status: summary.exercise.status, cases: summary.cases, participants: summary.participants,
                    submitted: summary.submitted)
            })
    }

    struct RaterDTO: Content {
        var email: String
        var submittedOn: String
        var ratings: Int
        var missing: Int
        @NullWhenAbsent var exactAgreement: Double?
        @NullWhenAbsent var adjacentAgreement: Double?
        @NullWhenAbsent var meanDeviation: Double?
        @NullWhenAbsent var deviationInterval: [Double]?
        @NullWhenAbsent var weightedKappa: Double?
        var divergentCompetencies: [String]
        var calibrated: Bool
        var shortfalls: [String]

    }

    struct CompetencyDTO: Content {
        var competency: String
        var cases: Int
        @NullWhenAbsent var pairAgreement: Double?
        @NullWhenAbsent var ordinalAlpha: Double?
        @NullWhenAbsent var ordinalAlphaInterval: [Double]?
        @NullWhenAbsent var fleissKappa: Double?

    }

    struct GroupDTO: Encodable {
        var agreement: AgreementReport
        @NullWhenAbsent var ordinalAlphaInterval: [Double]?
        /// Hardest to agree on first.
        var competencies: [CompetencyDTO]

    }

    struct ResultsDTO: Encodable {
        var id: UUID
        var title: String
        var status: CalibrationExerciseStatus
        var thresholds: CalibrationThresholds
        var raters: [RaterDTO]
        @NullWhenAbsent var group: GroupDTO?

    }

    @Sendable func results(request: Request) async throws -> Response {
        let loaded = try await CalibrationExerciseContext.load(request)
        let results = try await loaded.results(database: request.db)
        let raters = loaded.participants.compactMap { participant -> RaterDTO? in
            guard let submitted = participant.submittedOn else { return nil }
            let result = results.raters[participant.userID]
            let verdict = result?.verdict(loaded.exercise.thresholds)
            return RaterDTO(
                email: participant.email, submittedOn: submitted.description, ratings: result?.ratings ?? 0,
                missing: result?.missing ?? 0,
                exactAgreement: result?.exactAgreement, adjacentAgreement: result?.adjacentAgreement,
                meanDeviation: result?.meanDeviation,
                deviationInterval: result?.deviationInterval.map { [$0.lowerBound, $0.upperBound] },
                weightedKappa: result?.weightedKappa,
                divergentCompetencies: result?.divergences.map(\.competencyCode) ?? [],
                calibrated: verdict?.isCalibrated ?? false, shortfalls: verdict?.shortfalls.map(\.description) ?? [])
        }
        let group = results.group.map { group in
            GroupDTO(
                agreement: group.overall,
                ordinalAlphaInterval: group.ordinalAlphaInterval.map { [$0.lower, $0.upper] },
                competencies: group.competencies.map {
                    CompetencyDTO(
                        competency: $0.competencyCode, cases: $0.units, pairAgreement: $0.pairAgreement,
                        ordinalAlpha: $0.ordinalAlpha,
                        ordinalAlphaInterval: $0.ordinalAlphaInterval.map { [$0.lower, $0.upper] },
                        fleissKappa: $0.fleissKappa)
                })
        }
        let dto = ResultsDTO(
            id: loaded.exercise.id, title: loaded.exercise.title, status: loaded.exercise.status,
            thresholds: loaded.exercise.thresholds, raters: raters, group: group)
        let response = Response(status: .ok)
        try response.content.encode(dto, as: .json)
        return response
    }

    struct DueDTO: Content {
        var email: String
        var role: Role
        var reason: String
        var overdue: Bool
        var calibratedUntil: String?
    }

    @Sendable func due(request: Request) async throws -> [DueDTO] {
        return try await RecalibrationList.make(database: request.db, today: .today).map {
            DueDTO(
                email: $0.user.email, role: $0.user.role, reason: $0.reason.description, overdue: $0.reason.isOverdue,
                calibratedUntil: $0.status?.calibratedUntil?.description)
        }
    }
}
