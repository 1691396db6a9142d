import FluentKit
import SQLKit

/// Knowledge checks: the question bank with every version of each question, the checks made
/// from it, attempts with the questions each asked (its paper, and once submitted what was
/// chosen and scored), the answers saved as the person goes, and refused submissions.
struct CreateKnowledgeCheckTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let statements: [SQLQueryString] = [
            """
            CREATE TABLE bank_questions (
                id UUID NOT NULL,
                version INTEGER NOT NULL,
                competency_code TEXT NOT NULL,
                level INTEGER NOT NULL,
                kind TEXT NOT NULL,
                prompt TEXT NOT NULL,
                explanation TEXT NOT NULL,
                details TEXT NOT NULL,
                is_latest BOOLEAN NOT NULL,
                is_retired BOOLEAN NOT NULL DEFAULT FALSE,
                created_at TEXT NOT NULL,
                PRIMARY KEY (id, version)
            )
            """,
            "CREATE INDEX bank_questions_latest ON bank_questions (is_latest, competency_code, level)",
            """
            CREATE TABLE knowledge_checks (
                id UUID PRIMARY KEY,
                offering_id UUID UNIQUE REFERENCES offerings(id) ON DELETE SET NULL,
                title TEXT NOT NULL,
                is_verbal BOOLEAN NOT NULL,
                selection TEXT NOT NULL,
                time_limit_minutes INTEGER,
                pass_mark DOUBLE PRECISION NOT NULL,
                allowed_attempts INTEGER,
                shuffles_options BOOLEAN NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE check_attempts (
                id UUID PRIMARY KEY,
                check_id UUID NOT NULL REFERENCES knowledge_checks(id) ON DELETE CASCADE,
                person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                number INTEGER NOT NULL,
                started_at DOUBLE PRECISION NOT NULL,
                submitted_at DOUBLE PRECISION,
                score DOUBLE PRECISION,
                passed BOOLEAN,
                assessor_user_id UUID REFERENCES users(id) ON DELETE SET NULL,
                notes TEXT NOT NULL DEFAULT '',
                UNIQUE (check_id, person_id, number)
            )
            """,
            "CREATE INDEX check_attempts_by_person ON check_attempts (person_id, check_id)",
            """
            CREATE TABLE attempt_questions (
                attempt_id UUID NOT NULL REFERENCES check_attempts(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                question_id UUID NOT NULL,
                question_version INTEGER NOT NULL,
                option_order TEXT NOT NULL,
                chosen TEXT,
                score DOUBLE PRECISION,
                rubric_step INTEGER,
                PRIMARY KEY (attempt_id, position),
                FOREIGN KEY (question_id, question_version) REFERENCES bank_questions(id, version) ON DELETE RESTRICT
            )
            """,
            "CREATE INDEX attempt_questions_by_question ON attempt_questions (question_id, question_version)",
            """
            CREATE TABLE attempt_fields (
                attempt_id UUID NOT NULL REFERENCES check_attempts(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (attempt_id, name)
            )
            """,
            """
            CREATE TABLE attempt_refusals (
                id UUID PRIMARY KEY,
                check_id UUID REFERENCES knowledge_checks(id) ON DELETE CASCADE,
                attempt_id UUID REFERENCES check_attempts(id) ON DELETE CASCADE,
                user_id UUID REFERENCES users(id) ON DELETE SET NULL,
                reason TEXT NOT NULL,
                detail TEXT NOT NULL,
                refused_at TEXT NOT NULL
            )
            """,
        ]
        for statement in statements { try await database.sql.raw(statement).run() }
    }

    func revert(on database: any Database) async throws {
        for table in [
            "attempt_refusals", "attempt_fields", "attempt_questions", "check_attempts", "knowledge_checks",
            "bank_questions",
        ] {
            try await database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
    }
}
