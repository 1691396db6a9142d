import Foundation

/// Who reports to whom, directly or through others.
public struct ReportingLines: Sendable {
    private let reportsBySupervisor: [UUID: [UUID]]

    public init(people: [(id: UUID, supervisorID: UUID?)]) {
        var reports: [UUID: [UUID]] = [:]
        for person in people {
            if let supervisor = person.supervisorID { reports[supervisor, default: []].append(person.id) }
        }
        reportsBySupervisor = reports
    }

    /// Everyone below this person, at any depth. Cycles in bad data end the walk rather than loop.
    public func reports(of supervisor: UUID) -> Set<UUID> {
        var found: Set<UUID> = []
        var queue = reportsBySupervisor[supervisor] ?? []
        while let next = queue.popLast() {
            guard next != supervisor, found.insert(next).inserted else { continue }
            queue += reportsBySupervisor[next] ?? []
        }
        return found
    }
}
