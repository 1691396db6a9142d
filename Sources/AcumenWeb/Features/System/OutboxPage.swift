import AcumenCore
import Plot

enum OutboxPage {
    static func render(entries: [OutboxEntry], counts: [OutboxEntry.Status: Int], context: PageContext) -> HTMLPage {
        Layout.page("E-mail outbox", context: context) {
            H1("E-mail outbox")
            Paragraph(
                "Invitations and reminders wait here until they are delivered. A message is marked sent only once delivery succeeded; failures are retried after 1, 2, 4 … minutes, and after \(OutboxEntry.maximumAttempts) attempts they stay failed until you retry them."
            )
            Paragraph(
                "Waiting: \(counts[.pending] ?? 0) · Sent: \(counts[.sent] ?? 0) · Failed: \(counts[.failed] ?? 0)")
            if entries.isEmpty {
                Paragraph("No messages yet.")
            } else {
                DataTable(
                    caption: "The latest messages",
                    headings: ["To", "Subject", "Status", "Attempts", "Last error", ""],
                    rows: entries.map { entry in
                        [
                            Text(entry.message.recipient), Text(entry.message.subject),
                            StatusBadge(text: entry.status.rawValue.capitalized, kind: entry.status.rawValue),
                            Text("\(entry.attempts)"), Text(entry.lastError),
                            entry.status == .failed
                                ? ActionButton(
                                    title: "Retry", url: SitePath.outboxRetry.url(entry.id), csrf: context.csrf,
                                    style: "button")
                                : Text(""),
                        ]
                    })
            }
        }
    }
}
