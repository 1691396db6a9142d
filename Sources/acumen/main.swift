import AcumenWeb
import Foundation
import Logging
import NIOCore
import NIOPosix
import Vapor

// Swift concurrency's tasks run on NIO's event loops rather than on a pool of their own, so
// that a request's work does not hop between two sets of threads at every await (measured: a
// third of the server's time under load went to those hops). It must come first, before any
// task starts; Acumen never blocks an event loop waiting on a future (`.wait()`).
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

// Statistics need neither the database nor the web application.
if let status = StatsCommandLine.run(CommandLine.arguments) { exit(status) }

var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)

let settings: AcumenSettings
do {
    settings = try AcumenSettings.fromEnvironment()
} catch {
    FileHandle.standardError.write(Data("acumen: \(error)\n".utf8))
    exit(1)
}

// A restore replaces the database, so it runs before the application opens it.
if let status = await BackupCommandLine.run(CommandLine.arguments, database: settings.database) { exit(status) }

let app = try await Application.make(environment)
do {
    try await configure(app, settings: settings)
    // Vapor reports any error from start-up or the command itself before rethrowing it.
    try await app.execute()
} catch {
    if let refusal = error as? CommandRefusal {
        FileHandle.standardError.write(Data("acumen: \(refusal.description)\n".utf8))
    }
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
