import FluentKit
import Foundation
import SQLKit

/// Writes raters' submissions that arrive together in one SQLite transaction.
///
/// SQLite has one writer, and each statement is a hop to its thread pool and back: under load,
/// a submission's own transaction (six statements, one at a time behind `WriteGate`) was most
/// of its time. Here submissions that arrive while a group is being written wait, and are
/// written as the next group, with one statement per step for all of them and one commit
/// (`ResponseRepository.write(_:on:)`). Each is acknowledged only once its group has committed.
/// If a group fails as a whole, it is rolled back and each of its submissions is written on its
/// own, so that one submission's fault is reported to its rater alone.
///
/// One instance serves one application's database. PostgreSQL has row locks and writes each
/// submission in its own transaction, concurrently.
public actor SubmissionGroups {
    /// Keeps a group's statements within the databases' limits on binds (`insertRows`) and its
    /// commit short.
    static let largestGroup = 64

    private struct Waiting {
        let submission: SubmissionRecord
        let continuation: CheckedContinuation<UUID, any Error>
    }

    private var waiting: [Waiting] = []
    private var writing = false

    public init() {}

    /// Writes `submission` and returns its response's id, or throws why it was refused.
    public nonisolated func submit(_ submission: SubmissionRecord, on database: any Database) async throws -> UUID {
        guard database.sql.dialect.name == "sqlite" else {
            return try await ResponseRepository(database: database).submit(
                invitation: submission.invitation, content: submission.content,
                attribution: submission.attribution)
        }
        return try await enqueue(submission, on: database)
    }

    private func enqueue(_ submission: SubmissionRecord, on database: any Database) async throws -> UUID {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiting(submission: submission, continuation: continuation))
            if !writing {
                writing = true
                Task { await self.writeWaitingGroups(on: database) }
            }
        }
    }

    private func writeWaitingGroups(on database: any Database) async {
        while !waiting.isEmpty {
            let group = nextGroup()
            let outcomes = await Self.write(group.map(\.submission), on: database)
            for (member, outcome) in zip(group, outcomes) { member.continuation.resume(with: outcome) }
        }
        writing = false
    }

    /// The longest-waiting submissions. A second submission of an invitation in the same group
    /// is refused as a conflict by `ResponseRepository.write`, as it would be in the next.
    private func nextGroup() -> [Waiting] {
        let group = Array(waiting.prefix(Self.largestGroup))
        waiting.removeFirst(group.count)
        return group
    }

    private static func write(_ group: [SubmissionRecord], on database: any Database) async
        -> [Result<UUID, any Error>]
    {
        do {
            return try await ResponseRepository(database: database).submit(group).map { $0.mapError { $0 } }
        } catch  where group.count > 1 {
            var outcomes: [Result<UUID, any Error>] = []
            for submission in group { outcomes.append(contentsOf: await write([submission], on: database)) }
            return outcomes
        } catch {
            return [.failure(error)]
        }
    }
}
