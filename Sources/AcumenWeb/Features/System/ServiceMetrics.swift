import AcumenStore
import Fluent
import Foundation
import Prometheus
import SQLKit
import Synchronization
import Vapor

/// What an app server counts about itself, for Prometheus to scrape at `GET /metrics`.
///
/// Counters and latencies are this process's own since it started (Prometheus adds the servers
/// up); queue depths and ages are read from the database at each scrape, so every server reports
/// the same queues. Submissions are counted without their source: a count of customer answers
/// scraped every few seconds would date each anonymous submission, which Acumen otherwise hides.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    // Computed: the library's descriptor is not Sendable, so it cannot be a stored constant.
    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "acumen", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "Requests answered, by method, route pattern and status.")
    }
    private static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "acumen", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "Time to answer a request, by method and route pattern.")
    }
    private static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]
    private let submissions: Counter
    private let mailFailures: Counter
    private let poolSize: Gauge
    private let databaseUp: Gauge

    /// The bearer token a scraper must send (`ACUMEN_METRICS_TOKEN`); nil to admit direct
    /// connections from this machine only.
    let scrapeToken: String?

    /// - Parameter poolSize: the most database connections this process may hold.
    init(poolSize: Int, scrapeToken: String? = nil) {
        self.scrapeToken = scrapeToken
        submissions = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "acumen", metricName: "submissions", unitName: "total",
                helpText: "Rater forms and questionnaires submitted through this server, all sources together."))
        mailFailures = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "acumen", subsystem: "mail", metricName: "delivery_failures", unitName: "total",
                helpText: "E-mails the mail command or pickup folder refused; each is retried later."))
        self.poolSize = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "acumen", subsystem: "database", metricName: "pool", unitName: "connections_max",
                helpText: "The most database connections this server may open."))
        databaseUp = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "acumen", subsystem: "database", metricName: "up", unitName: "",
                helpText: "1 when the database answered the scrape's query, else 0."))
        self.poolSize.set(to: Double(poolSize))
    }

    /// The counter and histogram of each method, route and status seen, so that a request
    /// looks its pair up once instead of building the metrics' names and labels again.
    private let requestMetrics = Mutex<[String: (count: Counter, latency: DurationHistogram)]>([:])

    /// Methods are counted by name only when HTTP defines them: a client could otherwise make a
    /// new series with every made-up method it sends.
    private static let knownMethods: Set<String> = [
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT",
    ]

    func recordRequest(method: HTTPMethod, route: String, status: HTTPResponseStatus, duration: Duration) {
        let methodName = Self.knownMethods.contains(method.rawValue) ? method.rawValue : "OTHER"
        let key = "\(methodName) \(route) \(status.code)"
        let metrics = requestMetrics.withLock { known in
            if let found = known[key] { return found }
            let made = (
                count: registry.makeCounter(
                    descriptor: Self.requests,
                    labels: [("method", methodName), ("route", route), ("status", String(status.code))]),
                latency: registry.makeDurationHistogram(
                    descriptor: Self.latency, labels: [("method", methodName), ("route", route)],
                    buckets: Self.latencyBuckets)
            )
            known[key] = made
            return made
        }
        metrics.count.increment()
        metrics.latency.record(duration)
    }

    func recordSubmission() { submissions.increment() }

    func recordMailFailure() { mailFailures.increment() }

    /// The scrape: queue gauges read now from the database, then everything in Prometheus's
    /// text format. A database that does not answer is reported (`acumen_database_up 0`), not
    /// an error: the scrape is how one learns of it.
    func exposition(database: any Database, now: Date = Date()) async -> String {
        do {
            let queues = [
                try await OutboxRepository(database: database).queueState(at: now),
                try await XAPIOutboxRepository(database: database).queueState(at: now),
            ]
            for queue in queues {
                // Every status each time: a queue emptied since the last scrape must read 0.
                for status in Set(["pending", "sent", "failed"]).union(queue.counts.keys).sorted() {
                    let count = queue.counts[status] ?? 0
                    registry.makeGauge(
                        descriptor: MetricNameDescriptor(
                            namespace: "acumen", subsystem: "outbox", metricName: "messages", unitName: "",
                            helpText: "Messages in the outbox queues, by queue and status."),
                        labels: [("queue", queue.name), ("status", status)]
                    ).set(to: Double(count))
                }
                registry.makeGauge(
                    descriptor: MetricNameDescriptor(
                        namespace: "acumen", subsystem: "outbox", metricName: "oldest_pending_age", unitName: "seconds",
                        helpText: "How long the oldest message waiting for delivery has waited, by queue; 0 when none."),
                    labels: [("queue", queue.name)]
                ).set(to: queue.oldestPendingAge)
            }
            databaseUp.set(to: 1)
        } catch {
            databaseUp.set(to: 0)
        }
        return registry.emitToString()
    }
}

extension Application {
    private struct ServiceMetricsKey: StorageKey {
        typealias Value = ServiceMetrics
    }

    /// This server's metrics, made when the application is configured.
    var serviceMetrics: ServiceMetrics {
        get {
            guard let metrics = storage[ServiceMetricsKey.self] else {
                preconditionFailure("configure(_:settings:) makes the metrics before any request")
            }
            return metrics
        }
        set { storage[ServiceMetricsKey.self] = newValue }
    }
}
