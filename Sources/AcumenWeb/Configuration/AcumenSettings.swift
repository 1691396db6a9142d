import AcumenStore
import Foundation

/// Everything Acumen reads from the environment, read once at start-up.
public struct AcumenSettings: Sendable {
    public var database: DatabaseLocation
    /// The public origin used in CASE `uri` fields and printed links; defaults to the serving address.
    public var publicBaseURL: String?
    /// How long a browser session lasts after signing in.
    public var sessionLifetime: TimeInterval
    /// How long a bearer token from `POST /api/v1/auth/token` lasts.
    public var tokenLifetime: TimeInterval
    /// Whether cookies are marked Secure (set when Acumen is served over HTTPS).
    public var secureCookies: Bool
    /// Failed sign-ins allowed per email within `throttleWindow` before sign-in is refused.
    public var maximumFailedSignIns: Int
    public var throttleWindow: TimeInterval
    /// Where invitation and reminder e-mails go.
    public var mail: MailSettings
    /// Whether this process delivers the outbox and sends reminders. Serving processes do;
    /// one-off commands (import, user, migrate) and tests do not.
    public var runsBackgroundWork: Bool

    public init(
        database: DatabaseLocation, publicBaseURL: String? = nil, sessionLifetime: TimeInterval = 12 * 3600,
        tokenLifetime: TimeInterval = 30 * 24 * 3600, secureCookies: Bool = false, maximumFailedSignIns: Int = 5,
        throttleWindow: TimeInterval = 15 * 60, mail: MailSettings = MailSettings(), runsBackgroundWork: Bool = false
    ) {
        self.mail = mail
        self.runsBackgroundWork = runsBackgroundWork
        self.database = database
        self.publicBaseURL = publicBaseURL
        self.sessionLifetime = sessionLifetime
        self.tokenLifetime = tokenLifetime
        self.secureCookies = secureCookies
        self.maximumFailedSignIns = maximumFailedSignIns
        self.throttleWindow = throttleWindow
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AcumenSettings
    {
        var settings = AcumenSettings(database: try DatabaseLocation(environmentValue: environment["DATABASE_URL"]))
        settings.publicBaseURL = environment["ACUMEN_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let hours = environment["ACUMEN_SESSION_HOURS"].flatMap(Double.init), hours > 0 {
            settings.sessionLifetime = hours * 3600
        }
        settings.secureCookies = environment["ACUMEN_SECURE_COOKIES"] == "1"
        settings.mail = MailSettings(environment: environment, database: settings.database)
        // `acumen` alone runs `serve`, Vapor's default command.
        let command = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
        settings.runsBackgroundWork = command == "serve" || command == "demo"
        return settings
    }
}

/// How e-mail leaves Acumen: a sendmail-compatible command in production, otherwise `.eml`
/// files in a pickup folder that a mail server (or a person trying Acumen) can read.
public struct MailSettings: Sendable {
    public var sender: String
    public var sendmailPath: String?
    public var pickupDirectory: String

    public init(sender: String = "acumen@localhost", sendmailPath: String? = nil, pickupDirectory: String = "mail") {
        self.sender = sender
        self.sendmailPath = sendmailPath
        self.pickupDirectory = pickupDirectory
    }

    /// The pickup folder defaults to `mail/` beside the SQLite database, or in the working
    /// directory on PostgreSQL.
    init(environment: [String: String], database: DatabaseLocation) {
        sender = environment["ACUMEN_MAIL_FROM"].flatMap { $0.isEmpty ? nil : $0 } ?? "acumen@localhost"
        sendmailPath = environment["ACUMEN_SENDMAIL"].flatMap { $0.isEmpty ? nil : $0 }
        if let folder = environment["ACUMEN_MAIL_PICKUP"], !folder.isEmpty {
            pickupDirectory = folder
        } else if case .sqliteFile(let path) = database {
            pickupDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("mail").path
        } else {
            pickupDirectory = "mail"
        }
    }
}
