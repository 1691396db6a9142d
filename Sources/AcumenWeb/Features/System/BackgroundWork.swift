import AcumenCore
import AcumenStore
import Fluent
import Vapor

/// Delivers the outbox (e-mails, and statements for the programme's record store when one is
/// configured) and sends due reminders, in serving processes only.
///
/// A message is marked sent only after delivery succeeded; a failure is retried with backoff
/// and, after the last attempt, shown to programme managers on the outbox page.
final class BackgroundWork: LifecycleHandler, @unchecked Sendable {
    let settings: AcumenSettings
    private var task: Task<Void, Never>?
    private var checkpoints: Task<Void, Never>?

    init(settings: AcumenSettings) {
        self.settings = settings
    }

    func didBootAsync(_ app: Application) async throws {
        let settings = settings
        let logger = app.logger
        let database = app.db
        let baseURL = settings.publicBaseURL
        let client = app.client
        let metrics = app.serviceMetrics
        if case .sqliteFile(let path) = settings.database {
            checkpoints = Task { await WALCheckpoints.run(path: path, logger: logger) }
        }
        task = Task {
            var lastReminderDay: CalendarDate?
            while !Task.isCancelled {
                do {
                    let today = CalendarDate.today
                    if lastReminderDay != today {
                        try await Self.sendReminders(
                            database: database, baseURL: baseURL, today: today,
                            defaultLanguage: settings.defaultLanguage)
                        lastReminderDay = today
                    }
                    try await Self.deliverOutbox(
                        database: database, delivery: settings.mail.delivery, metrics: metrics)
                    if let forwarding = settings.xapiForwarding {
                        try await XAPIForwarder(
                            database: database, client: client, forwarding: forwarding, baseURL: baseURL
                        ).deliver()
                    }
                } catch {
                    logger.warning("Background work failed and will be retried: \(String(describing: error))")
                }
                MemoryRelease.trim()
                try? await Task.sleep(for: .seconds(5))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        checkpoints?.cancel()
        await task?.value
        await checkpoints?.value
    }

    /// - Parameter metrics: where refused deliveries are counted.
    static func deliverOutbox(database: any Database, delivery: any MailDelivery, metrics: ServiceMetrics? = nil)
        async throws
    {
        let outbox = OutboxRepository(database: database)
        // Batches until nothing is due: opening a large cycle queues hundreds of links at once.
        while true {
            let due = try await outbox.claimDue(limit: 100)
            for entry in due {
                do {
                    try delivery.deliver(entry.message, id: entry.id)
                    try await outbox.markSent(id: entry.id)
                } catch {
                    metrics?.recordMailFailure()
                    try await outbox.markFailed(entry, error: String(describing: error))
                }
            }
            if due.count < 100 || Task.isCancelled { return }
        }
    }

    /// Reminds every rater of an open cycle who has not submitted, on the cycle's reminder days.
    static func sendReminders(
        database: any Database, baseURL: String, today: CalendarDate, defaultLanguage: Language = .english
    ) async throws {
        let links = RaterLinks(database: database, baseURL: baseURL, defaultLanguage: defaultLanguage)
        for cycle in try await CycleRepository(database: database).cycles() where cycle.status == .open {
            guard
                ReminderSchedule.remindersDue(settings: cycle.settings, today: today, hasSubmitted: false).first
                    == today
            else { continue }
            for invitation in try await InvitationRepository(database: database).invitations(cycleID: cycle.id)
            where invitation.status == .approved && !invitation.hasSubmitted && invitation.issuedOn != nil
                && invitation.lastRemindedOn != today
            {
                try await links.remind(invitation, cycle: cycle, today: today)
            }
        }
    }
}
