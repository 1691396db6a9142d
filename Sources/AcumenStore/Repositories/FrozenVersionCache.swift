import AcumenCore
import Foundation

/// Published and retired framework versions never change, so what they say is kept in memory
/// once read. The key includes the version's last change, so a cache shared by several
/// databases in one process (tests) or outliving a status change can never serve stale content.
final class FrozenVersionCache: @unchecked Sendable {
    struct Key: Hashable {
        var id: UUID
        var updatedAt: Date
    }

    struct Entry {
        var content: FrameworkContent
        var roleProfiles: [RoleProfile]
    }

    static let shared = FrozenVersionCache()

    /// Enough for every version an organisation keeps; past it the cache starts afresh.
    private let capacity = 256
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    subscript(key: Key) -> Entry? {
        get { lock.withLock { entries[key] } }
        set {
            lock.withLock {
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
                entries[key] = newValue
            }
        }
    }
}
