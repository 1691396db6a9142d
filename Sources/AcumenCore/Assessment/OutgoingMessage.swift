import Foundation

/// An e-mail waiting in the outbox.
public struct OutgoingMessage: Sendable, Hashable {
    public var recipient: String
    public var subject: String
    public var body: String

    public init(recipient: String, subject: String, body: String) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
    }
}

public struct OutboxEntry: Sendable, Hashable, Identifiable {
    /// After this many failed deliveries a message stays failed until someone retries it.
    public static let maximumAttempts = 8

    public enum Status: String, Codable, Sendable {
        case pending
        case sent
        /// Gave up after the last retry; shown to programme managers.
        case failed
    }

    public var id: UUID
    public var message: OutgoingMessage
    public var status: Status
    public var attempts: Int
    public var lastError: String
    public var nextAttemptAt: Date

    public init(
        id: UUID, message: OutgoingMessage, status: Status, attempts: Int, lastError: String, nextAttemptAt: Date
    ) {
        self.id = id
        self.message = message
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.nextAttemptAt = nextAttemptAt
    }
}
