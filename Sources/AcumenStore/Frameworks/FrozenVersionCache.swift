import AcumenCore
import Foundation

/// Published and retired framework versions never change, so what they say is kept in memory
/// once read. The key includes the version's last change, so a cache shared by several
/// databases in one process (tests) or outliving a status change never serves stale content.
enum FrozenVersionCache {
    struct Key: Hashable, Sendable {
        var id: UUID
        var updatedAt: Date
    }

    struct Entry: Sendable {
        var content: FrameworkContent
        var roleProfiles: [RoleProfile]
    }

    /// Enough for every version an organisation keeps.
    static let shared = BoundedCache<Key, Entry>(capacity: 256)
}
