import AcumenCore
import Foundation

/// The help the command line prints, in the organisation's default language. Help is printed
/// before any settings are read, so the language comes straight from `ACUMEN_DEFAULT_LANGUAGE`;
/// a tag Acumen does not know falls back to English here, and the settings refuse it later.
enum CommandHelp {
    static var localizer: Localizer {
        let tag = ProcessInfo.processInfo.environment["ACUMEN_DEFAULT_LANGUAGE"] ?? ""
        return Localizer(Language(rawValue: tag) ?? Language(tag: tag) ?? .english)
    }

    static func text(_ key: CommandHelpMessage) -> String {
        localizer.text(key)
    }
}

enum CommandHelpMessage: String, MessageKey, CaseIterable {
    case demo = "cliHelp.demo"
    case demoHostname = "cliHelp.demo.hostname"
    case demoPort = "cliHelp.demo.port"
    case demoNoServe = "cliHelp.demo.noServe"
    case importCommand = "cliHelp.import"
    case importKind = "cliHelp.import.kind"
    case importFile = "cliHelp.import.file"
    case migrate = "cliHelp.migrate"
    case user = "cliHelp.user"
    case userAction = "cliHelp.user.action"
    case userEmail = "cliHelp.user.email"
    case userRole = "cliHelp.user.role"
    case xapi = "cliHelp.xapi"
    case xapiSubject = "cliHelp.xapi.subject"
    case xapiAction = "cliHelp.xapi.action"
    case xapiName = "cliHelp.xapi.name"
    case statsFile = "cliHelp.stats.file"
    case statsLevel = "cliHelp.stats.level"
    case statsFormat = "cliHelp.stats.format"
    case statsPairs = "cliHelp.stats.pairs"
    case statsTimings = "cliHelp.stats.timings"
    case statsLevelValues = "cliHelp.stats.levelValues"
    case statsFormatValues = "cliHelp.stats.formatValues"
    case backup = "cliHelp.backup"
    case backupFile = "cliHelp.backup.file"
    case restore = "cliHelp.restore"
    case restoreFile = "cliHelp.restore.file"
    case restoreReplace = "cliHelp.restore.replace"
    case audit = "cliHelp.audit"
    case auditAction = "cliHelp.audit.action"
    case auditHead = "cliHelp.audit.head"
}

/// What `acumen stats` says around its figures.
enum StatsCommandMessage: String, MessageKey, CaseIterable {
    case usage = "cli.stats.usage"
    case failed = "cli.stats.failed"
    case unreadable = "cli.stats.unreadable"
}
