import FluentKit
import SQLKit

/// A settled cycle's heatmap is kept whole (every cell's count and figures, withheld ones
/// without, and the row of everyone's level counts) instead of only the catalogue's decisions,
/// so that the group dashboard reads a few thousand cells rather than every person's standings.
///
/// Results kept before are dropped, to be kept again with their cells when a dashboard first
/// asks (`SettledResults`): they are all derived from the cycle's ratings, which stay.
struct KeepHeatmapCells: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let statements: [SQLQueryString] = [
            """
            CREATE TABLE settled_heatmap_cells (
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
                competency_code TEXT NOT NULL,
                dimension TEXT NOT NULL,
                group_name TEXT NOT NULL,
                n INTEGER NOT NULL,
                share_on_target DOUBLE PRECISION,
                mean_gap DOUBLE PRECISION,
                PRIMARY KEY (cycle_id, competency_code, dimension, group_name)
            )
            """,
            """
            CREATE TABLE settled_level_counts (
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
                competency_code TEXT NOT NULL,
                level INTEGER NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (cycle_id, competency_code, level)
            )
            """,
            "DROP TABLE settled_shown_groups",
        ]
        for statement in statements { try await database.sql.raw(statement).run() }
        try await Self.forgetKeptResults(on: database)
    }

    func revert(on database: any Database) async throws {
        for table in ["settled_level_counts", "settled_heatmap_cells"] {
            try await database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
        try await database.sql.raw(
            """
            CREATE TABLE settled_shown_groups (
                cycle_id UUID NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
                competency_code TEXT NOT NULL,
                dimension TEXT NOT NULL,
                group_name TEXT NOT NULL,
                PRIMARY KEY (cycle_id, competency_code, dimension, group_name)
            )
            """
        ).run()
        try await Self.forgetKeptResults(on: database)
    }

    private static func forgetKeptResults(on database: any Database) async throws {
        for table in [
            "settled_cycles", "settled_standings", "settled_memberships", "settled_customer_tallies",
            "settled_answer_counts",
        ] {
            try await database.sql.raw("DELETE FROM \(unsafeRaw: table)").run()
        }
    }
}
