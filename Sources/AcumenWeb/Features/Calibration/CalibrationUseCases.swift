import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// What programme staff do to prepare an exercise: create it, add participants and open or
/// close it. Each action is one transaction, and the e-mails an action causes are queued in it.
struct CalibrationUseCases {
    let database: any Database
    let publicBaseURL: String
    /// The language of invitations to participants who chose none.
    var defaultLanguage: Language = .english
    var catalogue: MessageCatalogue = .builtIn
    var today: CalendarDate = .today

    func create(title: String, frameworkID: UUID, panel: String, thresholds: CalibrationThresholds) async throws
        -> UUID
    {
        let framework: FrameworkSummary
        do {
            framework = try await FrameworkRepository(database: database).summary(id: frameworkID)
        } catch StoreError.notFound {
            throw StoreError.invalid([ValidationProblem(location: "framework", message: "choose a published framework")]
            )
        }
        return try await CalibrationRepository(database: database).create(
            title: title, framework: framework, panel: panel, thresholds: thresholds, today: today)
    }

    /// Adds participants; when the exercise is open, each newcomer is e-mailed a link to it.
    func addParticipants(_ userIDs: [UUID], to exercise: CalibrationExercise, cases: Int) async throws {
        let users = try await UserRepository(database: database).users()
        try await database.writeTransaction { database in
            let added = try await CalibrationRepository(database: database).addParticipants(
                exerciseID: exercise.id, userIDs: userIDs, users: users)
            if exercise.status == .open { try await mail(added, exercise: exercise, cases: cases, database: database) }
        }
    }

    /// Opens a ready exercise and e-mails every participant, or closes an open one.
    func setStatus(_ status: CalibrationExerciseStatus, of exercise: CalibrationExercise, cases: Int) async throws {
        try await database.writeTransaction { database in
            let participants = try await CalibrationRepository(database: database).setStatus(
                status, exerciseID: exercise.id)
            if status == .open {
                try await mail(participants.map(\.email), exercise: exercise, cases: cases, database: database)
            }
        }
    }

    private func mail(_ emails: [String], exercise: CalibrationExercise, cases: Int, database: any Database)
        async throws
    {
        guard !emails.isEmpty else { return }
        let languages = Dictionary(
            try await UserRepository(database: database).users().map { ($0.email, $0.language) },
            uniquingKeysWith: { first, _ in first })
        let messages = emails.map { email in
            CalibrationMail.invitation(
                exercise: exercise, cases: cases, baseURL: publicBaseURL, to: email,
                text: Localizer((languages[email] ?? nil) ?? defaultLanguage, catalogue: catalogue))
        }
        try await OutboxRepository(database: database).enqueue(messages)
    }

    /// Assigns second raters to the cycle's chosen share: reads its account managers and who
    /// may rate today (Core decides eligibility), then assigns, in one transaction.
    func assignSecondRaters(cycle: AssessmentCycle) async throws -> Int {
        try await database.writeTransaction { [today] database in
            let subjects = try await CycleRepository(database: database).subjects(cycleID: cycle.id)
            let raters = DoubleRatingPlan.eligibleRaters(
                users: try await UserRepository(database: database).users(),
                statuses: try await CalibrationRepository(database: database).statuses(), today: today)
            return try await DoubleRatingRepository(database: database).assign(
                cycle: cycle, subjects: subjects, raters: raters, today: today)
        }
    }
}

extension Request {
    /// Calibration's actions, with invitations in each participant's language.
    func calibrationUseCases(_ settings: AcumenSettings) -> CalibrationUseCases {
        CalibrationUseCases(
            database: db, publicBaseURL: settings.publicBaseURL, defaultLanguage: settings.defaultLanguage,
            catalogue: application.messageCatalogue)
    }
}
