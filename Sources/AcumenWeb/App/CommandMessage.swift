import AcumenCore

/// What the command line says to the person running it. English for now, through the catalogue
/// like every page, in the organisation's default language once translated.
enum CommandMessage: String, MessageKey, CaseIterable {
    case demoLoaded = "cli.demo.loaded"
    case demoAlreadyLoaded = "cli.demo.alreadyLoaded"
    case database = "cli.database"
    case openAndSignIn = "cli.demo.openAndSignIn"
    case login = "cli.demo.login"
    case calibrated = "cli.demo.calibrated"
    case password = "cli.demo.password"
    case upToDate = "cli.migrate.upToDate"
    case imported = "cli.import.imported"
    case importedFramework = "cli.import.framework"
    case fetchedFrameworkVersion = "cli.import.frameworkVersion"
    case unreadable = "cli.import.unreadable"
    case unknownImport = "cli.import.unknownKind"
    case giveEmail = "cli.user.giveEmail"
    case giveRole = "cli.user.giveRole"
    case created = "cli.user.created"
    case noSuchUser = "cli.user.noSuchUser"
    case passwordSet = "cli.user.passwordSet"
    case unknownAction = "cli.user.unknownAction"
    case xapiUsage = "cli.xapi.usage"
    case xapiGiveName = "cli.xapi.giveName"
    case askPassword = "cli.user.askPassword"
    case passwordTooShort = "cli.user.passwordTooShort"
    case passwordTooLong = "cli.user.passwordTooLong"
}

extension AcumenSettings {
    /// The words of the command line, in the organisation's default language.
    var commandLocalizer: Localizer { Localizer(defaultLanguage) }
}
