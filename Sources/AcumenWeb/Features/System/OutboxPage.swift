import AcumenCore
import Plot

enum OutboxPage {
    static func render(entries: [OutboxEntry], counts: [OutboxEntry.Status: Int], context: PageContext) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(OutboxMessage.title), context: context) {
            H1(text.text(OutboxMessage.title))
            Paragraph(text.text(OutboxMessage.intro, ["attempts": text.integer(OutboxEntry.maximumAttempts)]))
            Paragraph(
                text.text(
                    OutboxMessage.counts,
                    [
                        "pending": text.integer(counts[.pending] ?? 0), "sent": text.integer(counts[.sent] ?? 0),
                        "failed": text.integer(counts[.failed] ?? 0),
                    ]))
            if entries.isEmpty {
                Paragraph(text.text(OutboxMessage.empty))
            } else {
                // Subjects and errors are shown as they were written: the e-mail's own words.
                DataTable(
                    caption: text.text(OutboxMessage.caption),
                    headings: [OutboxMessage.to, .subject, .status, .attempts, .lastError].map { text.text($0) } + [""],
                    rows: entries.map { entry in
                        [
                            Text(entry.message.recipient), Text(entry.message.subject),
                            StatusBadge(
                                text: text.text(OutboxMessage(rawValue: "outbox.status.\(entry.status.rawValue)")!),
                                kind: entry.status.rawValue),
                            Text(text.integer(entry.attempts)), Text(entry.lastError),
                            entry.status == .failed
                                ? ActionButton(
                                    title: text.text(OutboxMessage.retry), url: SitePath.outboxRetry.url(entry.id),
                                    csrf: context.csrf, style: "button")
                                : Text(""),
                        ]
                    })
            }
        }
    }
}

/// The words of the outbox page (programme staff, English for now); statuses are
/// `outbox.status.` and the status's raw value, and `MessageKeyTests` holds every status.
enum OutboxMessage: String, MessageKey, CaseIterable {
    case title = "outbox.title"
    case intro = "outbox.intro"
    case counts = "outbox.counts"
    case empty = "outbox.empty"
    case caption = "outbox.caption"
    case to = "outbox.to"
    case subject = "outbox.subject"
    case status = "outbox.status"
    case attempts = "outbox.attempts"
    case lastError = "outbox.lastError"
    case retry = "outbox.retry"
    case pending = "outbox.status.pending"
    case sent = "outbox.status.sent"
    case failed = "outbox.status.failed"
    case queuedAgain = "outbox.queuedAgain"
}
