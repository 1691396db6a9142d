import FluentKit
import SQLKit

/// Assessment cycles, invitations, responses and the mail outbox.
///
/// Written as SQL rather than with Fluent's schema builder for two reasons the targets make
/// concrete: detail rows (answers, ratings, autosaved items) are keyed by their parent and, on
/// SQLite, stored `WITHOUT ROWID`, which makes a submission one short multi-row insert; and
/// anonymous responses must not be stored in the order they arrived, which a rowid would keep.
struct CreateAssessmentTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        let clustered = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        let statements = [
            """
            CREATE TABLE assessment_cycles (
                id UUID PRIMARY KEY,
                name TEXT NOT NULL,
                framework_id UUID NOT NULL REFERENCES frameworks(id) ON DELETE RESTRICT,
                status TEXT NOT NULL,
                opens_on TEXT NOT NULL,
                closes_on TEXT NOT NULL,
                sources TEXT NOT NULL,
                minimum_peers INTEGER NOT NULL,
                minimum_customers INTEGER NOT NULL,
                minimum_comments INTEGER NOT NULL,
                reminder_days TEXT NOT NULL,
                questionnaire_title TEXT NOT NULL,
                created_on TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE cycle_subjects (
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE RESTRICT,
                person_id UUID NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
                PRIMARY KEY (cycle_id, person_id)
            )\(clustered)
            """,
            """
            CREATE TABLE cycle_questions (
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE RESTRICT,
                code TEXT NOT NULL,
                competency_code TEXT NOT NULL,
                position INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (cycle_id, code)
            )\(clustered)
            """,
            """
            CREATE TABLE invitations (
                id UUID PRIMARY KEY,
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE RESTRICT,
                subject_id UUID NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
                source TEXT NOT NULL,
                rater_person_id UUID REFERENCES people(id) ON DELETE RESTRICT,
                rater_name TEXT NOT NULL,
                rater_email TEXT NOT NULL,
                account_id UUID REFERENCES accounts(id) ON DELETE RESTRICT,
                status TEXT NOT NULL,
                nominated_by TEXT NOT NULL,
                token_hash TEXT UNIQUE,
                issued_on TEXT,
                last_reminded_on TEXT,
                submitted INTEGER NOT NULL DEFAULT 0,
                reopened INTEGER NOT NULL DEFAULT 0
            )
            """,
            "CREATE INDEX invitations_cycle_idx ON invitations (cycle_id, subject_id)",
            """
            CREATE TABLE draft_items (
                invitation_id UUID NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
                item TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (invitation_id, item)
            )\(clustered)
            """,
            """
            CREATE TABLE responses (
                id UUID PRIMARY KEY,
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE RESTRICT,
                subject_id UUID NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
                source TEXT NOT NULL,
                account_id UUID REFERENCES accounts(id) ON DELETE RESTRICT,
                rater_person_id UUID REFERENCES people(id) ON DELETE RESTRICT,
                correction_key TEXT,
                status TEXT NOT NULL,
                replaces_id UUID REFERENCES responses(id) ON DELETE RESTRICT,
                submitted_on TEXT NOT NULL
            )\(clustered)
            """,
            "CREATE INDEX responses_cycle_idx ON responses (cycle_id, subject_id)",
            """
            CREATE TABLE response_ratings (
                response_id UUID NOT NULL REFERENCES responses(id) ON DELETE RESTRICT,
                competency_code TEXT NOT NULL,
                observed TEXT NOT NULL,
                level INTEGER,
                derived_level INTEGER,
                override_reason TEXT NOT NULL,
                not_observed INTEGER NOT NULL,
                comment TEXT NOT NULL,
                PRIMARY KEY (response_id, competency_code)
            )\(clustered)
            """,
            """
            CREATE TABLE response_answers (
                response_id UUID NOT NULL REFERENCES responses(id) ON DELETE RESTRICT,
                question_code TEXT NOT NULL,
                answer TEXT NOT NULL,
                comment TEXT NOT NULL,
                PRIMARY KEY (response_id, question_code)
            )\(clustered)
            """,
            """
            CREATE TABLE outbox_messages (
                id UUID PRIMARY KEY,
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at DOUBLE PRECISION NOT NULL,
                last_error TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                sent_at DOUBLE PRECISION
            )
            """,
            "CREATE INDEX outbox_due_idx ON outbox_messages (status, next_attempt_at)",
            """
            CREATE TABLE action_items (
                id UUID PRIMARY KEY,
                account_id UUID NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
                cycle_id UUID REFERENCES assessment_cycles(id) ON DELETE RESTRICT,
                title TEXT NOT NULL,
                measure TEXT NOT NULL,
                owner_name TEXT NOT NULL,
                due_on TEXT,
                status TEXT NOT NULL,
                competency_code TEXT,
                question_code TEXT,
                feasibility_note TEXT NOT NULL,
                created_on TEXT NOT NULL
            )
            """,
            "CREATE INDEX action_items_account_idx ON action_items (account_id)",
            """
            CREATE TABLE scorecards (
                id UUID PRIMARY KEY,
                framework_id UUID NOT NULL REFERENCES frameworks(id) ON DELETE RESTRICT,
                title TEXT NOT NULL,
                interviewer_user_id UUID NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
                candidates TEXT NOT NULL,
                created_on TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE scorecard_ratings (
                scorecard_id UUID NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
                candidate INTEGER NOT NULL,
                competency_code TEXT NOT NULL,
                level INTEGER,
                note TEXT NOT NULL,
                PRIMARY KEY (scorecard_id, candidate, competency_code)
            )\(clustered)
            """,
        ]
        for statement in statements {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for table in [
            "scorecard_ratings", "scorecards", "action_items", "outbox_messages", "response_answers",
            "response_ratings", "responses", "draft_items", "invitations", "cycle_questions", "cycle_subjects",
            "assessment_cycles",
        ] {
            try await sql.drop(table: table).run()
        }
    }
}
