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

    public init(
        database: DatabaseLocation, publicBaseURL: String? = nil, sessionLifetime: TimeInterval = 12 * 3600,
        tokenLifetime: TimeInterval = 30 * 24 * 3600, secureCookies: Bool = false, maximumFailedSignIns: Int = 5,
        throttleWindow: TimeInterval = 15 * 60
    ) {
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
        return settings
    }
}
