import FluentKit
import SQLKit

/// Lets one SQLite write transaction run at a time within the process.
///
/// SQLite allows a single writer. With a connection per event loop, concurrent transactions
/// otherwise meet in SQLite's lock, where the losers spin in its busy handler: profiling
/// submissions under load showed most of the time spent beginning transactions. Queued here
/// instead, each transaction starts when the previous one has committed. PostgreSQL has row
/// locks and needs no gate.
actor WriteGate {
    static let shared = WriteGate()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` alone among gated writes when `database` is SQLite, directly otherwise.
    static func run<T: Sendable>(on database: any Database, _ body: @Sendable () async throws -> T) async throws -> T {
        guard (database as? any SQLDatabase)?.dialect.name == "sqlite" else { return try await body() }
        await shared.enter()
        do {
            let result = try await body()
            await shared.leave()
            return result
        } catch {
            await shared.leave()
            throw error
        }
    }

    private func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
