import AcumenCore
import AcumenStore
import ArgumentParser
import Foundation

/// `acumen backup FILE` and `acumen restore FILE [--replace]` (`DatabaseBackup`).
///
/// Handled before the web application is built: a restore must not find the database opened and
/// migrated by the command that is about to replace it.
public enum BackupCommandLine {
    struct BackupOptions: ParsableArguments {
        @Argument(help: ArgumentHelp(CommandHelp.text(.backupFile)))
        var file: String
    }

    struct RestoreOptions: ParsableArguments {
        @Argument(help: ArgumentHelp(CommandHelp.text(.restoreFile)))
        var file: String

        @Flag(help: ArgumentHelp(CommandHelp.text(.restoreReplace)))
        var replace = false
    }

    /// Runs the command when the arguments ask for it; nil when they are for another command.
    public static func run(
        _ arguments: [String], database: DatabaseLocation, output: (String) -> Void = { print($0) },
        error: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) async -> Int32? {
        guard arguments.count >= 2, arguments[1] == "backup" || arguments[1] == "restore" else { return nil }
        let text = CommandHelp.localizer
        let rest = Array(arguments.dropFirst(2))
        do {
            if arguments[1] == "backup" {
                let options = try parse(BackupOptions.self, rest, about: .backup, output: output, error: error)
                guard let options else { return 0 }
                try await DatabaseBackup.backUp(database, to: options.file)
                output(text.text(BackupMessage.backedUp, ["database": "\(database)", "file": options.file]))
            } else {
                let options = try parse(RestoreOptions.self, rest, about: .restore, output: output, error: error)
                guard let options else { return 0 }
                try await DatabaseBackup.restore(database, from: options.file, replacing: options.replace)
                output(text.text(BackupMessage.restored, ["database": "\(database)", "file": options.file]))
            }
            return 0
        } catch is Misused {
            return 2
        } catch let problem {
            error(text.text(BackupMessage.failed, ["problem": "\(problem)"]))
            return 1
        }
    }

    private struct Misused: Error {}

    /// The options, or nil after printing the help that was asked for.
    private static func parse<Options: ParsableArguments>(
        _ type: Options.Type, _ arguments: [String], about: CommandHelpMessage, output: (String) -> Void,
        error: (String) -> Void
    ) throws -> Options? {
        do {
            return try Options.parse(arguments)
        } catch let problem {
            if Options.exitCode(for: problem) == .success {
                output(CommandHelp.text(about) + "\n\n" + Options.helpMessage())
                return nil
            }
            error(Options.fullMessage(for: problem))
            throw Misused()
        }
    }
}

/// What `acumen backup` and `acumen restore` say.
enum BackupMessage: String, MessageKey, CaseIterable {
    case backedUp = "cli.backup.done"
    case restored = "cli.restore.done"
    case failed = "cli.backup.failed"
}
