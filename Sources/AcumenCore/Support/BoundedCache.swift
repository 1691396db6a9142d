import Foundation

/// A small thread-safe cache for values derived from things that never change, such as a
/// published framework version. Past its capacity it starts afresh rather than tracking use,
/// which is enough when the working set is a handful of versions.
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: Value] = [:]

    public init(capacity: Int) {
        self.capacity = capacity
    }

    public subscript(key: Key) -> Value? {
        get { lock.withLock { entries[key] } }
        set {
            lock.withLock {
                if entries.count >= capacity && entries[key] == nil { entries.removeAll(keepingCapacity: true) }
                entries[key] = newValue
            }
        }
    }

    /// Forgets every value, for the rare change to something cached as unchanging.
    public func removeAll() {
        lock.withLock { entries.removeAll() }
    }

    /// The cached value, or the one `make` computes, which is then kept.
    public func value(for key: Key, make: () throws -> Value) rethrows -> Value {
        if let cached = self[key] { return cached }
        let value = try make()
        self[key] = value
        return value
    }
}
