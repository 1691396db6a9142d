import AcumenCore
import AcumenStore
import Fluent
import SQLKit
import Vapor
import XCTest

/// Runs a store scenario on a fresh database. Every scenario has two tests: one on in-memory
/// SQLite, always, and one on PostgreSQL, which is reported as skipped unless
/// `ACUMEN_TEST_POSTGRES_URL` is set. Each run starts from an empty schema.
enum StoreHarness {
    typealias Scenario = (any Database, String) async throws -> Void

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["ACUMEN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func onSQLite(_ scenario: Scenario) async throws {
        try await run(.sqliteMemory(identifier: UUID().uuidString), label: "SQLite", scenario)
    }

    static func onPostgreSQL(_ scenario: Scenario) async throws {
        guard let url = postgresURL else {
            throw XCTSkip("Set ACUMEN_TEST_POSTGRES_URL to run this test on PostgreSQL.")
        }
        try await run(.postgres(url: url), label: "PostgreSQL", scenario)
    }

    static func run(
        _ location: DatabaseLocation, tuning: DatabaseTuning = DatabaseTuning(), label: String,
        _ scenario: Scenario
    ) async throws {
        let app = try await Application.make(.testing)
        do {
            app.databases.use(
                try location.configurationFactory(tuning: tuning), as: .init(string: "test"), isDefault: true)
            if !location.isSQLite, let sql = app.db as? any SQLDatabase {
                try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
                try await sql.raw("CREATE SCHEMA public").run()
            }
            app.migrations.add(StoreMigrations.all)
            try await app.autoMigrate()
            try await scenario(app.db, label)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// What a rater submits, in the shape store tests write it.
enum SubmissionContent {
    case ratings([CompetencyRatingInput], framework: FrameworkContent)
    case answers([String: FrequencyAnswer], comments: [String: String])
}

extension ResponseRepository {
    /// Submits as the rater's use case does: Core builds the rows and the attribution (with the
    /// rater's calibration status, read from the store), and the store writes them.
    @discardableResult
    func submit(
        invitation: Invitation, cycle: AssessmentCycle, content: SubmissionContent, raterKey: String,
        today: CalendarDate
    ) async throws -> UUID {
        var calibration: CalibrationStatus?
        if ResponseAttribution.isJudged(invitation.source), let person = invitation.raterPersonID {
            calibration = try await CalibrationRepository(database: database).status(personID: person)
        }
        let rows: ResponseContent =
            switch content {
            case .ratings(let ratings, let framework): .ratings(ratings.map { RatingRecord($0, framework: framework) })
            case .answers(let answers, let comments):
                .answers(
                    answers.map {
                        AnswerRecord(questionCode: $0.key, answer: $0.value, comment: comments[$0.key] ?? "")
                    })
            }
        return try await submit(
            invitation: invitation, content: rows,
            attribution: ResponseAttribution(
                invitation: invitation, raterKey: raterKey, today: today, settings: cycle.settings,
                calibration: calibration))
    }
}
