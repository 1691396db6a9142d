import Vapor

/// Why a command did nothing, in words for the person at the terminal. `main.swift` prints it
/// to standard error whatever `LOG_LEVEL` says (a refused import must always say why); Vapor's
/// own report of the error is kept at trace level, so that it is not said twice.
public struct CommandRefusal: DebuggableError, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }

    public var identifier: String { "refused" }
    public var reason: String { description }
    public var logLevel: Logger.Level { .trace }
}
