import AcumenCore
import XCTest

final class AuditChainTests: XCTestCase {
    private func chain(_ count: Int) -> [AuditEntry] {
        var previous = AuditChain.origin
        return (1...count).map { sequence in
            let hash = AuditChain.hash(
                previous: previous, sequence: sequence, atMilliseconds: 1_700_000_000_000 + Int64(sequence),
                actor: "pm\(sequence)@example.com", action: "POST /api/v1/cycles", subject: "")
            previous = hash
            return AuditEntry(
                sequence: sequence, atMilliseconds: 1_700_000_000_000 + Int64(sequence),
                actor: "pm\(sequence)@example.com", action: "POST /api/v1/cycles", subject: "", hash: hash)
        }
    }

    func test_anUntouchedChain_holds() {
        XCTAssertNil(AuditChain.verify(chain(5)))
        XCTAssertNil(AuditChain.verify([]))
    }

    func test_anEditedEntry_isFound() {
        var entries = chain(5)
        entries[2].actor = "someone.else@example.com"
        XCTAssertEqual(AuditChain.verify(entries), .altered(sequence: 3))
        entries = chain(5)
        entries[4].atMilliseconds += 1
        XCTAssertEqual(AuditChain.verify(entries), .altered(sequence: 5), "even the last entry's time")
    }

    func test_aRemovedEntry_isFound() {
        var entries = chain(5)
        entries.remove(at: 1)
        XCTAssertEqual(AuditChain.verify(entries), .missing(after: 1, next: 3))
        XCTAssertEqual(AuditChain.verify(Array(chain(5).dropFirst())), .missing(after: 0, next: 2))
    }

    func test_reorderedEntries_areFound() {
        var entries = chain(5)
        // Swapped numbers, read back in sequence order: the entry now second is the old third.
        entries[1].sequence = 3
        entries[2].sequence = 2
        XCTAssertEqual(AuditChain.verify(entries.sorted { $0.sequence < $1.sequence }), .altered(sequence: 2))
        XCTAssertEqual(AuditChain.verify([chain(3)[0], chain(3)[0]]), .outOfOrder(sequence: 1))
    }

    func test_aRewrittenEntry_withARecomputedHash_breaksTheNext() {
        var entries = chain(4)
        entries[1].actor = "forger@example.com"
        entries[1].hash = AuditChain.hash(
            previous: entries[0].hash, sequence: 2, atMilliseconds: entries[1].atMilliseconds, actor: entries[1].actor,
            action: entries[1].action, subject: entries[1].subject)
        XCTAssertEqual(AuditChain.verify(entries), .altered(sequence: 3))
    }
}
