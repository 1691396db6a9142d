import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// Where Acumen keeps its data, read from `DATABASE_URL`.
///
/// - unset: `./acumen.sqlite` in the working directory
/// - `sqlite:///absolute/path.sqlite` (or `sqlite://relative.sqlite`)
/// - `sqlite::memory:` for a throwaway in-memory database (tests)
/// - `postgres://user:password@host:5432/database`
public enum DatabaseLocation: Equatable, Sendable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory(identifier: String)
    case postgres(url: String)

    public static let defaultPath = "acumen.sqlite"

    public struct InvalidURL: Error, CustomStringConvertible {
        public let url: String
        public var description: String {
            "DATABASE_URL '\(url)' is not understood. Use sqlite:///absolute/path.sqlite or postgres://user:password@host:5432/database."
        }
    }

    public init(environmentValue: String?) throws {
        guard let url = environmentValue?.trimmingCharacters(in: .whitespaces), !url.isEmpty else {
            self = .sqliteFile(path: Self.defaultPath)
            return
        }
        if url == "sqlite::memory:" {
            self = .sqliteMemory(identifier: UUID().uuidString)
        } else if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw InvalidURL(url: url) }
            self = .sqliteFile(path: path)
        } else if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            guard (try? SQLPostgresConfiguration(url: url)) != nil else { throw InvalidURL(url: url) }
            self = .postgres(url: url)
        } else {
            throw InvalidURL(url: url)
        }
    }

    public var isSQLite: Bool {
        if case .postgres = self { return false }
        return true
    }

    /// The location for messages, with any password removed.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "in-memory SQLite"
        case .postgres(let url):
            if let components = URLComponents(string: url) {
                "PostgreSQL \(components.host ?? "localhost"):\(components.port ?? 5432)\(components.path)"
            } else {
                "PostgreSQL"
            }
        }
    }

    public func configurationFactory(tuning: DatabaseTuning = DatabaseTuning()) throws
        -> DatabaseConfigurationFactory
    {
        let poolTimeout = TimeAmount.seconds(Int64(tuning.poolTimeout))
        switch self {
        case .sqliteFile(let path):
            return .sqlite(
                .init(storage: .file(path: path), enableForeignKeys: true), connectionPoolTimeout: poolTimeout,
                sqlLogLevel: .trace)
        case .sqliteMemory(let identifier):
            return .sqlite(
                .init(storage: .memory(identifier: identifier), enableForeignKeys: true),
                connectionPoolTimeout: poolTimeout, sqlLogLevel: .trace)
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.coreConfiguration.options.connectTimeout = .seconds(Int64(tuning.connectTimeout))
            if tuning.statementTimeout > 0 {
                configuration.coreConfiguration.options.additionalStartupParameters.append(
                    ("statement_timeout", "\(tuning.statementTimeout)s"))
            }
            return .postgres(
                configuration: configuration, maxConnectionsPerEventLoop: tuning.connectionsPerEventLoop,
                connectionPoolTimeout: poolTimeout, sqlLogLevel: .trace)
        }
    }

    /// Settings that must hold on every connection. WAL lets readers work while one
    /// writer commits; it is stored in the file, so setting it once is enough.
    public func prepare(_ database: any Database) async throws {
        guard case .sqliteFile = self, let sql = database as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await prepareConnection(database)
    }

    /// Per-connection settings. In WAL mode, `synchronous=NORMAL` syncs at checkpoints rather
    /// than at every commit: a crash of Acumen loses nothing committed, a power cut can lose the
    /// last moments, and the database stays consistent either way. Every submission commits,
    /// so this is what lets hundreds of raters submit each second. An 8 MB page cache (instead
    /// of 2 MB) keeps the indexes of a large cycle's links in memory. A serving process copies
    /// the log into the database from a connection of its own (`WALCheckpoints`); these
    /// connections do it only when the log passes `checkpointPages`.
    public func prepareConnection(_ database: any Database) async throws {
        guard case .sqliteFile = self, let sql = database as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
        try await sql.raw("PRAGMA cache_size=-8000").run()
        try await sql.raw("PRAGMA wal_autocheckpoint=\(unsafeRaw: String(Self.checkpointPages))").run()
    }

    /// The log's length (in 4 KB pages, about 100 MB) at which a commit checkpoints it itself.
    public static let checkpointPages = 25_000
}
