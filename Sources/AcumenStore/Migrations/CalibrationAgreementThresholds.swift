import FluentKit
import SQLKit

/// Exercises gain two thresholds: exact agreement and quadratic weighted kappa. Exercises that
/// already exist ask for neither (0 and no kappa), so that nobody's standing changes under a
/// rule that was not announced; new exercises take the standard rule.
struct CalibrationAgreementThresholds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw(
            "ALTER TABLE calibration_exercises ADD COLUMN minimum_exact DOUBLE PRECISION NOT NULL DEFAULT 0"
        ).run()
        try await sql.raw("ALTER TABLE calibration_exercises ADD COLUMN minimum_kappa DOUBLE PRECISION").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("ALTER TABLE calibration_exercises DROP COLUMN minimum_kappa").run()
        try await sql.raw("ALTER TABLE calibration_exercises DROP COLUMN minimum_exact").run()
    }
}
