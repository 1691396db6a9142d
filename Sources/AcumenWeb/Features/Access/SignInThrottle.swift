import Foundation

/// How failed sign-ins slow further attempts: after a few free failures, each further attempt
/// must wait, twice as long after each failure, up to a ceiling. There is no hard lock.
///
/// Failures are counted per client address (so that one guess sprayed across many e-mails is
/// slowed) and per e-mail (so that many addresses guessing one password are slowed). A browser
/// in which the owner has signed in before carries a device cookie (`DeviceCookie`); with it,
/// failures are counted for that device instead of the e-mail, so that someone guessing the
/// owner's password elsewhere cannot keep the owner out.
public struct SignInThrottle: Sendable {
    /// Failures per e-mail (or known device) before attempts must wait.
    public var freeFailuresPerAccount: Int
    /// Failures per client address before attempts must wait: enough for a shared office.
    public var freeFailuresPerAddress: Int
    public var firstDelay: TimeInterval
    public var longestDelay: TimeInterval
    /// Failures older than this are forgotten.
    public var memory: TimeInterval

    public init(
        freeFailuresPerAccount: Int = 5, freeFailuresPerAddress: Int = 20, firstDelay: TimeInterval = 2,
        longestDelay: TimeInterval = 15 * 60, memory: TimeInterval = 24 * 3600
    ) {
        self.freeFailuresPerAccount = freeFailuresPerAccount
        self.freeFailuresPerAddress = freeFailuresPerAddress
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
        self.memory = memory
    }

    /// How long after the last of `failures` failures the next attempt must wait.
    public func delay(afterFailures failures: Int, free: Int) -> TimeInterval {
        guard failures >= free else { return 0 }
        let doublings = min(failures - free, 30)
        return min(longestDelay, firstDelay * pow(2, Double(doublings)))
    }
}
