import AcumenCore
import AcumenStore
import Fluent
import Vapor

/// Wires the application: database, sessions, middleware, routes and commands.
/// The one place where Acumen is put together; tests call it with their own settings.
public func configure(_ app: Application, settings: AcumenSettings) async throws {
    app.databases.use(
        try settings.database.configurationFactory(tuning: settings.databaseTuning), as: .acumen, isDefault: true)
    app.migrations.add(StoreMigrations.all)
    app.passwords.use(.bcrypt)
    app.routes.defaultMaxBodySize = "1mb"
    ContentConfiguration.global.use(encoder: APIJSONEncoder(), for: .json)
    app.defaultLanguage = settings.defaultLanguage
    // Fluent's pools hold one SQLite connection, or the configured PostgreSQL connections,
    // per event loop (one loop per core).
    let connectionsPerLoop = settings.database.isSQLite ? 1 : settings.databaseTuning.connectionsPerEventLoop
    app.serviceMetrics = ServiceMetrics(
        poolSize: connectionsPerLoop * System.coreCount, scrapeToken: settings.metricsToken)
    app.submissionGroups = SubmissionGroups()
    await app.useCASEPackageFetcher(allowedHosts: settings.caseProviderHosts)

    app.sessions.use { _ in DatabaseSessionDriver(lifetime: settings.sessionLifetime) }
    app.sessions.configuration = SessionsConfiguration(cookieName: "acumen_session") { id in
        // Max-Age alone bounds the cookie: Vapor sets it on every response, and formatting an
        // Expires date each time costs more than the rest of the header. The server-side expiry
        // is what really ends the session.
        HTTPCookies.Value(
            string: id.string, maxAge: Int(settings.sessionLifetime), path: "/", isSecure: settings.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
    }

    // Order matters: the request log and security headers wrap everything, error pages
    // included; errors wrap the rest; the session comes before the user it names; CSRF is
    // checked once the session is known.
    app.middleware = Middlewares()
    app.middleware.use(RequestLog())
    app.middleware.use(SecurityHeaders(strictTransport: settings.secureCookies))
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(MethodNotAllowed())
    app.middleware.use(EmptyQueryValues())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(SessionUserAuthenticator())
    app.middleware.use(BearerUserAuthenticator())
    app.middleware.use(AnonymousCSRFCookie(secure: settings.secureCookies))
    app.middleware.use(CSRFProtection())
    app.middleware.use(AuditTrail())

    try app.register(collection: SystemController())
    try app.register(collection: MetricsController())
    try app.register(collection: AuthController(settings: settings))
    try app.register(collection: FrameworksController(settings: settings))
    try app.register(collection: RoleProfilesController())
    try app.register(collection: CASEController(settings: settings))
    try app.register(collection: PeopleController())
    try app.register(collection: ImportController())
    try app.register(collection: UsersController())
    try app.register(collection: PasswordController())
    try app.register(collection: PasswordResetController(settings: settings))
    try app.register(collection: LanguagePreferenceController())
    try app.register(collection: CyclesController(settings: settings))
    try app.register(collection: RaterFormController(settings: settings))
    try app.register(collection: ReportsController())
    try app.register(collection: AccountResultsController())
    try app.register(collection: ScorecardsController())
    try app.register(collection: CalibrationController(settings: settings))
    app.catalogueCache = CatalogueCache()
    try app.register(collection: CatalogueController(settings: settings))
    try app.register(collection: RoadmapController())
    try app.register(collection: ObservationController())
    try app.register(collection: GroupGapsController())
    try app.register(collection: ProgrammeController())
    try app.register(collection: GroupDashboardController())
    try app.register(collection: VendorScorecardController())
    try app.register(collection: IndividualDashboardController())
    try app.register(collection: SessionsController(settings: settings))
    try app.register(collection: CommunityController(settings: settings))
    try app.register(collection: PracticeController())
    try app.register(collection: KnowledgeChecksController())
    try app.register(collection: KnowledgeChecksAPIController())
    try app.register(collection: VerbalAssessmentController())
    try app.register(collection: QuestionBankController())
    try app.register(collection: XAPIController(settings: settings))
    try app.register(collection: XAPICredentialsController(settings: settings))
    try app.register(collection: CalibrationAPIController())
    try app.register(collection: DoubleRatingController(settings: settings))
    try app.register(collection: HomeController())
    try app.register(collection: StatsController())
    try app.register(collection: CyclesAPIController(settings: settings))
    try app.register(collection: OpenAPIController())

    // Every command works on the database, so it is brought up to date when the app boots:
    // `serve` migrates on its own, and `migrate` does nothing more than boot.
    app.lifecycle.use(DatabasePreparation(settings: settings))
    if settings.runsBackgroundWork { app.lifecycle.use(BackgroundWork(settings: settings)) }
    app.asyncCommands.use(MigrateCommand(settings: settings), as: "migrate")
    app.asyncCommands.use(DemoCommand(settings: settings), as: "demo")
    app.asyncCommands.use(UserCommand(settings: settings), as: "user")
    app.asyncCommands.use(ImportCommand(settings: settings), as: "import")
    app.asyncCommands.use(XAPICommand(settings: settings), as: "xapi")
    app.asyncCommands.use(AuditCommand(settings: settings), as: "audit")
}

extension DatabaseID {
    static let acumen = DatabaseID(string: "acumen")
}

/// Prepares the database for use: pending migrations, then per-database settings.
func prepareDatabase(_ app: Application, settings: AcumenSettings) async throws {
    try await app.autoMigrate()
    let fingerprint = RaterIdentity(secret: settings.anonymityKey).fingerprint
    guard try await InstanceKeyRepository(database: app.db).confirm(name: "anonymity", fingerprint: fingerprint) else {
        throw SettingsError.anonymityKeyChanged
    }
    try await settings.database.prepare(app.db)
    // Each event loop has its own connection; per-connection settings go to each.
    for loop in app.eventLoopGroup.makeIterator() {
        try await settings.database.prepareConnection(
            app.databases.database(.acumen, logger: app.logger, on: loop)!)
    }
}

struct DatabasePreparation: LifecycleHandler {
    let settings: AcumenSettings

    func willBootAsync(_ app: Application) async throws {
        try await prepareDatabase(app, settings: settings)
    }
}
