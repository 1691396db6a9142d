import AsyncKit
import Foundation
import NIOCore
import PostgresNIO
import SQLiteNIO

/// Why the database could not take a request, when the fault is the database's state and not
/// the request: it is away, full, read-only or too busy. Such a request is answered 503 with
/// what happened, and nothing it asked to save was saved (each write is one transaction).
public enum DatabaseUnavailable: Equatable, Sendable {
    /// Not reachable: refused or dropped connections, no free connection in time, a server
    /// shutting down or starting up.
    case unreachable
    /// Out of disk space.
    case full
    /// Read-only: a read-only file or standby server.
    case readOnly
    /// Locked or too slow: a statement cancelled by the statement timeout, a lock not granted.
    case busy

    /// The state behind `error`, or nil when the error is not about the database's state.
    public init?(_ error: any Error) {
        switch error {
        case let error as SQLiteError:
            switch error.reason {
            case .full: self = .full
            case .readOnly: self = .readOnly
            case .busy, .locked, .busyTimeout, .busyInRecovery, .busyInSnapshot, .lockedBySharedCache: self = .busy
            case .ioError, .cantOpen: self = .unreachable
            default: return nil
            }
        case let error as PSQLError:
            switch error.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed:
                self = .unreachable
            case .server:
                guard let state = error.serverInfo?[.sqlState], let found = Self(sqlState: state) else { return nil }
                self = found
            default:
                return nil
            }
        case is ConnectionPoolTimeoutError, is ConnectionPoolError, is NIOConnectionError, is ChannelError:
            self = .unreachable
        default:
            return nil
        }
    }

    /// PostgreSQL's error codes (SQLSTATE) that describe the server's state.
    init?(sqlState: String) {
        switch sqlState {
        case "53100": self = .full  // disk_full
        case "25006": self = .readOnly  // read_only_sql_transaction
        case "57014", "55P03", "40P01": self = .busy  // query_canceled, lock_not_available, deadlock
        case "53300", "57P01", "57P02", "57P03": self = .unreachable  // too many connections, shutting down, starting
        default:
            // Class 08: connection exceptions.
            guard sqlState.hasPrefix("08") else { return nil }
            self = .unreachable
        }
    }
}
