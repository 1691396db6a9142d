import AcumenCore
import Vapor

/// `acumen migrate`: brings the database schema up to date. Safe to run repeatedly.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    let settings: AcumenSettings
    var help: String { CommandHelp.text(.migrate) }

    /// The migrations themselves ran when the application booted (see `DatabasePreparation`).
    func run(using context: CommandContext, signature: Signature) async throws {
        context.console.print(
            settings.commandLocalizer.text(CommandMessage.upToDate, ["database": "\(settings.database)"]))
    }
}
