import Crypto
import Foundation

/// One entry of the audit log: who did what to what, and when.
public struct AuditEntry: Hashable, Sendable {
    /// 1, 2, 3 ... in the order the entries were written, without gaps.
    public var sequence: Int
    /// Milliseconds since 1970: a whole number, so that the hash never depends on how a
    /// fraction is printed.
    public var atMilliseconds: Int64
    /// The signed-in user's e-mail, or who else acted (`anonymous`, `command line`).
    public var actor: String
    /// The method and route pattern, e.g. `POST /api/v1/cycles/:cycleID/advance`.
    public var action: String
    /// The ids the action named, e.g. `cycleID=…`.
    public var subject: String
    /// `AuditChain.hash` of this entry after the previous one.
    public var hash: String

    public init(sequence: Int, atMilliseconds: Int64, actor: String, action: String, subject: String, hash: String) {
        self.sequence = sequence
        self.atMilliseconds = atMilliseconds
        self.actor = actor
        self.action = action
        self.subject = subject
        self.hash = hash
    }
}

/// The audit log's hash chain: each entry's hash covers its own fields and the previous
/// entry's hash, so that editing, removing or reordering any entry breaks every hash after it.
///
/// The chain cannot show that entries were cut off at the end; `acumen audit verify` prints the
/// head (the last sequence and hash) so that it can be noted elsewhere and checked later.
public enum AuditChain {
    /// The "previous hash" of the first entry.
    public static let origin = String(repeating: "0", count: 64)

    public static func hash(
        previous: String, sequence: Int, atMilliseconds: Int64, actor: String, action: String, subject: String
    ) -> String {
        // Each field with its length first, so that no two different entries hash the same text.
        let fields = [previous, String(sequence), String(atMilliseconds), actor, action, subject]
        let text = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Where a chain read in sequence order stops holding.
    public enum Break: Equatable, Sendable, CustomStringConvertible {
        /// The entry does not match its hash: it was edited, or moved from another place.
        case altered(sequence: Int)
        /// Entries are missing: the sequence jumps.
        case missing(after: Int, next: Int)
        /// The same sequence twice, or the first entry is not 1.
        case outOfOrder(sequence: Int)

        public var description: String {
            switch self {
            case .altered(let sequence):
                "entry \(sequence) does not match its hash: it was edited, or moved from elsewhere in the log"
            case .missing(let after, let next): "entries \(after + 1) to \(next - 1) are missing"
            case .outOfOrder(let sequence): "entry \(sequence) is out of order"
            }
        }
    }

    /// The first break in `entries` (read in sequence order), or nil when the chain holds.
    public static func verify(_ entries: [AuditEntry]) -> Break? {
        var previous = origin
        var expected = 1
        for entry in entries {
            if entry.sequence > expected { return .missing(after: expected - 1, next: entry.sequence) }
            if entry.sequence < expected { return .outOfOrder(sequence: entry.sequence) }
            let recomputed = hash(
                previous: previous, sequence: entry.sequence, atMilliseconds: entry.atMilliseconds, actor: entry.actor,
                action: entry.action, subject: entry.subject)
            guard recomputed == entry.hash else { return .altered(sequence: entry.sequence) }
            previous = entry.hash
            expected += 1
        }
        return nil
    }
}
