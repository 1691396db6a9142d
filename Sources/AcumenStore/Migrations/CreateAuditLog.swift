import FluentKit
import SQLKit

/// The audit log (`AuditLogRepository`). Triggers refuse to update or delete its rows, so that
/// Acumen itself, or a mistaken query, can only append; someone who drops the triggers can
/// change rows, and the hash chain then shows it.
struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw(
            """
            CREATE TABLE audit_log (
                sequence BIGINT PRIMARY KEY,
                at_ms BIGINT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                hash TEXT NOT NULL
            )
            """
        ).run()
        if sql.dialect.name == "sqlite" {
            for event in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_log_no_\(unsafeRaw: event.lowercased()) BEFORE \(unsafeRaw: event) ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                    """
                ).run()
            }
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE audit_log").run()
        if database.sql.dialect.name != "sqlite" {
            try await database.sql.raw("DROP FUNCTION audit_log_append_only()").run()
        }
    }
}
