import FluentKit
import SQLKit

/// Calibration exercises, their reference cases and master ratings, participants' ratings and
/// each rater's calibration status. Detail rows are keyed by their parent, as in assessment.
struct CreateCalibrationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        let clustered = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        // The rating columns are those of a behaviour-grid answer (see `CompetencyRatingInput`).
        let ratingColumns = """
            ticks TEXT NOT NULL,
                not_observed BOOLEAN NOT NULL,
                override_level INTEGER,
                override_reason TEXT NOT NULL,
                comment TEXT NOT NULL,
                level INTEGER
            """
        let statements = [
            """
            CREATE TABLE calibration_exercises (
                id UUID PRIMARY KEY,
                title TEXT NOT NULL,
                framework_id UUID NOT NULL REFERENCES frameworks(id) ON DELETE RESTRICT,
                status TEXT NOT NULL,
                panel TEXT NOT NULL,
                minimum_adjacent DOUBLE PRECISION NOT NULL,
                maximum_bias DOUBLE PRECISION NOT NULL,
                valid_months INTEGER NOT NULL,
                created_on TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE calibration_cases (
                id UUID PRIMARY KEY,
                exercise_id UUID NOT NULL REFERENCES calibration_exercises(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                title TEXT NOT NULL,
                kind TEXT NOT NULL,
                material TEXT NOT NULL,
                link TEXT NOT NULL,
                competencies TEXT NOT NULL
            )
            """,
            "CREATE INDEX calibration_cases_by_exercise ON calibration_cases (exercise_id, position)",
            """
            CREATE TABLE calibration_master_ratings (
                case_id UUID NOT NULL REFERENCES calibration_cases(id) ON DELETE CASCADE,
                competency_code TEXT NOT NULL,
                \(ratingColumns),
                rationale TEXT NOT NULL,
                PRIMARY KEY (case_id, competency_code)
            )\(clustered)
            """,
            """
            CREATE TABLE calibration_participants (
                exercise_id UUID NOT NULL REFERENCES calibration_exercises(id) ON DELETE CASCADE,
                user_id UUID NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
                submitted_on TEXT,
                PRIMARY KEY (exercise_id, user_id)
            )\(clustered)
            """,
            """
            CREATE TABLE calibration_ratings (
                exercise_id UUID NOT NULL,
                user_id UUID NOT NULL,
                case_id UUID NOT NULL REFERENCES calibration_cases(id) ON DELETE CASCADE,
                competency_code TEXT NOT NULL,
                \(ratingColumns),
                PRIMARY KEY (exercise_id, user_id, case_id, competency_code),
                FOREIGN KEY (exercise_id, user_id) REFERENCES calibration_participants(exercise_id, user_id)
                    ON DELETE CASCADE
            )\(clustered)
            """,
            """
            CREATE TABLE calibration_statuses (
                user_id UUID PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                exercise_id UUID NOT NULL REFERENCES calibration_exercises(id) ON DELETE CASCADE,
                assessed_on TEXT NOT NULL,
                calibrated BOOLEAN NOT NULL,
                calibrated_until TEXT,
                bias DOUBLE PRECISION
            )
            """,
            """
            CREATE TABLE double_ratings (
                id UUID PRIMARY KEY,
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE RESTRICT,
                subject_id UUID NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
                rater_user_id UUID NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
                assigned_on TEXT NOT NULL,
                submitted_on TEXT,
                UNIQUE (cycle_id, subject_id)
            )
            """,
            "CREATE INDEX double_ratings_by_rater ON double_ratings (rater_user_id)",
            """
            CREATE TABLE double_rating_levels (
                double_rating_id UUID NOT NULL REFERENCES double_ratings(id) ON DELETE CASCADE,
                competency_code TEXT NOT NULL,
                \(ratingColumns),
                PRIMARY KEY (double_rating_id, competency_code)
            )\(clustered)
            """,
        ]
        for statement in statements {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        try await sql.raw(
            "ALTER TABLE assessment_cycles ADD COLUMN double_rating_percent INTEGER NOT NULL DEFAULT 0"
        ).run()
        // What a rater's calibration was when they rated, kept with the response: reports mark
        // uncalibrated ratings and can adjust for a rater's known leniency or severity.
        try await sql.raw("ALTER TABLE responses ADD COLUMN rater_calibrated BOOLEAN").run()
        try await sql.raw("ALTER TABLE responses ADD COLUMN rater_bias DOUBLE PRECISION").run()
        try await sql.raw("ALTER TABLE assessment_cycles ADD COLUMN shows_adjusted BOOLEAN NOT NULL DEFAULT FALSE")
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for table in [
            "double_rating_levels", "double_ratings", "calibration_statuses", "calibration_ratings",
            "calibration_participants", "calibration_master_ratings",
            "calibration_cases", "calibration_exercises",
        ] {
            try await sql.drop(table: table).run()
        }
        for (table, column) in [
            ("responses", "rater_calibrated"), ("responses", "rater_bias"), ("assessment_cycles", "shows_adjusted"),
            ("assessment_cycles", "double_rating_percent"),
        ] {
            try await sql.raw("ALTER TABLE \(unsafeRaw: table) DROP COLUMN \(unsafeRaw: column)").run()
        }
    }
}
