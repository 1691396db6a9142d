import Foundation
import SQLiteNIO

/// `acumen backup FILE` and `acumen restore FILE`: a consistent copy of the database taken while
/// Acumen runs, and that copy put back.
///
/// SQLite is copied by SQLite itself (`VACUUM INTO`), in one read transaction: the copy is the
/// database as some commit left it, whatever is written meanwhile, and a plain file any SQLite
/// opens. PostgreSQL is copied by `pg_dump` (custom format, one snapshot) and put back by
/// `pg_restore`; both must be installed where the command runs. The anonymity key is not in the
/// database: it must be kept, and restored, beside the copy.
public enum DatabaseBackup {
    /// Why a backup or restore could not be done, in words that say what to do.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes a copy of the database to `file`, which must not exist yet.
    public static func backUp(_ location: DatabaseLocation, to file: String) async throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw Failure(description: "\(file) already exists; choose a new file name, nothing was written")
        }
        switch location {
        case .sqliteMemory:
            throw Failure(description: "an in-memory database cannot be backed up")
        case .sqliteFile(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw Failure(description: "there is no database at \(path) to back up")
            }
            let connection = try await SQLiteConnection.open(storage: .file(path: path))
            do {
                _ = try await connection.query("VACUUM INTO ?", [.text(file)])
                try await connection.close()
            } catch {
                try? await connection.close()
                throw Failure(description: "SQLite could not write \(file): \(error)")
            }
        case .postgres(let url):
            try run(
                "pg_dump", ["--format=custom", "--no-owner", "--file=\(file)", url],
                failing: "pg_dump could not back up \(location)")
        }
    }

    /// Replaces the database's content with the copy in `file`. On SQLite the database file is
    /// replaced as a whole (every Acumen process using it must be stopped first, which
    /// `replacing` confirms when the database has content); on PostgreSQL `pg_restore` drops and
    /// recreates every object of the copy in one transaction.
    public static func restore(_ location: DatabaseLocation, from file: String, replacing: Bool) async throws {
        guard FileManager.default.fileExists(atPath: file) else {
            throw Failure(description: "there is no backup at \(file)")
        }
        switch location {
        case .sqliteMemory:
            throw Failure(description: "an in-memory database cannot be restored into")
        case .sqliteFile(let path):
            try await checkSQLiteCopy(file)
            if FileManager.default.fileExists(atPath: path), !replacing {
                throw Failure(
                    description:
                        "\(path) already holds a database; stop every acumen process that uses it and run the restore again with --replace, nothing was changed"
                )
            }
            // Copied beside the database first, then renamed over it: the database is either
            // the old one or the restored one, never half of each.
            let staging = path + ".restoring"
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.copyItem(atPath: file, toPath: staging)
            for leftover in [path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: leftover) }
            guard rename(staging, path) == 0 else {
                throw Failure(description: "could not put the restored database in place at \(path)")
            }
        case .postgres(let url):
            guard replacing else {
                throw Failure(
                    description:
                        "restoring replaces the content of \(location); stop every acumen process that uses it and run the restore again with --replace, nothing was changed"
                )
            }
            try run(
                "pg_restore",
                ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname=\(url)", file],
                failing: "pg_restore could not restore \(file) into \(location)")
        }
    }

    /// A copy is restored only when SQLite finds it whole and it is an Acumen database.
    private static func checkSQLiteCopy(_ file: String) async throws {
        guard let connection = try? await SQLiteConnection.open(storage: .file(path: file)) else {
            throw Failure(description: "\(file) is not an SQLite database")
        }
        let verdict = try? await connection.query("PRAGMA integrity_check", []).first?.column("integrity_check")?.string
        let tables = try? await connection.query(
            "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('_fluent_migrations', 'instance_keys')",
            []
        ).first?.column("n")?.integer
        try? await connection.close()
        guard verdict == "ok" else {
            throw Failure(
                description: "\(file) is not an SQLite database, or it is damaged (SQLite's integrity check failed)")
        }
        guard tables == 2 else { throw Failure(description: "\(file) is not an Acumen database") }
    }

    /// Runs a PostgreSQL client program found on the PATH or in Debian's PostgreSQL folders.
    private static func run(_ program: String, _ arguments: [String], failing message: String) throws {
        let folders =
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted().reversed()
            .map { "/usr/lib/postgresql/\($0)/bin" }
        guard let executable = folders.map({ "\($0)/\(program)" }).first(where: FileManager.default.isExecutableFile)
        else {
            throw Failure(description: "\(program) is not installed here; install PostgreSQL's client programs")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(message): \(said.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
