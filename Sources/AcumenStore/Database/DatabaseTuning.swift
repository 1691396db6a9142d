import Foundation

/// How Acumen uses its database connections; each has an `ACUMEN_DB_…` variable.
///
/// The defaults make a lost database show quickly: a request waits at most `poolTimeout` for
/// a connection and a connection attempt gives up after `connectTimeout`, so that while
/// PostgreSQL restarts, pages answer 503 within seconds instead of hanging.
public struct DatabaseTuning: Equatable, Sendable {
    /// PostgreSQL connections each event loop (one per core) may open
    /// (`ACUMEN_DB_POOL_SIZE`). Every app server opens up to this many per core: keep the sum
    /// below PostgreSQL's `max_connections`.
    public var connectionsPerEventLoop: Int
    /// Seconds a request waits for a free connection (`ACUMEN_DB_POOL_TIMEOUT`).
    public var poolTimeout: Int
    /// Seconds to establish a PostgreSQL connection (`ACUMEN_DB_CONNECT_TIMEOUT`).
    public var connectTimeout: Int
    /// Seconds a single PostgreSQL statement may run before the server cancels it
    /// (`ACUMEN_DB_STATEMENT_TIMEOUT`); 0 for no limit.
    public var statementTimeout: Int

    public init(
        connectionsPerEventLoop: Int = 4, poolTimeout: Int = 5, connectTimeout: Int = 3, statementTimeout: Int = 60
    ) {
        self.connectionsPerEventLoop = connectionsPerEventLoop
        self.poolTimeout = poolTimeout
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
    }

    /// A setting that is not a whole number in its range, named so the operator can fix it.
    public struct InvalidSetting: Error, CustomStringConvertible {
        public let name: String
        public let value: String
        public let range: ClosedRange<Int>
        public var description: String {
            "\(name) '\(value)' needs to be a whole number from \(range.lowerBound) to \(range.upperBound)"
        }
    }

    /// The tuning the environment asks for; unset variables keep their defaults.
    public init(environment: [String: String]) throws {
        self.init()
        func read(_ name: String, _ range: ClosedRange<Int>, into value: inout Int) throws {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return }
            guard let number = Int(text), range.contains(number) else {
                throw InvalidSetting(name: name, value: text, range: range)
            }
            value = number
        }
        try read("ACUMEN_DB_POOL_SIZE", 1...64, into: &connectionsPerEventLoop)
        try read("ACUMEN_DB_POOL_TIMEOUT", 1...600, into: &poolTimeout)
        try read("ACUMEN_DB_CONNECT_TIMEOUT", 1...600, into: &connectTimeout)
        try read("ACUMEN_DB_STATEMENT_TIMEOUT", 0...86_400, into: &statementTimeout)
    }
}
