import AcumenCore
import AcumenStore
import Foundation

/// Everything Acumen reads from the environment, read once at start-up.
public struct AcumenSettings: Sendable {
    public var database: DatabaseLocation
    /// Connection pool and timeouts (`ACUMEN_DB_POOL_SIZE` and the other `ACUMEN_DB_…` variables).
    public var databaseTuning = DatabaseTuning()
    /// The public origin (scheme, host and port, no path) of every absolute URL Acumen writes:
    /// raters' links, e-mails, CASE `uri` fields. Never taken from a request's Host header.
    public var publicBaseURL: String
    /// The secret behind rater keys (`RaterIdentity`); kept outside the database.
    public var anonymityKey: String
    /// Whether the client address for sign-in throttling is read from `X-Forwarded-For`, as set
    /// by a reverse proxy in front of Acumen. Off, the connection's address is used.
    public var trustsForwardedFor: Bool
    /// How long a browser session lasts after signing in.
    public var sessionLifetime: TimeInterval
    /// How long a bearer token from `POST /api/v1/auth/token` lasts.
    public var tokenLifetime: TimeInterval
    /// Whether cookies are marked Secure (set when Acumen is served over HTTPS).
    public var secureCookies: Bool
    /// How sign-in failures slow further attempts.
    public var signInThrottle: SignInThrottle
    /// Where invitation and reminder e-mails go.
    public var mail: MailSettings
    /// Whether this process delivers the outbox and sends reminders. Serving processes do;
    /// one-off commands (import, user, migrate) and tests do not.
    public var runsBackgroundWork: Bool
    /// The programme's learning record store, to which statements are forwarded; nil for none.
    public var xapiForwarding: XAPIForwarding?
    /// The bearer token Prometheus sends to `/metrics` (`ACUMEN_METRICS_TOKEN`); nil to admit
    /// direct connections from this machine only.
    public var metricsToken: String?
    /// The language of readers who chose none and whose browser asks for none Acumen has.
    public var defaultLanguage: AcumenCore.Language = .english
    /// The hosts framework import may fetch CASE packages from (`ACUMEN_CASE_PROVIDER_HOSTS`,
    /// separated by commas); nil for any.
    public var caseProviderHosts: Set<String>?

    /// Settings for tests and tools: a random anonymity key unless one is given.
    public init(
        database: DatabaseLocation, publicBaseURL: String = "http://127.0.0.1:8080",
        anonymityKey: String = SecretToken.generate(), sessionLifetime: TimeInterval = 12 * 3600,
        tokenLifetime: TimeInterval = 30 * 24 * 3600, secureCookies: Bool = false,
        signInThrottle: SignInThrottle = SignInThrottle(), trustsForwardedFor: Bool = false,
        mail: MailSettings = MailSettings(), runsBackgroundWork: Bool = false
    ) {
        self.mail = mail
        self.runsBackgroundWork = runsBackgroundWork
        self.database = database
        self.publicBaseURL = publicBaseURL
        self.anonymityKey = anonymityKey
        self.sessionLifetime = sessionLifetime
        self.tokenLifetime = tokenLifetime
        self.secureCookies = secureCookies
        self.signInThrottle = signInThrottle
        self.trustsForwardedFor = trustsForwardedFor
    }

    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        arguments: [String] = CommandLine.arguments
    ) throws -> AcumenSettings {
        let database = try DatabaseLocation(environmentValue: environment["DATABASE_URL"])
        var settings = AcumenSettings(database: database, anonymityKey: try anonymityKey(environment, database))
        settings.databaseTuning = try DatabaseTuning(environment: environment)
        let command = CommandArguments(arguments)
        settings.publicBaseURL = try PublicURL.resolve(
            configured: environment["ACUMEN_PUBLIC_URL"], command: command)
        if let hours = environment["ACUMEN_SESSION_HOURS"].flatMap(Double.init), hours > 0 {
            settings.sessionLifetime = hours * 3600
        }
        settings.secureCookies = environment["ACUMEN_SECURE_COOKIES"] == "1"
        settings.trustsForwardedFor = environment["ACUMEN_TRUST_FORWARDED_FOR"] == "1"
        settings.mail = MailSettings(environment: environment, database: settings.database)
        settings.runsBackgroundWork = command.serves
        settings.xapiForwarding = try XAPIForwarding.fromEnvironment(environment)
        if let token = environment["ACUMEN_METRICS_TOKEN"], !token.isEmpty {
            guard token.utf8.count >= 16 else { throw SettingsError.shortMetricsToken }
            settings.metricsToken = token
        }
        if let hosts = environment["ACUMEN_CASE_PROVIDER_HOSTS"] {
            let names = hosts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            settings.caseProviderHosts = Set(names.filter { !$0.isEmpty })
        }
        if let tag = environment["ACUMEN_DEFAULT_LANGUAGE"], !tag.isEmpty {
            guard let language = Language(rawValue: tag) ?? Language(tag: tag) else {
                throw SettingsError.unknownLanguage(tag)
            }
            settings.defaultLanguage = language
        }
        return settings
    }

    /// `ACUMEN_ANONYMITY_KEY`, else (SQLite files only) a key file beside the database, made on
    /// first use and readable by its owner only. PostgreSQL serves several app servers, which
    /// must share one key, so there it must be set.
    static func anonymityKey(_ environment: [String: String], _ database: DatabaseLocation) throws -> String {
        if let key = environment["ACUMEN_ANONYMITY_KEY"], !key.isEmpty {
            guard key.utf8.count >= 32 else { throw SettingsError.shortAnonymityKey }
            return key
        }
        switch database {
        case .sqliteMemory: return SecretToken.generate()
        case .postgres: throw SettingsError.missingAnonymityKey
        case .sqliteFile(let path):
            let file = path + ".anonymity-key"
            if let stored = try? String(contentsOfFile: file, encoding: .utf8) {
                let key = stored.trimmingCharacters(in: .whitespacesAndNewlines)
                guard key.utf8.count >= 32 else { throw SettingsError.unreadableKeyFile(file) }
                return key
            }
            let key = SecretToken.generate()
            guard
                FileManager.default.createFile(
                    atPath: file, contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600])
            else { throw SettingsError.unreadableKeyFile(file) }
            return key
        }
    }
}

