import FluentKit
import SQLKit

/// What the disclosure gate needs from the schema:
/// - one current response per rater: each response carries a keyed digest of who gave it
///   (`rater_key`), unique among a subject's submitted responses of one source, and the key's
///   fingerprint is kept so that a server started with another key is refused;
/// - the order in which calibration participants submitted, so that the distribution shown to
///   participants grows in blocks rather than with each submission.
///
/// Added to databases of earlier releases in place; their rows keep nulls.
struct HardenAnonymity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        for statement in [
            "ALTER TABLE responses ADD COLUMN rater_key TEXT",
            """
            CREATE UNIQUE INDEX responses_one_per_rater ON responses (cycle_id, subject_id, source, rater_key)
            WHERE status = 'submitted'
            """,
            "CREATE TABLE instance_keys (name TEXT PRIMARY KEY, fingerprint TEXT NOT NULL)",
            "ALTER TABLE calibration_participants ADD COLUMN submission_order INTEGER",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("DROP INDEX responses_one_per_rater").run()
        try await sql.drop(table: "instance_keys").run()
    }
}
