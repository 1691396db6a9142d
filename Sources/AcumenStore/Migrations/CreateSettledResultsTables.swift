import FluentKit
import SQLKit

/// What a settled cycle's group and programme figures are made from, kept once: each person's
/// level and target per competency, the groups they belonged to, their customers' tallies
/// where their report shows them, the customers' answers counted by answer, and which groups
/// the heatmap's catalogue shows. None of it
/// can change once the cycle has closed: its answers and anonymity rules are fixed then.
struct CreateSettledResultsTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let statements: [SQLQueryString] = [
            """
            CREATE TABLE settled_cycles (
                cycle_id UUID PRIMARY KEY REFERENCES assessment_cycles(id) ON DELETE CASCADE,
                kept_on TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE settled_standings (
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
                subject_id UUID NOT NULL,
                competency_code TEXT NOT NULL,
                level DOUBLE PRECISION,
                target INTEGER,
                PRIMARY KEY (cycle_id, subject_id, competency_code)
            )
            """,
            """
            CREATE TABLE settled_memberships (
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
                subject_id UUID NOT NULL,
                dimension TEXT NOT NULL,
                group_name TEXT NOT NULL,
                PRIMARY KEY (cycle_id, subject_id, dimension, group_name)
            )
            """,
            """
            CREATE TABLE settled_customer_tallies (
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
                subject_id UUID NOT NULL,
                favourable INTEGER NOT NULL,
                scored INTEGER NOT NULL,
                PRIMARY KEY (cycle_id, subject_id)
            )
            """,
            """
            CREATE TABLE settled_answer_counts (
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
                answer TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (cycle_id, answer)
            )
            """,
            """
            CREATE TABLE settled_shown_groups (
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
                competency_code TEXT NOT NULL,
                dimension TEXT NOT NULL,
                group_name TEXT NOT NULL,
                PRIMARY KEY (cycle_id, competency_code, dimension, group_name)
            )
            """,
        ]
        for statement in statements { try await database.sql.raw(statement).run() }
    }

    func revert(on database: any Database) async throws {
        for table in [
            "settled_shown_groups", "settled_answer_counts", "settled_customer_tallies", "settled_memberships",
            "settled_standings",
            "settled_cycles",
        ] {
            try await database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
    }
}