/// Configuration that cannot work, said in a way that tells the operator what to do.
enum SettingsError: Error, CustomStringConvertible {
    case missingAnonymityKey
    case shortAnonymityKey
    case unreadableKeyFile(String)
    case invalidPublicURL(String)
    case publicURLNeeded(host: String)
    case anonymityKeyChanged
    case unknownLanguage(String)
    case invalidForwarding(String)
    case shortMetricsToken

    var description: String {
        switch self {
        case .missingAnonymityKey:
            "set ACUMEN_ANONYMITY_KEY (for example to the output of `openssl rand -hex 32`) when using PostgreSQL; every app server needs the same value, and it must never change"
        case .shortAnonymityKey: "ACUMEN_ANONYMITY_KEY must be at least 32 characters long"
        case .shortMetricsToken:
            "ACUMEN_METRICS_TOKEN must be at least 16 characters long (for example the output of `openssl rand -hex 32`)"
        case .unreadableKeyFile(let path):
            "the anonymity key file \(path) cannot be read or written; restore it, or set ACUMEN_ANONYMITY_KEY"
        case .invalidPublicURL(let value):
            "ACUMEN_PUBLIC_URL '\(value)' is not an origin like https://acumen.example.com (scheme, host and optional port, no path)"
        case .anonymityKeyChanged:
            "this database was used with another anonymity key: restore the key it was used with (ACUMEN_ANONYMITY_KEY, or the .anonymity-key file beside an SQLite database); with a new key, corrections could no longer find the answers they replace"
        case .unknownLanguage(let tag):
            "ACUMEN_DEFAULT_LANGUAGE '\(tag)' is not a language Acumen ships; use one of "
                + Language.allCases.map(\.tag).joined(separator: ", ")
        case .invalidForwarding(let endpoint):
            "ACUMEN_XAPI_FORWARD_URL '\(endpoint)' needs to be an http or https address of an xAPI endpoint (e.g. https://lrs.example.com/xAPI/), with ACUMEN_XAPI_FORWARD_KEY and ACUMEN_XAPI_FORWARD_SECRET set for its basic authentication"
        case .publicURLNeeded(let host):
            "set ACUMEN_PUBLIC_URL to the address people use to reach Acumen (e.g. https://acumen.example.com) when serving on \(host); links in e-mails are never built from a request's Host header"
        }
    }
}

/// The few things settings need from the command line: which command runs, and the address a
/// serving command listens on.
struct CommandArguments {
    var command: String
    var hostname: String?
    var port: Int?

    init(_ arguments: [String]) {
        var words = Array(arguments.dropFirst())
        var command: String?
        while !words.isEmpty {
            let word = words.removeFirst()
            switch word {
            case "--hostname", "-H": hostname = words.isEmpty ? nil : words.removeFirst()
            case "--port", "-p": port = words.isEmpty ? nil : Int(words.removeFirst())
            default:
                if let value = word.split(separator: "=", maxSplits: 1).last, word.hasPrefix("--hostname=") {
                    hostname = String(value)
                } else if let value = word.split(separator: "=", maxSplits: 1).last, word.hasPrefix("--port=") {
                    port = Int(value)
                } else if !word.hasPrefix("-"), command == nil {
                    command = word
                }
            }
        }
        // `acumen` alone runs `serve`, Vapor's default command.
        self.command = command ?? "serve"
    }

    var serves: Bool { command == "serve" || command == "demo" }
}

/// Resolves the public origin: the configured one, checked; otherwise, for a server listening
/// on loopback only, that address; a server reachable from elsewhere must be told its origin.
enum PublicURL {
    static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "::1", "[::1]"]

    static func resolve(configured: String?, command: CommandArguments) throws -> String {
        if let configured, !configured.isEmpty {
            return try origin(configured)
        }
        let host = command.hostname ?? "127.0.0.1"
        let port = command.port ?? 8080
        if loopbackHosts.contains(host) {
            return "http://\(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host):\(port)"
        }
        // `acumen demo` on a public address: the demo is for trying Acumen, so its links name
        // the address it listens on (or this machine when it listens on every address).
        if command.command == "demo" {
            return "http://\(host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host):\(port)"
        }
        guard command.serves else { return "http://127.0.0.1:\(port)" }
        throw SettingsError.publicURLNeeded(host: host)
    }

    /// A URL reduced to its origin, or an error when it is anything else.
    static func origin(_ value: String) throws -> String {
        let trimmed = value.hasSuffix("/") ? String(value.dropLast()) : value
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
            components.path.isEmpty, components.query == nil, components.fragment == nil,
            components.user == nil, components.password == nil,
            trimmed.allSatisfy({ $0.isASCII && !$0.isWhitespace })
        else { throw SettingsError.invalidPublicURL(value) }
        return trimmed
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
