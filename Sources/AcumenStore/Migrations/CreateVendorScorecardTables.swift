import FluentKit
import SQLKit

/// The customer's own side of the vendor scorecard: the other vendors it scores, the annual
/// questionnaires it answered about each, and the actions agreed with them.
struct CreateVendorScorecardTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let statements: [SQLQueryString] = [
            """
            CREATE TABLE scored_vendors (
                id UUID PRIMARY KEY,
                customer_id UUID NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
                name TEXT NOT NULL,
                folded_name TEXT NOT NULL,
                UNIQUE (customer_id, folded_name)
            )
            """,
            """
            CREATE TABLE vendor_ratings (
                id UUID PRIMARY KEY,
                vendor_id UUID NOT NULL REFERENCES scored_vendors(id) ON DELETE RESTRICT,
                year INTEGER NOT NULL,
                rated_by UUID NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
                rated_on TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE vendor_rating_answers (
                rating_id UUID NOT NULL REFERENCES vendor_ratings(id) ON DELETE RESTRICT,
                question_code TEXT NOT NULL,
                competency_code TEXT NOT NULL,
                answer TEXT NOT NULL,
                PRIMARY KEY (rating_id, question_code)
            )
            """,
            """
            CREATE TABLE vendor_actions (
                id UUID PRIMARY KEY,
                vendor_id UUID NOT NULL REFERENCES scored_vendors(id) ON DELETE RESTRICT,
                year INTEGER NOT NULL,
                title TEXT NOT NULL,
                owner_name TEXT NOT NULL,
                due_date TEXT,
                status TEXT NOT NULL
            )
            """,
        ]
        for statement in statements { try await database.sql.raw(statement).run() }
    }

    func revert(on database: any Database) async throws {
        for table in ["vendor_actions", "vendor_rating_answers", "vendor_ratings", "scored_vendors"] {
            try await database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
    }
}
