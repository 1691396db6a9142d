import AcumenCore
import AcumenStore
import Vapor

/// `acumen demo`: migrates, loads the demo organisation once, prints how to sign in, then serves.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: CommandHelp.text(.demoHostname))
        var hostname: String?
        @Option(name: "port", short: "p", help: CommandHelp.text(.demoPort))
        var port: Int?
        @Flag(name: "no-serve", help: CommandHelp.text(.demoNoServe))
        var noServe: Bool
    }

    let settings: AcumenSettings
    var help: String { CommandHelp.text(.demo) }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let passwords = app.password
        let outcome = try await DemoLoader(database: app.db).load(baseURL: settings.publicBaseURL) {
            try passwords.hash(DemoOrganisation.password)
        }
        // Every account manager assessed in the demo's past review gets a drafted roadmap, as the
        // programme manager would draft them; supervisors then set priorities and approve.
        if let manager = outcome.organisation.logins.first(where: { $0.role == .programmeManager }),
            let user = try await UserRepository(database: app.db).user(email: manager.email)
        {
            _ = try await RoadmapUseCases(database: app.db).draftMissing(byUserID: user.id)
        }
        let host = signature.hostname ?? "127.0.0.1"
        let port = signature.port ?? 8080
        let demo = outcome.organisation
        let console = context.console
        let text = settings.commandLocalizer
        console.print(
            outcome.createdSomething
                ? text.text(
                    CommandMessage.demoLoaded,
                    [
                        "vendor": demo.vendorName, "accountManagers": text.integer(demo.accountManagers.count),
                        "accounts": text.integer(demo.accounts.count),
                    ]) : text.text(CommandMessage.demoAlreadyLoaded))
        console.print(text.text(CommandMessage.database, ["database": "\(settings.database)"]))
        console.print("")
        console.print(
            text.text(
                CommandMessage.openAndSignIn, ["address": "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)/"]))
        for login in demo.logins {
            console.print(
                "  "
                    + text.text(
                        CommandMessage.login,
                        [
                            "email": login.email.padding(toLength: 48, withPad: " ", startingAt: 0),
                            "role": text.text(RoleMessage(login.role)), "note": login.note,
                        ]))
        }
        console.print(
            text.text(
                CommandMessage.calibrated, ["people": text.list(DemoLoader.calibrationParticipants(demo))]))
        console.print(text.text(CommandMessage.password, ["password": DemoOrganisation.password]))
        console.print("")
        if signature.noServe { return }

        var serveContext = context
        serveContext.input = CommandInput(arguments: ["acumen serve", "--hostname", host, "--port", String(port)])
        try await app.servers.asyncCommand.run(using: &serveContext)
    }
}
