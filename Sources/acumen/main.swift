import AcumenWeb
import Logging
import Vapor

var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
do {
    let settings = try AcumenSettings.fromEnvironment()
    try await configure(app, settings: settings)
    try await app.execute()
} catch {
    app.logger.error("\(String(describing: error))")
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
