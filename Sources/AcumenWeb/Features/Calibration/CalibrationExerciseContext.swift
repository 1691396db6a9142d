import AcumenCore
import AcumenStore
import FluentKit
import Vapor

/// One exercise as a request sees it: the exercise, its framework and cases, and who is asking.
struct CalibrationExerciseContext {
    var user: UserAccount
    var exercise: CalibrationExercise
    var framework: FrameworkContent
    var frameworkName: String
    var cases: [ReferenceCase]
    var participants: [CalibrationParticipant]

    var isManager: Bool { CalibrationPolicy.mayAttempt(.prepare, user.viewer) }
    var participant: CalibrationParticipant? { participants.first { $0.userID == user.id } }

    /// The exercise named by the route, as the signed-in user may see it. Preparing routes are
    /// gated by `CalibrationPolicy.prepare` before this runs.
    /// - Parameter rating: only a participant of an open exercise may go on.
    static func load(_ request: Request, rating: Bool = false) async throws -> CalibrationExerciseContext {
        let user = try request.requireUser()
        guard let id = request.parameters.get("exerciseID", as: UUID.self) else {
            throw AppError.notFound("That calibration exercise")
        }
        let repository = CalibrationRepository(database: request.db)
        let exercise = try await repository.exercise(id: id)
        let participants = try await repository.participants(exerciseID: id)
        let resource = CalibrationPolicy.Resource.exercise(
            status: exercise.status, viewerTakesPart: participants.contains { $0.userID == user.id })
        // An exercise someone does not take part in does not exist for them.
        guard CalibrationPolicy.allows(.see, user.viewer, resource) else {
            throw AppError.notFound("That calibration exercise")
        }
        if rating {
            guard CalibrationPolicy.allows(.rate, user.viewer, resource) else {
                throw AppError.notFound("That calibration exercise")
            }
            guard exercise.status == .open else {
                throw AppError(
                    .conflict, code: "conflict", message: "The exercise is closed: ratings can no longer change.")
            }
        }
        let version = try await FrameworkRepository(database: request.db).version(id: exercise.frameworkID)
        return CalibrationExerciseContext(
            user: user, exercise: exercise, framework: version.content, frameworkName: version.content.name,
            cases: try await repository.cases(exerciseID: id), participants: participants)
    }

    func referenceCase(_ request: Request) throws -> ReferenceCase {
        guard let id = request.parameters.get("caseID", as: UUID.self), let found = cases.first(where: { $0.id == id })
        else { throw AppError.notFound("That case") }
        return found
    }

    /// The results of the participants who submitted.
    func results(database: any Database, bootstrapSamples: Int = 1000) async throws -> CalibrationResults {
        let repository = CalibrationRepository(database: database)
        let ratings = try await repository.ratings(exerciseID: exercise.id, userID: nil)
        return CalibrationResults.compute(
            cases: cases, masters: try await repository.masterRatings(exerciseID: exercise.id),
            ratings: ratings.map {
                .init(rater: $0.userID, caseID: $0.caseID, competencyCode: $0.rating.competencyCode, level: $0.level)
            },
            raters: participants.filter { $0.submittedOn != nil }.map(\.userID),
            submissionOrder: participants.filter { $0.submittedOn != nil }.sorted {
                // Submissions from before the order was kept count as the earliest, by day.
                ($0.submissionOrder ?? 0, $0.submittedOn!.description, $0.userID.uuidString)
                    < ($1.submissionOrder ?? 0, $1.submittedOn!.description, $1.userID.uuidString)
            }.map(\.userID), levelCount: framework.levels.count, bootstrapSamples: bootstrapSamples)
    }

    /// People who could be added: active users who are not taking part yet.
    func candidateParticipants(database: any Database) async throws -> [UserAccount] {
        let taking = Set(participants.map(\.userID))
        return try await UserRepository(database: database).users().filter {
            // Programme staff see the master ratings, so they cannot rate blind.
            !$0.isDisabled && !taking.contains($0.id) && CalibrationPolicy.canTakePart($0.role)
        }.sorted { ($0.role.calibrationOrder, $0.email) < ($1.role.calibrationOrder, $1.email) }
    }
}

extension Role {
    /// Supervisors first: they rate most and calibrate first.
    fileprivate var calibrationOrder: Int {
        switch self {
        case .supervisor: 0
        case .programmeManager: 1
        case .customerReviewer: 2
        case .accountManager: 3
        case .administrator: 4
        }
    }
}
