import FluentKit
import SQLKit

extension Database {
    /// The database as SQLKit sees it, for queries Fluent's builder does not express.
    ///
    /// Acumen runs only on Fluent's SQLite and PostgreSQL drivers, both of which are SQL
    /// databases; the one cast of the store is here, and it cannot fail with either driver.
    var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Acumen's store needs an SQL database; \(type(of: self)) is not one")
        }
        return sql
    }
}

extension Database {
    /// A transaction for a use case that reads before it writes.
    ///
    /// SQLite begins a transaction as a reader and makes it a writer at its first write; if
    /// another connection committed in between, that upgrade fails at once ("database is
    /// locked", no waiting helps). Taking the write lock with the first statement avoids it:
    /// the transaction then waits its turn like any writer. PostgreSQL needs nothing of this.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T)
        async throws -> T
    {
        try await transaction { database in
            if database.sql.dialect.name == "sqlite" {
                // Any write statement takes the lock, even one that changes no row.
                try await database.sql.raw("UPDATE instance_keys SET name = name WHERE name = ''").run()
            }
            return try await body(database)
        }
    }
}

extension SQLDatabase {
    /// Inserts rows of binds, many per statement: PostgreSQL takes 65,535 binds in a statement
    /// and SQLite (as SQLiteNIO builds it) 250,000, so a statement holds up to 16,000.
    /// - Parameter ignoringConflicts: leave a row whose key is already there as it is.
    func insertRows(into table: String, columns: [String], rows: [[SQLBind]], ignoringConflicts: Bool = false)
        async throws
    {
        for chunk in rows.chunked(into: max(1, 16_000 / max(1, columns.count))) {
            let insert = self.insert(into: table).columns(columns)
            if ignoringConflicts { insert.ignoringConflicts() }
            for row in chunk { insert.values(row) }
            try await insert.run()
        }
    }
}

extension SQLDatabase {
    /// Locks the rows a SELECT reads until the transaction ends, on PostgreSQL; SQLite's write
    /// transactions are already one at a time.
    var lockRows: SQLQueryString {
        dialect.name == "postgresql" ? " FOR UPDATE" : ""
    }

    /// What a query that claims queued work adds to its row selection, so that several app
    /// servers on one PostgreSQL each take different rows without waiting for one another.
    /// SQLite has one writer at a time and Acumen runs it in one process: there is nothing to skip.
    var skipLockedRows: SQLQueryString {
        dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
    }
}
