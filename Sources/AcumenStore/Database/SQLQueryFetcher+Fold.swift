import SQLKit
import Synchronization

extension SQLQueryFetcher {
    /// Folds the rows into a value as the database hands them over, one at a time, so that a
    /// query of hundreds of thousands of rows never sits in memory whole. The first error the
    /// body throws stops the fold and is thrown.
    func fold<State: Sendable>(
        into initial: State, _ body: @escaping @Sendable (inout State, any SQLRow) throws -> Void
    )
        async throws -> State
    {
        let box = FoldBox(initial)
        try await run { row in
            box.state.withLock { state in
                guard state.failure == nil else { return }
                do { try body(&state.value, row) } catch { state.failure = error }
            }
        }
        return try box.state.withLock { state in
            if let failure = state.failure { throw failure }
            return state.value
        }
    }
}

private final class FoldBox<Value: Sendable>: Sendable {
    struct State: Sendable {
        var value: Value
        var failure: (any Error)?
    }

    let state: Mutex<State>

    init(_ value: Value) {
        state = Mutex(State(value: value, failure: nil))
    }
}
